package org.gridmend.learning;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.gridmend.core.PublicIds;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Decide after failed exams" shows the station lead the crew, the skill and the scores of its exams. */
@Component
class FailedExamsListener implements TaskListener {

    private final LearningStepsService steps;

    FailedExamsListener(LearningStepsService steps) {
        this.steps = steps;
    }

    @Override
    public void notify(DelegateTask task) {
        long learningId = ProcessVariables.learningId(task.getExecution());
        task.setVariablesLocal(steps.escalated(learningId));
        task.setName("考试未过 " + PublicIds.learning(learningId) + " · Decide after failed exams");
    }
}
