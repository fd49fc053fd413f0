package org.gridmend.custody;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "End contract". */
@Component
class EndContractDelegate implements JavaDelegate {

    private final CustodyStepsService steps;

    EndContractDelegate(CustodyStepsService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.end(ProcessVariables.custodyId(execution));
    }
}
