package org.gridmend.custody;

import java.util.List;

import org.gridmend.core.PublicIds;
import org.gridmend.customer.PhoneNumbers;
import org.gridmend.electrician.ElectricianRegistryService;
import org.gridmend.grid.CustomerRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The custody contracts an electrician keeps, with what the inspection tasks leave out of the engine: the customer's
 * name, address and phone, and the inspection waiting.
 */
@Service
public class CustodyAssignmentService {

    /** A contract as its electrician needs it. */
    public record Assignment(
            String id,
            String status,
            String customerNo,
            String customerName,
            String address,
            String phone,
            List<ContractView.Item> equipment,
            ContractView.Inspection pending) {}

    private final CustodyMapper contracts;
    private final CustodyStepsService steps;
    private final ElectricianRegistryService electricians;

    CustodyAssignmentService(
            CustodyMapper contracts, CustodyStepsService steps, ElectricianRegistryService electricians) {
        this.contracts = contracts;
        this.steps = steps;
        this.electricians = electricians;
    }

    @Transactional(readOnly = true)
    public List<Assignment> mine(String userId) {
        return electricians.ofUser(userId).map(contracts::keptBy).orElse(List.of()).stream()
                .map(row -> {
                    CustomerRecord site = steps.site(row);
                    List<CustodyMapper.EquipmentRow> equipment = contracts.equipment(row.id());
                    CustodyMapper.InspectionRow pending = contracts.pending(row.id());
                    return new Assignment(
                            PublicIds.custody(row.id()),
                            row.status(),
                            row.customerNo(),
                            site.name(),
                            site.address(),
                            PhoneNumbers.national(row.phone()),
                            equipment.stream().map(CustodyViews::item).toList(),
                            pending == null
                                    ? null
                                    : CustodyViews.inspections(List.of(pending), equipment)
                                            .get(0));
                })
                .toList();
    }
}
