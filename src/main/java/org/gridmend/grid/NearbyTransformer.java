package org.gridmend.grid;

/** A transformer near a point, with the great-circle distance in metres. */
public record NearbyTransformer(
        String id, String name, String feederId, AreaType areaType, double lat, double lng, double distanceM) {}
