package org.gridmend.rental;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Release hold": nobody answered in time; the days are free again. */
@Component
class ReleaseHoldDelegate implements JavaDelegate {

    private final RentalStepsService steps;

    ReleaseHoldDelegate(RentalStepsService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.releaseHold(ProcessVariables.bookingId(execution));
    }
}
