package org.gridmend.report;

import java.util.List;

/** The repair order as a report's tracking page shows it, and the customer's messages with its crew as lines. */
final class TrackingIncidents {

    private TrackingIncidents() {}

    static TrackingView.Incident of(
            ReportRecord report, IncidentDirectory.IncidentBrief brief, RepairProgress.Progress progress) {
        if (progress == null) {
            return new TrackingView.Incident(
                    brief.publicId(),
                    brief.state(),
                    brief.level(),
                    brief.reports(),
                    brief.firstReportAt(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    brief.restoredAt(),
                    null);
        }
        TrackingView.Crew crew = progress.crewEmployeeNo() == null
                ? null
                : new TrackingView.Crew(progress.crewEmployeeNo(), progress.crewName());
        List<String> photos = progress.photoIds().stream()
                .map(id -> "/api/reports/" + report.publicId() + "/photos/" + id + "?token=" + report.trackingToken())
                .toList();
        return new TrackingView.Incident(
                brief.publicId(),
                brief.state(),
                brief.level(),
                brief.reports(),
                brief.firstReportAt(),
                crew,
                progress.eta(),
                progress.late() ? Boolean.TRUE : null,
                progress.arrivedAt(),
                progress.etr(),
                brief.restoredAt(),
                photos.isEmpty() ? null : photos);
    }

    /** A message of the customer's thread as a line of their timeline. */
    static TrackingView.Entry line(RepairProgress.Message message) {
        return new TrackingView.Entry(
                message.at(), message.fromCustomer() ? "MESSAGE_TO_CREW" : "MESSAGE_FROM_CREW", message.text());
    }
}
