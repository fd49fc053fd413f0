package org.gridmend.triage;

/** The rule behind a triage decision, recorded with every incident and decision for dispatchers and auditors. */
public enum TriageRule {
    /** The first report from a transformer area with no open incident above it. */
    FIRST_REPORT,
    /** A report from an area an open incident already covers (its transformer or a device above it). */
    COVERED_BY_OPEN_INCIDENT,
    /** Reports from at least N transformers below one device within the window. */
    ROLLUP_TRANSFORMERS,
    /** Reports from at least a share of the customers below one device within the window. */
    ROLLUP_CUSTOMER_SHARE,
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
