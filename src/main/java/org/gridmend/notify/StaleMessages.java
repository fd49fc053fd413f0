package org.gridmend.notify;

import java.util.Objects;

import org.springframework.stereotype.Component;

/**
 * Whether a message is still true when its turn to be sent comes. In a cascade of roll-ups a customer's order can
 * be merged again within seconds: "your order merged into R-…08" is withdrawn when R-…08 has itself merged, since
 * the customer will hear of the order they end on. A "please rate" after the rating, a "is your power back?" after
 * the answer, a "moved to R-…" after a further move are withdrawn likewise. A withdrawn message is kept, with why.
 */
@Component
class StaleMessages {

    private final NotificationMapper mapper;

    StaleMessages(NotificationMapper mapper) {
        this.mapper = mapper;
    }

    /** Why the message is no longer true, or null when it is (or nothing can be said against it). */
    String whyStale(String eventType, Long incidentId, Long reportId) {
        NotificationEvent event;
        try {
            event = NotificationEvent.valueOf(eventType);
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return null;
        }
        switch (event) {
            case MERGED_UPSTREAM -> {
                if (incidentId != null && "MERGED".equals(mapper.mergedTargetState(incidentId))) {
                    return "the order it names merged again; the customers hear of the order they end on";
                }
            }
            case REPORT_MOVED, CONFIRMATION_REQUEST, RATING_REQUEST -> {
                NotificationMapper.ReportNow now = reportId == null ? null : mapper.reportNow(reportId);
                if (now == null) {
                    return null;
                }
                if (event == NotificationEvent.REPORT_MOVED
                        && (!Objects.equals(now.incidentId(), incidentId) || "MERGED".equals(now.incidentState()))) {
                    return "the report moved again; its reporter hears of the order it ends on";
                }
                if (event == NotificationEvent.CONFIRMATION_REQUEST && Boolean.TRUE.equals(now.powerRestored())) {
                    return "the customer said already that power is back";
                }
                if (event == NotificationEvent.RATING_REQUEST && (now.ratings() > 0 || "CLOSED".equals(now.status()))) {
                    return now.ratings() > 0 ? "the customer rated already" : "the report closed";
                }
            }
            default -> {}
        }
        return null;
    }
}
