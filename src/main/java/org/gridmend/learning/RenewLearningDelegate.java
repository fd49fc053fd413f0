package org.gridmend.learning;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Renew certification": the certification ends soon; the crew studies and sits the exam again. */
@Component
class RenewLearningDelegate implements JavaDelegate {

    private final LearningStepsService steps;

    RenewLearningDelegate(LearningStepsService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.renew(ProcessVariables.learningId(execution));
        execution.removeVariable(ExamListener.PASSED);
        execution.removeVariable(ExamListener.FAILS_REACHED);
    }
}
