package org.gridmend.learning;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Record lessons studied": the crew must have ticked that it studied every lesson; the exam comes next. */
@Component
class RecordStudyDelegate implements JavaDelegate {

    private final LearningStepsService steps;

    RecordStudyDelegate(LearningStepsService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.studied(
                ProcessVariables.learningId(execution),
                execution.getVariable(StudyLessonsListener.LESSONS_READ),
                ProcessVariables.actor(execution));
        execution.removeVariable(StudyLessonsListener.LESSONS_READ);
    }
}
