package org.gridmend.report;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Answer with outage notice": the report is answered by the notice that covers its area; no incident. */
@Component
class AnswerWithNoticeDelegate implements JavaDelegate {

    private final ReportProgressService progress;

    AnswerWithNoticeDelegate(ReportProgressService progress) {
        this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
        progress.answerWithNotice(ProcessVariables.reportId(execution));
    }
}
