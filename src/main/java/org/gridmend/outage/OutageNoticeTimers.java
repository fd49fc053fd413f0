package org.gridmend.outage;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * The OutageNotice process's timers, by a bean name designers can write in BPMN:
 * {@code ${outageNoticeTimers.weekBefore(execution)}}, {@code dayBefore}, {@code expectedEnd}. A time already past
 * fires at once, so a notice published less than a day ahead is announced immediately.
 */
@Component("outageNoticeTimers")
public class OutageNoticeTimers {

    private final OutageNoticeService notices;

    OutageNoticeTimers(OutageNoticeService notices) {
        this.notices = notices;
    }

    public Date weekBefore(DelegateExecution execution) {
        return Date.from(notices.startsAt(ProcessVariables.noticeId(execution)).minus(Duration.ofDays(7)));
    }

    public Date dayBefore(DelegateExecution execution) {
        return Date.from(notices.startsAt(ProcessVariables.noticeId(execution)).minus(Duration.ofDays(1)));
    }

    public Date expectedEnd(DelegateExecution execution) {
        return Date.from(notices.expectedEndAt(ProcessVariables.noticeId(execution)));
    }
}
