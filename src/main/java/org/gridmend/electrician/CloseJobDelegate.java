package org.gridmend.electrician;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Close job" with the outcome its BPMN step names (input parameter {@code outcome}). */
@Component
class CloseJobDelegate implements JavaDelegate {

    private final JobStepsService steps;

    CloseJobDelegate(JobStepsService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.close(ProcessVariables.jobId(execution), ProcessVariables.string(execution, "outcome"));
    }
}
