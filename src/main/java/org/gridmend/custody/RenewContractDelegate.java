package org.gridmend.custody;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Renew contract": the end moves on by the term. */
@Component
class RenewContractDelegate implements JavaDelegate {

    private final CustodyStepsService steps;

    RenewContractDelegate(CustodyStepsService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.renew(ProcessVariables.custodyId(execution));
    }
}
