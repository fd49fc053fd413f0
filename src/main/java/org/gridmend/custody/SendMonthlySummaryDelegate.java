package org.gridmend.custody;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Send monthly summary" of the month just ended. */
@Component
class SendMonthlySummaryDelegate implements JavaDelegate {

    private final InspectionStepsService steps;

    SendMonthlySummaryDelegate(InspectionStepsService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.monthlySummary(ProcessVariables.custodyId(execution));
    }
}
