package org.gridmend.electrician;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Record arrival". */
@Component
class RecordJobArrivalDelegate implements JavaDelegate {

    private final JobStepsService steps;

    RecordJobArrivalDelegate(JobStepsService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.arrival(ProcessVariables.jobId(execution), ProcessVariables.actor(execution));
        execution.removeVariable("arrivedOnSite");
    }
}
