package org.gridmend.custody;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Offer contract": the term and fee, by SMS and on the custody page. */
@Component
class OfferContractDelegate implements JavaDelegate {

    private final CustodyStepsService steps;

    OfferContractDelegate(CustodyStepsService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.offer(ProcessVariables.custodyId(execution));
    }
}
