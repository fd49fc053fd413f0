package org.gridmend.custody;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Offer renewal", 30 days before the end. */
@Component
class OfferRenewalDelegate implements JavaDelegate {

    private final CustodyStepsService steps;

    OfferRenewalDelegate(CustodyStepsService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.offerRenewal(ProcessVariables.custodyId(execution));
    }
}
