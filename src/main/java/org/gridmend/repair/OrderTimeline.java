package org.gridmend.repair;

import java.time.Clock;
import java.time.Instant;

import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.springframework.stereotype.Component;

/** A repair order's timeline: what its customers see (accepted, arrived, diagnosed, ...), audited with details. */
@Component
class OrderTimeline {

    private final RepairOrderMapper orders;
    private final AuditTrail audit;
    private final Clock clock;

    OrderTimeline(RepairOrderMapper orders, AuditTrail audit, Clock clock) {
        this.orders = orders;
        this.audit = audit;
        this.clock = clock;
    }

    /** An event on the incident's timeline, and in the audit trail with its details. */
    void record(long incidentId, String type, String text, String actor, Object... details) {
        Instant now = clock.instant();
        orders.insertEvent(incidentId, now, type, text, actor);
        audit.record(AuditEntry.of(type)
                .at(now)
                .incident(incidentId)
                .user(actor)
                .detail("text", text)
                .details(details));
    }
}
