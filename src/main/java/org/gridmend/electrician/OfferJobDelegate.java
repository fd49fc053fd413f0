package org.gridmend.electrician;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Offer job to next electrician": sets {@code electricianFound}. */
@Component
class OfferJobDelegate implements JavaDelegate {

    private final JobStepsService steps;

    OfferJobDelegate(JobStepsService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("electricianFound", steps.offer(ProcessVariables.jobId(execution)));
    }
}
