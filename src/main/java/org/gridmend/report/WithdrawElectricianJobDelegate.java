package org.gridmend.report;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Withdraw electrician job": the customer wants the utility crew instead. */
@Component
class WithdrawElectricianJobDelegate implements JavaDelegate {

    private final ReportProgressService progress;

    WithdrawElectricianJobDelegate(ReportProgressService progress) {
        this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
        progress.withdrawElectricianJob(ProcessVariables.reportId(execution));
    }
}
