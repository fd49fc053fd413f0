package org.gridmend.triage;

/** The rule behind a triage decision, recorded with every incident and decision for dispatchers and auditors. */
public enum TriageRule {
    /** The first report from a transformer area with no open incident above it. */
    FIRST_REPORT,
    /** A report from an area an open incident already covers (its transformer or a device above it). */
    COVERED_BY_OPEN_INCIDENT,
    /** At least min-children of a device's immediate branches, and at least child-share of them, are out. */
    ROLLUP_BRANCHES,
    /** A device feeding a single area: at least customer-share of that area's customers reported. */
    ROLLUP_CUSTOMER_SHARE,
    /** Evidence contradicts the device an incident was on (power on below it): the incident moves down. */
    CONTRADICTED,
    /** The crew named the faulty device in "Diagnose fault". */
    CREW_FINDING,
    /** The AMI head-end answered a ping: dark meters confirm, powered ones veto. */
    METER_PING,
    /** No archive match: close in place and time to other such reports. */
    LOCATION_CLUSTER,
    /** An active planned or announced outage notice covers the area. */
    OUTAGE_NOTICE,
    /** Only this home is out; no neighbour reported and no neighbour's meter gasped. */
    BEHIND_METER,
    /** Power came back but the customer is still out: triaged again without the restored incident. */
    NESTED_OUTAGE,
    /** A dispatcher decided in "Locate report" (placed the report, or found it could not be placed). */
    DISPATCHER_DECISION,
    /** The repair order restored power: the incident takes no more reports; later ones open a new incident. */
    RESTORED
}
