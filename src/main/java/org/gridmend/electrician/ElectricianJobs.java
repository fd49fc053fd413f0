package org.gridmend.electrician;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** The electrician of a job's tasks, by a name designers write: {@code ${electricianJobs.assignee(execution)}}. */
@Component("electricianJobs")
public class ElectricianJobs {

    private final JobStepsService steps;

    ElectricianJobs(JobStepsService steps) {
        this.steps = steps;
    }

    public String assignee(DelegateExecution execution) {
        return steps.assignee(ProcessVariables.jobId(execution));
    }
}
