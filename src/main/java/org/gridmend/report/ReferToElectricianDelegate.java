package org.gridmend.report;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Record electrician job ended": the report closes with its electrician job. */
@Component
class ReferToElectricianDelegate implements JavaDelegate {

    private final ReportProgressService progress;

    ReferToElectricianDelegate(ReportProgressService progress) {
        this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
        progress.referToElectrician(ProcessVariables.reportId(execution));
    }
}
