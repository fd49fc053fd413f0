package org.gridmend.report;

/** Where a report stands, as the customer's tracking page shows it. */
public enum ReportStatus {
    /** Accepted; being located and judged. */
    RECEIVED,
    /** Waiting for a dispatcher to place it on the grid. */
    LOCATING,
    /** Closed: nobody could place it on the grid. */
    UNLOCATED,
    /** Closed: answered by a planned or announced outage notice. */
    PLANNED_OUTAGE,
    /** Only this home is out and the neighbours are fine: a social electrician is offered. */
    BEHIND_METER,
    /** The customer chose a social electrician: the report follows the electrician's job (E-…). */
    ELECTRICIAN,
    /** Closed: a social electrician's job served the customer (or ended). */
    REFERRED,
    /** On an incident; a crew repairs it. */
    IN_REPAIR,
    /** The repair order says power is back; waiting for the customer to confirm. */
    RESTORED,
    /** Power is back; waiting for the customer's rating. */
    RATING,
    /** Done. */
    CLOSED;

    public boolean isFinal() {
        return this == UNLOCATED || this == PLANNED_OUTAGE || this == REFERRED || this == CLOSED;
    }
}
