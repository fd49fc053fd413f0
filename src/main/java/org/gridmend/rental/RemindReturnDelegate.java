package org.gridmend.rental;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Remind return": the renter is reminded of the return time. */
@Component
class RemindReturnDelegate implements JavaDelegate {

    private final RentalStepsService steps;

    RemindReturnDelegate(RentalStepsService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.remind(ProcessVariables.bookingId(execution));
    }
}
