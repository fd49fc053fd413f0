package org.gridmend.report;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Close unlocated report": nobody could place the report on the grid. */
@Component
class CloseUnlocatedReportDelegate implements JavaDelegate {

    private final ReportProgressService progress;

    CloseUnlocatedReportDelegate(ReportProgressService progress) {
        this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
        progress.closeUnlocated(ProcessVariables.reportId(execution));
    }
}
