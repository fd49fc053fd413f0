package org.gridmend.report;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.core.ProcessConstants;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Ask whether power is back". */
@Component
class AskForConfirmationDelegate implements JavaDelegate {

    private final ReportProgressService progress;

    AskForConfirmationDelegate(ReportProgressService progress) {
        this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Optional<Boolean> answered = progress.askForConfirmation(ProcessVariables.reportId(execution));
        execution.setVariable(ProcessConstants.ANSWERED_EARLY, answered.isPresent());
        answered.ifPresent(powerBack -> execution.setVariable(ProcessConstants.POWER_RESTORED, powerBack));
    }
}
