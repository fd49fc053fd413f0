package org.gridmend.grid;

/** A customer near a point, with the great-circle distance in metres. */
public record NearbyCustomer(String customerNo, String transformerId, double lat, double lng, double distanceM) {}
