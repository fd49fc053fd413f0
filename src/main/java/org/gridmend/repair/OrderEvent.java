package org.gridmend.repair;

import java.time.Instant;

/** A line of a repair order's timeline; every report on its incident shows it. */
public record OrderEvent(long id, long incidentId, Instant at, String type, String text, String actor) {}
