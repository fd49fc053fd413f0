package org.gridmend.report;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Record nested outage": the customer is still out after the repair order restored power. */
@Component
class RecordNestedOutageDelegate implements JavaDelegate {

    private final ReportProgressService progress;

    RecordNestedOutageDelegate(ReportProgressService progress) {
        this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
        progress.recordNestedOutage(ProcessVariables.reportId(execution));
    }
}
