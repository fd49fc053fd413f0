package org.gridmend.repair;

import java.time.Instant;

/** A line of an incident's timeline; every report on the incident shows it. */
public record IncidentEvent(long id, long incidentId, Instant at, String type, String text, String actor) {}
