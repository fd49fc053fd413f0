package org.gridmend.custody;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Start electrician job for the defect" on the customer's side. */
@Component
class StartDefectJobDelegate implements JavaDelegate {

    private final InspectionStepsService steps;

    StartDefectJobDelegate(InspectionStepsService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.startDefectJob(ProcessVariables.custodyId(execution));
    }
}
