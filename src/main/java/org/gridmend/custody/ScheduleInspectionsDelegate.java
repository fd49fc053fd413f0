package org.gridmend.custody;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Schedule inspections": the round of the plan; sets {@code inspectionPending}. */
@Component
class ScheduleInspectionsDelegate implements JavaDelegate {

    private final InspectionStepsService steps;

    ScheduleInspectionsDelegate(InspectionStepsService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("inspectionPending", steps.schedule(ProcessVariables.custodyId(execution)));
    }
}
