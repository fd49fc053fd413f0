package org.gridmend.rental;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Cancel unpaid booking": not paid by the deadline; the days are free again. */
@Component
class CancelUnpaidBookingDelegate implements JavaDelegate {

    private final RentalStepsService steps;

    CancelUnpaidBookingDelegate(RentalStepsService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.cancelUnpaid(ProcessVariables.bookingId(execution));
    }
}
