package org.gridmend.rental;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Close booking": the refund is recorded and both are asked to rate each other. */
@Component
class CloseBookingDelegate implements JavaDelegate {

    private final RentalSettlementService steps;

    CloseBookingDelegate(RentalSettlementService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.close(ProcessVariables.bookingId(execution));
    }
}
