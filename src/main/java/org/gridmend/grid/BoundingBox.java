package org.gridmend.grid;

import java.util.Locale;

/**
 * The latitude/longitude rectangle that contains a circle; the cheap prefilter before exact distances. On
 * MySQL/MariaDB it becomes a polygon for the spatial index ({@link #getWkt()}).
 */
public record BoundingBox(double minLat, double maxLat, double minLng, double maxLng) {

    public static BoundingBox around(double lat, double lng, double radiusM) {
        double dLat = Math.toDegrees(radiusM / GeoMath.EARTH_RADIUS_M);
        double cos = Math.cos(Math.toRadians(lat));
        double dLng = cos < 1e-6 ? 180 : Math.min(180, dLat / cos);
        return new BoundingBox(
                Math.max(-90, lat - dLat),
                Math.min(90, lat + dLat),
                Math.max(-180, lng - dLng),
                Math.min(180, lng + dLng));
    }

    /** Longitude first, as MySQL and MariaDB read POINT(x y) in a plain (SRID 0) geometry. */
    public String getWkt() {
        return String.format(
                Locale.ROOT,
                "POLYGON((%.7f %.7f,%.7f %.7f,%.7f %.7f,%.7f %.7f,%.7f %.7f))",
                minLng,
                minLat,
                maxLng,
                minLat,
                maxLng,
                maxLat,
                minLng,
                maxLat,
                minLng,
                minLat);
    }
}
