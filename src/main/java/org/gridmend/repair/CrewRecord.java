package org.gridmend.repair;

import java.time.Instant;

import org.gridmend.grid.Skill;

/**
 * A crew as dispatch sees it: where it is (its last reported position if fresh, else its station or home), until
 * when it is certified for low and medium voltage work (null: never), whether it is on shift and how many orders it
 * has open.
 */
public record CrewRecord(
        String id,
        String employeeNo,
        String name,
        String phone,
        String stationId,
        String userId,
        Double homeLat,
        Double homeLng,
        Double stationLat,
        Double stationLng,
        Double lastLat,
        Double lastLng,
        Instant lastPositionAt,
        boolean onShift,
        Instant lvUntil,
        Instant mvUntil,
        long openOrders,
        int ratingCount,
        int ratingSum) {

    /** Whether the crew holds an unexpired certification of the skill at {@code now}. */
    public boolean certified(Skill skill, Instant now) {
        Instant until = skill == Skill.MV ? mvUntil : lvUntil;
        return until != null && until.isAfter(now);
    }

    public double ratingAverage() {
        return ratingCount == 0 ? 0 : (double) ratingSum / ratingCount;
    }
}
