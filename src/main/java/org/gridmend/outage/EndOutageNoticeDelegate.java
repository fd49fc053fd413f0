package org.gridmend.outage;

import static org.gridmend.core.ProcessConstants.END_REASON;
import static org.gridmend.core.ProcessConstants.NOTICE_ENDING;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * "End notice": reports from the area are no longer answered with it. Sets {@code noticeEnding} to RESTORED (announce
 * power back), CANCELLED (a planned outage withdrawn before it began) or SILENT (a fault: its repair order tells).
 */
@Component
class EndOutageNoticeDelegate implements JavaDelegate {

    private final OutageNoticeService notices;

    EndOutageNoticeDelegate(OutageNoticeService notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long noticeId = ProcessVariables.noticeId(execution);
        Object reason = execution.getVariable(END_REASON);
        OutageNoticeService.Ending ending = notices.end(noticeId, reason == null ? "EXPECTED_END" : reason.toString());
        execution.setVariable(NOTICE_ENDING, ending.name());
    }
}
