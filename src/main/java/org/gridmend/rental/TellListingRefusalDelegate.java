package org.gridmend.rental;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Tell listing refusal": the owner is told why the item stays out of the catalogue. */
@Component
class TellListingRefusalDelegate implements JavaDelegate {

    private final RentalListingStepsService steps;

    TellListingRefusalDelegate(RentalListingStepsService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.tellRefusal(ProcessVariables.rentalItemId(execution));
    }
}
