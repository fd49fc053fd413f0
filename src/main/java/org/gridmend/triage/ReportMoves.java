package org.gridmend.triage;

import java.time.Instant;
import java.util.List;

import org.gridmend.core.CustomerTexts;
import org.gridmend.notify.NotificationEvent;
import org.gridmend.notify.NotificationService;
import org.gridmend.report.ReportMapper;
import org.springframework.stereotype.Component;

/**
 * Moves one area's reports from an incident to another when the prediction splits them apart: the reports follow,
 * each gets a timeline line and a decision with the reason, and each reporter hears once which order is theirs now.
 */
@Component
class ReportMoves {

    private final PredictionMapper mapper;
    private final ReportMapper reports;
    private final DecisionLog decisions;
    private final NotificationService notifications;
    private final CustomerTexts texts;

    ReportMoves(
            PredictionMapper mapper,
            ReportMapper reports,
            DecisionLog decisions,
            NotificationService notifications,
            CustomerTexts texts) {
        this.mapper = mapper;
        this.reports = reports;
        this.decisions = decisions;
        this.notifications = notifications;
        this.texts = texts;
    }

    int moveArea(IncidentRecord from, String transformerId, IncidentRecord to, String reason, Instant now) {
        List<Long> ids = mapper.reportIdsOnArea(from.id(), transformerId);
        if (ids.isEmpty()) {
            return 0;
        }
        mapper.relinkArea(from.id(), to.id(), transformerId, now);
        String line = texts.text("report.split", to.publicId(), to.deviceId());
        for (long reportId : ids) {
            reports.insertEvent(reportId, now, NotificationEvent.REPORT_MOVED.timelineType(), line);
            decisions.record(
                    reportId,
                    to.id(),
                    Decision.SPLIT,
                    TriageRule.CONTRADICTED,
                    "area " + transformerId
                            + " moved from " + from.publicId() + " (" + from.deviceId() + ") to " + to.publicId() + " ("
                            + to.deviceId() + "): " + reason,
                    now);
            notifications.notify(NotificationEvent.REPORT_MOVED, reportId, null, null);
        }
        return ids.size();
    }
}
