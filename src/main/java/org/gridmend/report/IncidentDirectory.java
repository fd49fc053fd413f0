package org.gridmend.report;

import java.time.Instant;
import java.util.Optional;

/**
 * What the report side needs to know of incidents, answered by triage: a read-only look ahead for intake's answer,
 * and an incident's summary for the tracking page.
 */
public interface IncidentDirectory {

    /**
     * What triage will most likely decide for a report it has not seen yet, from what is open now: an outage notice
     * that answers it, or an open incident it will join. Empty when neither.
     */
    Foresight foresee(ReportRecord draft);

    Optional<IncidentBrief> brief(long incidentId);

    record Foresight(Long noticeId, Long incidentId, long reportsOnIncident) {

        public static final Foresight NOTHING = new Foresight(null, null, 0);
    }

    record IncidentBrief(
            long id,
            String publicId,
            String state,
            String level,
            String deviceId,
            long reports,
            Instant firstReportAt,
            Instant restoredAt) {}
}
