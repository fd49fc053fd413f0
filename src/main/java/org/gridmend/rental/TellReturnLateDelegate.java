package org.gridmend.rental;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Tell return late": the return time passed; both are told. */
@Component
class TellReturnLateDelegate implements JavaDelegate {

    private final RentalStepsService steps;

    TellReturnLateDelegate(RentalStepsService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.tellLate(ProcessVariables.bookingId(execution));
    }
}
