package org.gridmend.report;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.gridmend.notify.NotificationEvent;
import org.springframework.stereotype.Service;

/**
 * Where triage puts a report: on the grid, on an incident, under a notice, and onto another incident when incidents
 * merge or split. Triage decides; this is the one way its decisions reach gm_report and the reports' timelines, so
 * that the report side keeps the only hand on its tables.
 */
@Service
public class ReportPlacementService {

    private final ReportMapper reports;

    ReportPlacementService(ReportMapper reports) {
        this.reports = reports;
    }

    public ReportRecord find(long reportId) {
        return reports.findById(reportId);
    }

    /** Records where the report was found on the grid; {@code method} names how (archive, meter, position, none). */
    public void locate(
            long reportId, String customerNo, String transformerId, String feederId, String method, Instant now) {
        reports.updateLocation(reportId, customerNo, transformerId, feederId, method, now);
    }

    /** The report joins an incident and is in repair from now on. */
    public void joinIncident(long reportId, long incidentId, Instant now) {
        reports.linkIncident(reportId, incidentId, ReportStatus.IN_REPAIR, now);
    }

    /** The report is answered by an outage notice that covers its place. */
    public void answerWithNotice(long reportId, long noticeId, Instant now) {
        reports.setNotice(reportId, noticeId, now);
    }

    /**
     * All reports of the {@code from} incidents move to {@code to} (a roll-up); each gets {@code timelineLine} on its
     * timeline.
     */
    public void moveAll(Collection<Long> from, long to, String timelineLine, Instant now) {
        if (from.isEmpty()) {
            return;
        }
        reports.insertMovedEvents(from, now, timelineLine);
        reports.relinkReports(from, to, now);
    }

    /**
     * The reports of one transformer area that are in repair on {@code from} move to {@code to} (a split); each gets
     * {@code timelineLine}. Returns the ids of the reports moved.
     */
    public List<Long> moveArea(long from, String transformerId, long to, String timelineLine, Instant now) {
        List<Long> ids = reports.reportIdsOnArea(from, transformerId);
        if (ids.isEmpty()) {
            return ids;
        }
        reports.insertAreaEvents(from, transformerId, now, NotificationEvent.REPORT_MOVED.timelineType(), timelineLine);
        reports.relinkArea(from, to, transformerId, now);
        return ids;
    }
}
