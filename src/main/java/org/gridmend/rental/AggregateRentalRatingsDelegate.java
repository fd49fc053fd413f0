package org.gridmend.rental;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Aggregate rental ratings": the renter's stars join the item's rating. */
@Component
class AggregateRentalRatingsDelegate implements JavaDelegate {

    private final RentalSettlementService steps;

    AggregateRentalRatingsDelegate(RentalSettlementService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.aggregate(ProcessVariables.bookingId(execution));
    }
}
