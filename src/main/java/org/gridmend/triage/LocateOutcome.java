package org.gridmend.triage;

/** The flag the FaultReport process branches on after "Place report on the grid". */
public enum LocateOutcome {
    /** On the grid: a customer or transformer area. */
    LOCATED,
    /** No grid match, but a location: grouped with nearby reports. */
    BY_POSITION,
    /** Nothing matched: a dispatcher must place it. */
    NOT_LOCATED,
    /** The dispatcher could not place it either. */
    UNLOCATABLE
}
