package org.gridmend.electrician;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Record quote accepted": the electrician repairs. */
@Component
class RecordQuoteAcceptedDelegate implements JavaDelegate {

    private final JobStepsService steps;

    RecordQuoteAcceptedDelegate(JobStepsService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.quoteAccepted(ProcessVariables.jobId(execution));
    }
}
