package org.gridmend.triage;

import java.time.Instant;

import org.gridmend.grid.AreaType;
import org.gridmend.core.PublicIds;

public record IncidentRecord(long id, String openKey, String deviceId, IncidentLevel level, String feederId,
                             AreaType areaType, Double lat, Double lng, IncidentState state, Long mergedIntoId,
                             TriageRule rule, String reason, Instant firstReportAt, Instant createdAt,
                             Instant restoredAt, Instant closedAt, String prediction, Long splitFromId) {

    public String publicId() {
        return PublicIds.incident(id);
    }

    /** Why the incident sits on its device, one line per node, most specific first. */
    public java.util.List<String> predictionLines() {
        return prediction == null || prediction.isBlank() ? java.util.List.of()
                : java.util.List.of(prediction.split("\n"));
    }

    static String openKeyOf(String deviceId) {
        return "D:" + deviceId;
    }
}
