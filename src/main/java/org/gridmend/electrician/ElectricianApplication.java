package org.gridmend.electrician;

import java.util.List;

/**
 * What an electrician sends to apply ({@code POST /api/electricians/applications}); the phone is the signed-in
 * customer session's, verified by its SMS code.
 */
public record ElectricianApplication(
        String name,
        String certificateNo,
        String certificateType,
        String certificateExpires,
        List<String> skills,
        Area serviceArea,
        Hours workingHours) {

    /** Where the electrician works: a point and a radius in kilometres. */
    public record Area(Double lat, Double lng, Double radiusKm) {}

    /** Daily working hours in the utility's zone, "08:00" to "20:00" (an end before the start runs overnight). */
    public record Hours(String from, String to) {}
}
