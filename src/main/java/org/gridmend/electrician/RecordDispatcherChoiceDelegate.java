package org.gridmend.electrician;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Record dispatcher choice": sets {@code electricianFound} (assigned) and clears the form. */
@Component
class RecordDispatcherChoiceDelegate implements JavaDelegate {

    private final JobDispatcherService steps;

    RecordDispatcherChoiceDelegate(JobDispatcherService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean assigned = steps.dispatcherChoice(
                ProcessVariables.jobId(execution),
                execution.getVariable("findDecision"),
                execution.getVariable("chosenElectricianId"),
                ProcessVariables.actor(execution));
        execution.setVariable("electricianFound", assigned);
        execution.removeVariable("findDecision");
        execution.removeVariable("chosenElectricianId");
    }
}
