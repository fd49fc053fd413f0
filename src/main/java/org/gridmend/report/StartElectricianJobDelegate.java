package org.gridmend.report;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Start electrician job": an ElectricianJob for the report's home, which the report follows. */
@Component
class StartElectricianJobDelegate implements JavaDelegate {

    private final ReportProgressService progress;

    StartElectricianJobDelegate(ReportProgressService progress) {
        this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
        progress.startElectricianJob(ProcessVariables.reportId(execution));
    }
}
