package org.gridmend.custody;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Activate contract": the term starts now. */
@Component
class ActivateContractDelegate implements JavaDelegate {

    private final CustodyStepsService steps;

    ActivateContractDelegate(CustodyStepsService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.activate(ProcessVariables.custodyId(execution));
    }
}
