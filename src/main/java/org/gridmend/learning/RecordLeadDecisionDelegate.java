package org.gridmend.learning;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * "Record lead decision": study again (the fails start from zero) or withdraw; sets {@code retryLearning} and clears
 * the form's fields.
 */
@Component
class RecordLeadDecisionDelegate implements JavaDelegate {

    static final String RETRY = "retryLearning";

    private final LearningStepsService steps;

    RecordLeadDecisionDelegate(LearningStepsService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LearningStepsService.LeadDecision decision = steps.decide(
                ProcessVariables.learningId(execution),
                execution.getVariable("leadDecision"),
                execution.getVariable("leadRemark"),
                ProcessVariables.actor(execution));
        execution.setVariable(RETRY, decision == LearningStepsService.LeadDecision.RETRY);
        execution.removeVariable("leadDecision");
        execution.removeVariable("leadRemark");
        execution.removeVariable(ExamListener.PASSED);
        execution.removeVariable(ExamListener.FAILS_REACHED);
    }
}
