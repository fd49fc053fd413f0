package org.gridmend.electrician;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Record dispute outcome"; clears the form. */
@Component
class RecordDisputeOutcomeDelegate implements JavaDelegate {

    private final JobDispatcherService steps;

    RecordDisputeOutcomeDelegate(JobDispatcherService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.disputeOutcome(
                ProcessVariables.jobId(execution),
                execution.getVariable("disputeOutcome"),
                ProcessVariables.actor(execution));
        execution.removeVariable("disputeOutcome");
    }
}
