package org.gridmend.custody;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Find next inspection": sets {@code inspectionPending}. */
@Component
class FindNextInspectionDelegate implements JavaDelegate {

    private final InspectionStepsService steps;

    FindNextInspectionDelegate(InspectionStepsService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("inspectionPending", steps.pending(ProcessVariables.custodyId(execution)));
    }
}
