package org.gridmend.repair;

/** An open order whose crew accepted and has not arrived yet: where the crew is heading. */
public record EnRouteOrder(long incidentId, String crewId, Double lat, Double lng, String areaType) {}
