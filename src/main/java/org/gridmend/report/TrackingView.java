package org.gridmend.report;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code GET /api/reports/{id}?token=}: where the report stands, its incident, and its timeline. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrackingView(
        String reportId,
        ReportStatus status,
        Channel channel,
        Instant receivedAt,
        Incident incident,
        Notice notice,
        List<Entry> timeline,
        Actions actions) {

    /** The repair order the report is on: like a parcel, who comes, when, and what they found. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Incident(
            String incidentId,
            String state,
            String level,
            long reportsCount,
            Instant firstReportAt,
            Crew crew,
            Instant eta,
            Boolean late,
            Instant arrivedAt,
            Instant etr,
            Instant restoredAt,
            List<String> photos) {}

    /** The crew that accepted the order: its employee number, as the paper's "crew No. 0371 accepted". */
    public record Crew(String employeeNo, String name) {}

    public record Notice(long noticeId, String type, Instant start, Instant expectedEnd, String reason) {}

    public record Entry(Instant at, String type, String text) {}

    /** What the customer can do now. */
    public record Actions(boolean confirmRestoration, boolean rate, boolean chooseBehindMeter) {}
}
