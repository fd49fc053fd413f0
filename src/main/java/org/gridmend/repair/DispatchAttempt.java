package org.gridmend.repair;

import java.time.Instant;

/**
 * One offer of an incident to a crew: OFFERED, then ACCEPTED, DECLINED, LAPSED or CANCELLED; {@code rule} says why
 * this crew: NEAREST, GRID_OWNER, GRID_DEPUTY or DISPATCHER.
 */
public record DispatchAttempt(
        long id,
        long incidentId,
        String crewId,
        Instant offeredAt,
        Double distanceM,
        Instant eta,
        String outcome,
        String reason,
        Instant endedAt,
        String byUser,
        String candidates,
        String rule) {}
