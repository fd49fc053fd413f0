package org.gridmend.triage;

import java.time.Instant;
import java.util.List;

import org.gridmend.core.CustomerTexts;
import org.gridmend.notify.NotificationEvent;
import org.gridmend.notify.NotificationService;
import org.gridmend.report.ReportPlacementService;
import org.springframework.stereotype.Component;

/**
 * Moves one area's reports from an incident to another when the prediction splits them apart: the reports follow,
 * each gets a timeline line and a decision with the reason, and each reporter hears once which order is theirs now.
 */
@Component
class ReportMoves {

    private final ReportPlacementService reports;
    private final DecisionLog decisions;
    private final NotificationService notifications;
    private final CustomerTexts texts;

    ReportMoves(
            ReportPlacementService reports,
            DecisionLog decisions,
            NotificationService notifications,
            CustomerTexts texts) {
        this.reports = reports;
        this.decisions = decisions;
        this.notifications = notifications;
        this.texts = texts;
    }

    int moveArea(IncidentRecord from, String transformerId, IncidentRecord to, String reason, Instant now) {
        String line = texts.text("report.split", to.publicId(), to.deviceId());
        List<Long> ids = reports.moveArea(from.id(), transformerId, to.id(), line, now);
        for (long reportId : ids) {
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
