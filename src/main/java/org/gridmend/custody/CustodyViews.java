package org.gridmend.custody;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.gridmend.core.ProcessConstants;
import org.gridmend.core.PublicIds;
import org.gridmend.core.UtilityZone;
import org.gridmend.customer.PhoneNumbers;
import org.gridmend.electrician.ElectricianRegistryService;
import org.springframework.stereotype.Component;

/** Contracts as customers see them, and whether a contract's process waits for a customer's answer. */
@Component
class CustodyViews {

    static final int INSPECTIONS_SHOWN = 60;

    private final CustodyMapper contracts;
    private final ElectricianRegistryService electricians;
    private final RuntimeService runtime;
    private final UtilityZone zone;

    CustodyViews(
            CustodyMapper contracts,
            ElectricianRegistryService electricians,
            RuntimeService runtime,
            UtilityZone zone) {
        this.contracts = contracts;
        this.electricians = electricians;
        this.runtime = runtime;
        this.zone = zone;
    }

    boolean waits(long contractId, String message) {
        return runtime.createExecutionQuery()
                        .processDefinitionKey(ProcessConstants.CUSTODY_CONTRACT)
                        .processInstanceBusinessKey(PublicIds.custody(contractId))
                        .messageEventSubscriptionName(message)
                        .count()
                > 0;
    }

    /** What the customer may answer now: one look at the contract's message subscriptions. */
    private ContractView.Actions actions(long contractId) {
        org.camunda.bpm.engine.runtime.ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processDefinitionKey(ProcessConstants.CUSTODY_CONTRACT)
                .processInstanceBusinessKey(PublicIds.custody(contractId))
                .singleResult();
        java.util.Set<String> waits = instance == null
                ? java.util.Set.of()
                : runtime
                        .createEventSubscriptionQuery()
                        .processInstanceId(instance.getId())
                        .eventType("message")
                        .list()
                        .stream()
                        .map(org.camunda.bpm.engine.runtime.EventSubscription::getEventName)
                        .collect(java.util.stream.Collectors.toSet());
        return new ContractView.Actions(
                waits.contains(ProcessConstants.MESSAGE_CONTRACT_ACCEPTED),
                waits.contains(ProcessConstants.MESSAGE_RENEWAL_ACCEPTED));
    }

    ContractView of(CustodyMapper.ContractRow row) {
        List<ContractView.Electrician> people = new ArrayList<>();
        for (Long id : new Long[] {row.electricianId(), row.secondElectricianId()}) {
            if (id != null) {
                electricians
                        .contact(id)
                        .ifPresent(c -> people.add(
                                new ContractView.Electrician(c.id(), c.name(), PhoneNumbers.national(c.phone()))));
            }
        }
        List<CustodyMapper.EquipmentRow> equipment = contracts.equipment(row.id());
        return new ContractView(
                PublicIds.custody(row.id()),
                row.customerNo(),
                row.serviceLevel(),
                row.status(),
                people,
                row.monthlyFee(),
                row.termMonths(),
                row.startsAt(),
                row.endsAt(),
                equipment.stream().map(CustodyViews::item).toList(),
                inspections(contracts.inspections(row.id(), INSPECTIONS_SHOWN), equipment),
                actions(row.id()));
    }

    CustodyService.Summary summary(CustodyMapper.ContractRow row, YearMonth month) {
        List<CustodyMapper.InspectionRow> done = contracts.doneBetween(
                row.id(), CustodyService.monthStart(month, zone), CustodyService.monthStart(month.plusMonths(1), zone));
        List<ContractView.Inspection> shown = inspections(done, contracts.equipment(row.id()));
        return new CustodyService.Summary(
                PublicIds.custody(row.id()),
                row.customerNo(),
                month,
                zone.nameZh() + " " + zone.nameEn(),
                shown,
                done.stream().filter(i -> !"OK".equals(i.result())).count());
    }

    static ContractView.Item item(CustodyMapper.EquipmentRow e) {
        Equipment.Type type = Equipment.Type.valueOf(e.type());
        return new ContractView.Item(
                e.id(), e.type(), type.label(), e.rating(), e.manufacturer(), e.madeYear(), e.location());
    }

    static List<ContractView.Inspection> inspections(
            List<CustodyMapper.InspectionRow> rows, List<CustodyMapper.EquipmentRow> equipment) {
        Map<Long, CustodyMapper.EquipmentRow> byId = new HashMap<>();
        equipment.forEach(e -> byId.put(e.id(), e));
        return rows.stream()
                .map(i -> {
                    CustodyMapper.EquipmentRow e = byId.get(i.equipmentId());
                    Equipment.Inspection kind = Equipment.Inspection.valueOf(i.kind());
                    return new ContractView.Inspection(
                            i.id(),
                            i.roundNo(),
                            e == null
                                    ? ""
                                    : Equipment.Type.valueOf(e.type()).zh + " " + e.rating() + " · " + e.location(),
                            kind.zh + " (" + kind.en + ")",
                            i.dueAt(),
                            i.doneAt(),
                            i.result(),
                            i.followUp());
                })
                .toList();
    }
}
