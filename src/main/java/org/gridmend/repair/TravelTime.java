package org.gridmend.repair;

import java.time.Duration;

import org.gridmend.grid.AreaType;
import org.springframework.stereotype.Component;

/**
 * How long a crew drives: the straight line stretched by the road factor, at the area type's speed
 * ({@code gridmend.repair.road-factor}, {@code gridmend.repair.speed-kmh.*}). Dispatch's estimates, the new ETA of
 * a late crew and the demo's moving crews all use this one formula.
 */
@Component
public class TravelTime {

    private final RepairProperties properties;

    TravelTime(RepairProperties properties) {
        this.properties = properties;
    }

    /** The drive over {@code straightMetres} of straight line in an area of this type (null: rural). */
    public Duration drive(double straightMetres, AreaType area) {
        return Duration.ofSeconds(Math.round(straightMetres * properties.roadFactor() / metresPerSecond(area)));
    }

    /** How far, in straight line, a crew gets in {@code time} on the roads of this area type. */
    public double straightMetres(Duration time, AreaType area) {
        return metresPerSecond(area) * time.toMillis() / 1000.0 / properties.roadFactor();
    }

    private double metresPerSecond(AreaType area) {
        return properties.speedKmh().of(area) / 3.6;
    }
}
