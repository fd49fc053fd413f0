package org.gridmend.electrician;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Approve electrician": the user and its password link, or back at work after a renewal. */
@Component
class ApproveElectricianDelegate implements JavaDelegate {

    private final ElectricianReviewService steps;

    ApproveElectricianDelegate(ElectricianReviewService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.approve(ProcessVariables.electricianId(execution));
    }
}
