package org.gridmend.grid;

/** Great-circle distance on the sphere MySQL's and MariaDB's ST_Distance_Sphere use, so H2 gives the same answers. */
public final class GeoMath {

    /** The sphere radius of ST_Distance_Sphere in MySQL and MariaDB. */
    public static final double EARTH_RADIUS_M = 6_370_986;

    private GeoMath() {}

    public static double distanceM(double lat1, double lng1, double lat2, double lng2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLng = Math.toRadians(lng2 - lng1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLng / 2), 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
