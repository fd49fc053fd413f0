package org.gridmend.triage;

import java.time.Instant;
import java.util.List;

import org.gridmend.core.PublicIds;
import org.gridmend.grid.AreaType;

public record IncidentRecord(
        long id,
        String openKey,
        String deviceId,
        IncidentLevel level,
        String feederId,
        AreaType areaType,
        Double lat,
        Double lng,
        IncidentState state,
        Long mergedIntoId,
        TriageRule rule,
        String reason,
        Instant firstReportAt,
        Instant createdAt,
        Instant restoredAt,
        Instant closedAt,
        String prediction,
        Long splitFromId) {

    public String publicId() {
        return PublicIds.incident(id);
    }

    /** Why the incident sits on its device, one line per node, most specific first. */
    public List<String> predictionLines() {
        return prediction == null || prediction.isBlank() ? List.of() : List.of(prediction.split("\n"));
    }

    static String openKeyOf(String deviceId) {
        return "D:" + deviceId;
    }
}
