package org.gridmend.learning;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** The crew's user for the CrewLearning tasks, by a name designers write: {@code ${learningCrew.user(execution)}}. */
@Component("learningCrew")
public class LearningCrew {

    private final LearningStepsService steps;

    LearningCrew(LearningStepsService steps) {
        this.steps = steps;
    }

    public String user(DelegateExecution execution) {
        return steps.crewUser(ProcessVariables.learningId(execution));
    }
}
