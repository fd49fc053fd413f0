package org.gridmend.rental;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Publish listing": the item appears in the catalogue and its owner is told. */
@Component
class PublishListingDelegate implements JavaDelegate {

    private final RentalListingStepsService steps;

    PublishListingDelegate(RentalListingStepsService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.publish(ProcessVariables.rentalItemId(execution));
    }
}
