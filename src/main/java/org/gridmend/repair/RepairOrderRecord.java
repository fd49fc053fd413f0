package org.gridmend.repair;

import java.time.Instant;

import org.gridmend.core.PublicIds;
import org.gridmend.grid.AreaType;
import org.gridmend.triage.IncidentLevel;
import org.gridmend.triage.IncidentState;

/** The repair side of an incident. */
public record RepairOrderRecord(
        long id,
        String deviceId,
        IncidentLevel level,
        String feederId,
        AreaType areaType,
        Double lat,
        Double lng,
        IncidentState state,
        Instant firstReportAt,
        String crewId,
        Instant arrivalDeadline,
        Instant eta,
        Instant etr,
        Instant acceptedAt,
        Instant arrivedAt,
        Double arrivalDistanceM,
        boolean late,
        String cause,
        Instant diagnosedAt,
        String resolution,
        Instant repairedAt,
        Instant restoredAt,
        Instant reviewedAt,
        String reviewedBy,
        String reviewRemark,
        Integer ratingCount,
        Double ratingAverage) {

    public String publicId() {
        return PublicIds.incident(id);
    }

    /** Medium voltage (feeder devices) or low voltage (a transformer area, or a location cluster). */
    public boolean needsMediumVoltage() {
        return level != IncidentLevel.TRANSFORMER && level != IncidentLevel.LOCATION;
    }
}
