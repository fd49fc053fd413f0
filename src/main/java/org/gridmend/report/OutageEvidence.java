package org.gridmend.report;

import java.time.Instant;

/**
 * What the report side tells outage prediction besides reports: that power is on at a customer's home. Answered by
 * triage; a port of the report side, so that it does not depend on triage's services.
 */
public interface OutageEvidence {

    /** Who says power is on: the customer ("我家有电"), their confirmation that power is back, or their meter. */
    enum PowerOnSource {
        CUSTOMER,
        CONFIRMATION,
        METER
    }

    /**
     * Power is on at this customer's home since {@code at}. Returns whether it contradicted an open incident above
     * the customer's area (and the prediction moved).
     */
    boolean powerOn(String customerNo, PowerOnSource source, Instant at);
}
