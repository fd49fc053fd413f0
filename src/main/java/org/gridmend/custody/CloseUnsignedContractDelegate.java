package org.gridmend.custody;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Close unsigned contract": declined, or not answered in time. */
@Component
class CloseUnsignedContractDelegate implements JavaDelegate {

    private final CustodyStepsService steps;

    CloseUnsignedContractDelegate(CustodyStepsService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.closeUnsigned(ProcessVariables.custodyId(execution));
    }
}
