package org.gridmend.report;

/** What intake answers, and what a replay of the same request answers again. */
public record ReportAnswer(
        String reportId,
        String trackingToken,
        ReportStatus status,
        String incidentId,
        boolean merged,
        String message) {}
