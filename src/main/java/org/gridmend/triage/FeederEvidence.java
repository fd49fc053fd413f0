package org.gridmend.triage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Everything outage prediction knows of one feeder at one moment: what customers and meters say in each transformer
 * area, the open incidents that hold a device, and what crews and dispatchers found. A set, not a sequence: the
 * prediction it gives does not depend on the order in which the pieces arrived.
 */
final class FeederEvidence {

    /** Where a statement comes from; the first ones say "out", the others "on". */
    enum Source {
        /** A customer's report, a hotline call or a meter's last gasp (a report of channel AMI). */
        REPORT,
        /** A meter that answered a ping without power. */
        METER_DARK,
        /** A meter that answered a ping with power. */
        METER_POWERED,
        /** A meter's POWER_RESTORED event. */
        METER_RESTORED,
        /** A customer who says power is on at home ("我家有电"). */
        CUSTOMER_POWER_ON,
        /** A customer's answer "power is back" to the confirmation request. */
        CONFIRMATION,
        /** A customer who reports "only my home, the neighbours have power" ("邻居有电"). */
        NEIGHBOURS_POWERED;

        boolean powered() {
            return this != REPORT && this != METER_DARK;
        }
    }

    /** One customer's (or meter's) word on an area: out or on, and since when. */
    record Statement(String areaId, String customer, Source source, Instant at) {}

    /** An open incident: it holds its device predicted until evidence contradicts it. */
    record Held(long incidentId, String nodeId, Instant since, boolean fixed) {}

    /** What a finding does to the prediction. */
    enum FindingKind {
        /** The crew named the faulty device in "Diagnose fault". */
        CREW_FOUND,
        /** A dispatcher moved the incident to a device. */
        DISPATCHER_MOVED,
        /** A dispatcher split areas off the incident: they are not explained by its device or anything above. */
        DISPATCHER_SPLIT
    }

    /**
     * A crew's or dispatcher's finding on an open incident: the fault is at {@code toNode} (the devices from
     * {@code fromNode} down to it are closed), or {@code areas} are not explained by {@code fromNode} or above.
     */
    record Finding(long incidentId, FindingKind kind, String fromNode, String toNode, Set<String> areas) {}

    private final List<Statement> statements = new ArrayList<>();
    private final List<Held> held = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();

    FeederEvidence add(Statement statement) {
        statements.add(statement);
        return this;
    }

    FeederEvidence hold(Held incident) {
        held.add(incident);
        return this;
    }

    FeederEvidence find(Finding finding) {
        findings.add(finding);
        return this;
    }

    List<Statement> statements() {
        return statements;
    }

    List<Held> held() {
        return held;
    }

    List<Finding> findings() {
        return findings;
    }

    boolean hasPowerOn() {
        return statements.stream().anyMatch(s -> s.source().powered());
    }
}
