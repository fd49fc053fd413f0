package org.gridmend.learning;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.gridmend.core.PublicIds;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Study lessons" shows the course's lessons (and the phone page's link). */
@Component
class StudyLessonsListener implements TaskListener {

    static final String LESSONS_READ = "lessonsRead";

    private final LearningStepsService steps;

    StudyLessonsListener(LearningStepsService steps) {
        this.steps = steps;
    }

    @Override
    public void notify(DelegateTask task) {
        long learningId = ProcessVariables.learningId(task.getExecution());
        task.setVariablesLocal(steps.lessonsShown(learningId));
        task.setName("学习 " + PublicIds.learning(learningId) + " · Study lessons");
    }
}
