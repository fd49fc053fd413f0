package org.gridmend.electrician;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Record quote": cause, parts and labour; clears the form. */
@Component
class RecordQuoteDelegate implements JavaDelegate {

    private final JobStepsService steps;

    RecordQuoteDelegate(JobStepsService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.quote(
                ProcessVariables.jobId(execution),
                execution.getVariable("jobCause"),
                execution.getVariable("partsFee"),
                execution.getVariable("labourFee"),
                ProcessVariables.actor(execution));
        execution.removeVariable("jobCause");
        execution.removeVariable("partsFee");
        execution.removeVariable("labourFee");
    }
}
