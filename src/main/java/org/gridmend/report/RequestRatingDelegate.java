package org.gridmend.report;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Request rating". */
@Component
class RequestRatingDelegate implements JavaDelegate {

    private final ReportProgressService progress;

    RequestRatingDelegate(ReportProgressService progress) {
        this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
        progress.requestRating(ProcessVariables.reportId(execution));
    }
}
