package org.gridmend.electrician;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Tell applicant the refusal", with the reason the dispatcher picked. */
@Component
class TellRefusalDelegate implements JavaDelegate {

    private final ElectricianReviewService steps;

    TellRefusalDelegate(ElectricianReviewService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.tellRefusal(ProcessVariables.electricianId(execution));
    }
}
