package org.gridmend.learning;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.gridmend.core.PublicIds;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Take exam": the questions are drawn and shown in the form's slots when the task is created. */
@Component
class ExamListener implements TaskListener {

    static final String PASSED = "examPassed";
    static final String FAILS_REACHED = "examFailsReached";

    private final ExamService exams;

    ExamListener(ExamService exams) {
        this.exams = exams;
    }

    @Override
    public void notify(DelegateTask task) {
        long learningId = ProcessVariables.learningId(task.getExecution());
        task.setVariablesLocal(exams.draw(learningId, task.getId()));
        task.setName("考试 " + PublicIds.learning(learningId) + " · Take exam");
    }
}
