package org.gridmend.report;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Close report" and "Close unrated report". */
@Component
class CloseReportDelegate implements JavaDelegate {

    private final ReportProgressService progress;

    CloseReportDelegate(ReportProgressService progress) {
        this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
        progress.close(ProcessVariables.reportId(execution));
    }
}
