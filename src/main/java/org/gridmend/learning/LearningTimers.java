package org.gridmend.learning;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * The CrewLearning process's timers, by a bean name designers can write in BPMN: {@code ${learningTimers.retryWait}}
 * (after a failed exam) and {@code ${learningTimers.renewAt(execution)}} (renew-before ahead of the certification's
 * expiry).
 */
@Component("learningTimers")
public class LearningTimers {

    private final LearningProperties properties;
    private final LearningStepsService steps;

    LearningTimers(LearningProperties properties, LearningStepsService steps) {
        this.properties = properties;
        this.steps = steps;
    }

    public String getRetryWait() {
        return properties.retryWait().toString();
    }

    public Date renewAt(DelegateExecution execution) {
        return Date.from(steps.renewAt(ProcessVariables.learningId(execution)));
    }
}
