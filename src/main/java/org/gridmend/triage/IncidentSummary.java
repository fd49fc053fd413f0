package org.gridmend.triage;

import java.time.Instant;

import org.gridmend.grid.AreaType;

/** A row of the incident list: the incident and how many reports it carries. */
public record IncidentSummary(
        long id,
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
        String prediction,
        long reportCount) {}
