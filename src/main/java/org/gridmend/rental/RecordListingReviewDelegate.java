package org.gridmend.rental;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Record listing review": sets {@code listingApproved} and clears the form. */
@Component
class RecordListingReviewDelegate implements JavaDelegate {

    private final RentalListingStepsService steps;

    RecordListingReviewDelegate(RentalListingStepsService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean approved = steps.review(
                ProcessVariables.rentalItemId(execution),
                execution.getVariable("listingDecision"),
                execution.getVariable("listingRefusalReason"),
                ProcessVariables.actor(execution));
        execution.setVariable("listingApproved", approved);
        execution.removeVariable("listingDecision");
        execution.removeVariable("listingRefusalReason");
    }
}
