package org.gridmend.custody;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Tell customer the refusal", with its reason. */
@Component
class TellCustodyRefusalDelegate implements JavaDelegate {

    private final CustodyStepsService steps;

    TellCustodyRefusalDelegate(CustodyStepsService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.tellRefusal(ProcessVariables.custodyId(execution));
    }
}
