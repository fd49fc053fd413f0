package org.gridmend.electrician;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Record review": sets {@code applicationApproved} and clears the form's fields. */
@Component
class RecordApplicationReviewDelegate implements JavaDelegate {

    private final ElectricianReviewService steps;

    RecordApplicationReviewDelegate(ElectricianReviewService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean approved = steps.review(
                ProcessVariables.electricianId(execution),
                execution.getVariable("reviewDecision"),
                execution.getVariable("refusalReason"),
                ProcessVariables.actor(execution));
        execution.setVariable("applicationApproved", approved);
        execution.removeVariable("reviewDecision");
        execution.removeVariable("refusalReason");
    }
}
