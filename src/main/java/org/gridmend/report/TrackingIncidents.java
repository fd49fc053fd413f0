package org.gridmend.report;

import java.util.List;

/** The repair order as a report's tracking page shows it, and the customer's messages with its crew as lines. */
final class TrackingIncidents {

    private TrackingIncidents() {}

    /** The order's incident with who comes and when (none of that before the repair side has the order). */
    static TrackingView.Incident of(
            ReportRecord report, IncidentDirectory.IncidentBrief brief, RepairProgress.Progress progress) {
        boolean known = progress != null;
        TrackingView.Crew crew = !known || progress.crewEmployeeNo() == null
                ? null
                : new TrackingView.Crew(progress.crewEmployeeNo(), progress.crewName());
        List<String> photos = !known
                ? List.of()
                : progress.photoIds().stream()
                        .map(id -> "/api/reports/" + report.publicId() + "/photos/" + id + "?token="
                                + report.trackingToken())
                        .toList();
        return new TrackingView.Incident(
                brief.publicId(),
                brief.state(),
                brief.level(),
                brief.reports(),
                brief.firstReportAt(),
                crew,
                known ? progress.eta() : null,
                known && progress.late() ? Boolean.TRUE : null,
                known ? progress.arrivedAt() : null,
                known ? progress.etr() : null,
                brief.restoredAt(),
                photos.isEmpty() ? null : photos);
    }

    /** A message of the customer's thread as a line of their timeline. */
    static TrackingView.Entry line(RepairProgress.Message message) {
        return new TrackingView.Entry(
                message.at(), message.fromCustomer() ? "MESSAGE_TO_CREW" : "MESSAGE_FROM_CREW", message.text());
    }
}
