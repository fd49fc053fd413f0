package org.gridmend.electrician;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Tell customer no electrician yet": honestly, and a FaultReport offers the utility crew again. */
@Component
class TellNoElectricianDelegate implements JavaDelegate {

    private final JobStepsService steps;

    TellNoElectricianDelegate(JobStepsService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.tellNoElectrician(ProcessVariables.jobId(execution));
    }
}
