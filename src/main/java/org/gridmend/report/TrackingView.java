package org.gridmend.report;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code GET /api/reports/{id}?token=}: where the report stands, its incident, and its timeline. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrackingView(String reportId, ReportStatus status, Channel channel, Instant receivedAt,
                           Incident incident, Notice notice, List<Entry> timeline, Actions actions) {

    /** The repair order the report is on. Crew and times come with the repair order. */
    public record Incident(String incidentId, String state, String level, long reportsCount, Instant firstReportAt,
                           Instant restoredAt) {
    }

    public record Notice(long noticeId, String type, Instant start, Instant expectedEnd, String reason) {
    }

    public record Entry(Instant at, String type, String text) {
    }

    /** What the customer can do now. */
    public record Actions(boolean confirmRestoration, boolean rate, boolean chooseBehindMeter) {
    }
}
