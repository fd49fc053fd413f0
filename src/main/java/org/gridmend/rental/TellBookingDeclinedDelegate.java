package org.gridmend.rental;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Tell booking declined": the days are free again and the renter is told why. */
@Component
class TellBookingDeclinedDelegate implements JavaDelegate {

    private final RentalStepsService steps;

    TellBookingDeclinedDelegate(RentalStepsService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.tellDeclined(ProcessVariables.bookingId(execution));
    }
}
