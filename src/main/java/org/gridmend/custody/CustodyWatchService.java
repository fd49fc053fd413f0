package org.gridmend.custody;

import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.gridmend.core.PublicIds;
import org.gridmend.electrician.ElectricianRegistryService;
import org.gridmend.notify.DirectMessageService;
import org.gridmend.report.PriorityCustomers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fault priority for customers under custody: their report on its incident is flagged (an audit event the board and
 * the trace show, {@code CUSTODY_FAULT_FLAGGED}) and the contract's electricians are told by SMS at once.
 */
@Service
public class CustodyWatchService implements PriorityCustomers {

    private final CustodyMapper contracts;
    private final ElectricianRegistryService electricians;
    private final DirectMessageService messages;
    private final AuditTrail audit;

    CustodyWatchService(
            CustodyMapper contracts,
            ElectricianRegistryService electricians,
            DirectMessageService messages,
            AuditTrail audit) {
        this.contracts = contracts;
        this.electricians = electricians;
        this.messages = messages;
        this.audit = audit;
    }

    @Override
    @Transactional
    public void faultReported(String customerNo, long reportId, long incidentId) {
        CustodyMapper.ContractRow contract = contracts.active(customerNo);
        if (contract == null) {
            return;
        }
        String id = PublicIds.custody(contract.id());
        for (Long electrician : new Long[] {contract.electricianId(), contract.secondElectricianId()}) {
            if (electrician == null) {
                continue;
            }
            electricians
                    .contact(electrician)
                    .ifPresent(c -> messages.tellPerson(
                            "E:" + c.userId(),
                            c.phone(),
                            "CUSTODY_FAULT",
                            id + "|" + PublicIds.report(reportId),
                            "custody.fault",
                            customerNo,
                            id,
                            PublicIds.report(reportId),
                            PublicIds.incident(incidentId)));
        }
        audit.record(AuditEntry.of("CUSTODY_FAULT_FLAGGED")
                .customer(customerNo)
                .report(reportId)
                .incident(incidentId)
                .subject(id));
    }
}
