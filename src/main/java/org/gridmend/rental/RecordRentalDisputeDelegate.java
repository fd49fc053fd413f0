package org.gridmend.rental;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Record dispute outcome": the charge rental staff let stand; clears the form. */
@Component
class RecordRentalDisputeDelegate implements JavaDelegate {

    private final RentalSettlementService settlement;

    RecordRentalDisputeDelegate(RentalSettlementService settlement) {
        this.settlement = settlement;
    }

    @Override
    public void execute(DelegateExecution execution) {
        settlement.resolve(
                ProcessVariables.bookingId(execution),
                execution.getVariable("rentalCharge"),
                execution.getVariable("rentalDisputeNote"),
                ProcessVariables.actor(execution));
        execution.removeVariable("rentalCharge");
        execution.removeVariable("rentalDisputeNote");
    }
}
