package org.gridmend.rental;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Tell booking confirmed": the price, the deposit and whom to pay, by when. */
@Component
class TellBookingConfirmedDelegate implements JavaDelegate {

    private final RentalStepsService steps;

    TellBookingConfirmedDelegate(RentalStepsService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.tellConfirmed(ProcessVariables.bookingId(execution));
    }
}
