package org.gridmend.electrician;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Aggregate rating": the job's rating and the job done count for the electrician. */
@Component
class AggregateElectricianRatingDelegate implements JavaDelegate {

    private final JobStepsService steps;

    AggregateElectricianRatingDelegate(JobStepsService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.aggregateRating(ProcessVariables.jobId(execution));
    }
}
