package org.gridmend.triage;

import java.time.Instant;

import org.gridmend.grid.AreaType;
import org.gridmend.web.PublicIds;

public record IncidentRecord(long id, String openKey, String deviceId, IncidentLevel level, String feederId,
                             AreaType areaType, Double lat, Double lng, IncidentState state, Long mergedIntoId,
                             TriageRule rule, String reason, Instant firstReportAt, Instant createdAt,
                             Instant restoredAt, Instant closedAt) {

    public String publicId() {
        return PublicIds.incident(id);
    }

    static String openKeyOf(String deviceId) {
        return "D:" + deviceId;
    }
}
