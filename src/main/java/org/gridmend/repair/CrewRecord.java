package org.gridmend.repair;

import java.time.Instant;

/**
 * A crew as dispatch sees it: where it is (its last reported position if fresh, else its station or home), what it
 * may work on, whether it is on shift and how many orders it has open.
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
        boolean lv,
        boolean mv,
        long openOrders,
        int ratingCount,
        int ratingSum) {

    public double ratingAverage() {
        return ratingCount == 0 ? 0 : (double) ratingSum / ratingCount;
    }
}
