package org.gridmend.grid;

/** A place as latitude and longitude in degrees (WGS-84 unless a method says otherwise). */
public record GeoPoint(double lat, double lng) {

    /** Great-circle distance in metres. */
    public double distanceM(GeoPoint other) {
        return GeoMath.distanceM(lat, lng, other.lat, other.lng);
    }

    /** Great-circle distance in metres to a place given by its coordinates. */
    public double distanceM(double otherLat, double otherLng) {
        return GeoMath.distanceM(lat, lng, otherLat, otherLng);
    }
}
