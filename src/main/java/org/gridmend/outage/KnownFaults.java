package org.gridmend.outage;

import java.time.Instant;
import java.util.Optional;

import org.gridmend.grid.FeederTopology;

/**
 * What outage notices need of the faults triage knows, answered by triage: a fault notice opens the fault of its
 * device, and a customer's look-up shows the open fault over their area with its repair order's progress.
 */
public interface KnownFaults {

    /** Opens the fault of the announced device (or joins the one open there). */
    Opened openForNotice(FeederTopology feeder, String deviceId, String reason, Instant at);

    /** Lets prediction re-evaluate the feeder now that this fault holds its device (faults below merge into it). */
    void reevaluate(String feederId, long incidentId);

    /** The open fault whose device covers this transformer area, with its repair order's progress. */
    Optional<OutageLookupService.Repair> openCovering(FeederTopology feeder, String transformerId);

    record Opened(long incidentId, boolean created) {}
}
