package org.gridmend.outage;

import java.time.Duration;
import java.util.Date;

import org.springframework.stereotype.Component;

/**
 * The OutageNotice process's timers, by a bean name designers can write in BPMN:
 * {@code ${outageNoticeTimers.weekBefore(noticeId)}}, {@code dayBefore}, {@code expectedEnd}. A time already past
 * fires at once, so a notice published less than a day ahead is announced immediately.
 */
@Component("outageNoticeTimers")
public class OutageNoticeTimers {

    private final OutageNoticeService notices;

    OutageNoticeTimers(OutageNoticeService notices) {
        this.notices = notices;
    }

    public Date weekBefore(Object noticeId) {
        return Date.from(notices.startsAt(id(noticeId)).minus(Duration.ofDays(7)));
    }

    public Date dayBefore(Object noticeId) {
        return Date.from(notices.startsAt(id(noticeId)).minus(Duration.ofDays(1)));
    }

    public Date expectedEnd(Object noticeId) {
        return Date.from(notices.expectedEndAt(id(noticeId)));
    }

    private static long id(Object noticeId) {
        return ((Number) noticeId).longValue();
    }
}
