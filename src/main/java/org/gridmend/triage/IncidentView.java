package org.gridmend.triage;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.gridmend.grid.AreaType;

/**
 * An incident as dispatchers and auditors see it; the list leaves out report ids and decisions. {@code prediction}
 * explains why it sits on its device, one line per node ("FU2 (FUSE): 3 of 3 branches out (T4, T5, T6)").
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncidentView(
        String incidentId,
        String deviceId,
        IncidentLevel level,
        String feederId,
        AreaType areaType,
        Double lat,
        Double lng,
        IncidentState state,
        String mergedInto,
        TriageRule rule,
        String reason,
        List<String> prediction,
        Instant firstReportAt,
        Instant createdAt,
        Instant restoredAt,
        long reportsCount,
        List<String> reportIds,
        List<Decision> decisions,
        Repair repair) {

    /** The repair order's crew and its arrival deadline (the SLA), ETA and ETR. */
    public record Repair(
            String crewId,
            String crewEmployeeNo,
            Instant arrivalDeadline,
            Instant eta,
            boolean late,
            Instant arrivedAt,
            Instant etr) {}

    public record Decision(
            Instant at, String reportId, String incidentId, String decision, TriageRule rule, String reason) {}
}
