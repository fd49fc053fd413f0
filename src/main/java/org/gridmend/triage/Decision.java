package org.gridmend.triage;

/**
 * What triage decided about a report or an incident, as recorded in gm_triage_decision and the audit trail
 * ({@code TRIAGE_<decision>}).
 */
public enum Decision {
    /** The report opened a new incident. */
    OPENED,
    /** The report joined an open incident. */
    JOINED,
    /** A planned or announced outage notice answers the report. */
    OUTAGE_NOTICE,
    /** The fault is behind the meter. */
    BEHIND_METER,
    /** A dispatcher could not place the report. */
    UNLOCATABLE,
    /** The incident merged into the one above it. */
    MERGED,
    /** Reports moved to another incident when the prediction changed. */
    MOVED,
    /** A dispatcher split areas off an incident. */
    SPLIT,
    /** Power is back on the incident. */
    RESTORED,
    /** Meters below the incident were asked. */
    PINGED,
    /** The meters answered. */
    METERS_PINGED
}
