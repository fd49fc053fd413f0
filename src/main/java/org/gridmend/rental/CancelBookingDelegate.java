package org.gridmend.rental;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Cancel booking": the renter cancelled before the handover; the days are free again. */
@Component
class CancelBookingDelegate implements JavaDelegate {

    private final RentalStepsService steps;

    CancelBookingDelegate(RentalStepsService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.cancel(ProcessVariables.bookingId(execution));
    }
}
