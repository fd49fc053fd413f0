package org.gridmend.custody;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Report fault on the utility side": a report into triage. */
@Component
class ReportUtilityFaultDelegate implements JavaDelegate {

    private final InspectionStepsService steps;

    ReportUtilityFaultDelegate(InspectionStepsService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.reportUtilityFault(ProcessVariables.custodyId(execution));
    }
}
