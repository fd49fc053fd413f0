package org.gridmend.rental;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * "Record owner answer": rental staff's form (the utility's items) or what the customer owner answered on the page
 * (recorded with the booking); sets {@code bookingConfirmed} and clears the form.
 */
@Component
class RecordOwnerAnswerDelegate implements JavaDelegate {

    private final RentalStepsService steps;

    RecordOwnerAnswerDelegate(RentalStepsService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean confirmed = steps.recordAnswer(
                ProcessVariables.bookingId(execution),
                execution.getVariable("rentalDecision"),
                execution.getVariable("rentalDeclineReason"),
                ProcessVariables.actor(execution));
        execution.setVariable("bookingConfirmed", confirmed);
        execution.removeVariable("rentalDecision");
        execution.removeVariable("rentalDeclineReason");
    }
}
