package org.gridmend.report;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Acknowledge report": tells the customer the repair order and how many neighbours reported. */
@Component
class AcknowledgeReportDelegate implements JavaDelegate {

    private final ReportProgressService progress;

    AcknowledgeReportDelegate(ReportProgressService progress) {
        this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
        progress.acknowledge(ProcessVariables.reportId(execution));
    }
}
