package org.gridmend.triage;

import java.time.Instant;

/** One recorded decision: which report went where, by which rule and why. */
public record TriageDecision(
        long id, Long reportId, Long incidentId, String decision, TriageRule rule, String reason, Instant at) {}
