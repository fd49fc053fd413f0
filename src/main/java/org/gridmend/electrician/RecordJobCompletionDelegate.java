package org.gridmend.electrician;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Record completion": the amount charged; clears the form. */
@Component
class RecordJobCompletionDelegate implements JavaDelegate {

    private final JobStepsService steps;

    RecordJobCompletionDelegate(JobStepsService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.completion(
                ProcessVariables.jobId(execution),
                execution.getVariable("amountCharged"),
                ProcessVariables.actor(execution));
        execution.removeVariable("amountCharged");
    }
}
