package org.gridmend.rental;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Ask owner to confirm": a customer owner is told of the request by SMS. */
@Component
class AskOwnerToConfirmDelegate implements JavaDelegate {

    private final RentalStepsService steps;

    AskOwnerToConfirmDelegate(RentalStepsService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.askOwner(ProcessVariables.bookingId(execution));
    }
}
