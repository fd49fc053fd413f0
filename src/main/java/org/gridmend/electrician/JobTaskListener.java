package org.gridmend.electrician;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.gridmend.core.PublicIds;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * Every ElectricianJob task shows the job (the customer's address and phone only once the electrician accepted), and
 * "Find electrician" the electricians who serve the place.
 */
@Component
class JobTaskListener implements TaskListener {

    private final JobStepsService steps;
    private final JobDispatcherService dispatcher;

    JobTaskListener(JobStepsService steps, JobDispatcherService dispatcher) {
        this.steps = steps;
        this.dispatcher = dispatcher;
    }

    @Override
    public void notify(DelegateTask task) {
        long jobId = ProcessVariables.jobId(task.getExecution());
        boolean find = "Task_FindElectrician".equals(task.getTaskDefinitionKey());
        task.setVariablesLocal(find ? dispatcher.findShown(jobId) : steps.summary(jobId));
        task.setName(PublicIds.job(jobId) + " · " + task.getName());
    }
}
