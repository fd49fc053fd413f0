package org.gridmend.triage;

/** Where a power observation ({@code gm_power_observation}) came from. */
enum ObservationSource {
    /** The AMI head-end's answer to a ping, before a crew drives out on an upstream prediction. */
    PING,
    /** A meter's POWER_RESTORED event. */
    METER,
    /** A customer who says power is on at home. */
    CUSTOMER,
    /** A customer's confirmation that power is back. */
    CONFIRMATION;

    FeederEvidence.Source evidence(boolean powered) {
        return switch (this) {
            case PING -> powered ? FeederEvidence.Source.METER_POWERED : FeederEvidence.Source.METER_DARK;
            case METER -> powered ? FeederEvidence.Source.METER_RESTORED : FeederEvidence.Source.METER_DARK;
            case CUSTOMER -> powered ? FeederEvidence.Source.CUSTOMER_POWER_ON : FeederEvidence.Source.REPORT;
            case CONFIRMATION -> powered ? FeederEvidence.Source.CONFIRMATION : FeederEvidence.Source.REPORT;
        };
    }
}
