package org.gridmend.electrician;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Record lapsed offer": the electrician did not answer in time. */
@Component
class RecordOfferLapseDelegate implements JavaDelegate {

    private final JobStepsService steps;

    RecordOfferLapseDelegate(JobStepsService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.lapse(ProcessVariables.jobId(execution));
    }
}
