package org.gridmend.electrician;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Suspend electrician": the certificate expired; no jobs until a renewal is approved. */
@Component
class SuspendElectricianDelegate implements JavaDelegate {

    private final ElectricianReviewService steps;

    SuspendElectricianDelegate(ElectricianReviewService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.suspend(ProcessVariables.electricianId(execution));
    }
}
