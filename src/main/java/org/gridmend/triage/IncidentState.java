package org.gridmend.triage;

public enum IncidentState {
    /** Reports join it; a repair order works on it. */
    OPEN,
    /** Power is back; new reports from its area open a new incident. */
    RESTORED,
    /** Reviewed and finished. */
    CLOSED,
    /** Absorbed by an upstream incident (roll-up); its reports follow that one. */
    MERGED
}
