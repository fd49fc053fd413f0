package org.gridmend.triage;

import java.time.Instant;

import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.gridmend.core.PublicIds;
import org.springframework.stereotype.Component;

/**
 * Triage decisions (a report answered by a notice, referred behind the meter, joined to or opening an incident; an
 * incident merged or restored), each kept as a decision row for the incident's views and as an audit event with
 * the rule that fired.
 */
@Component
public class DecisionLog {

    private final IncidentMapper incidents;
    private final AuditTrail audit;

    DecisionLog(IncidentMapper incidents, AuditTrail audit) {
        this.incidents = incidents;
        this.audit = audit;
    }

    public void record(Long reportId, Long incidentId, Decision decision, TriageRule rule, String reason, Instant at) {
        // the stored reason is for people: at most 500 characters; the audit event keeps it whole
        incidents.insertDecision(
                reportId,
                incidentId,
                decision.name(),
                rule,
                reason.length() <= 500 ? reason : reason.substring(0, 499) + "…",
                at);
        audit.record(AuditEntry.of("TRIAGE_" + decision)
                .at(at)
                .report(reportId)
                .incident(incidentId)
                .detail("rule", rule)
                .detail("reason", reason)
                .detail("incident", PublicIds.incident(incidentId)));
    }

    /** A new incident (and its repair order). */
    public void opened(IncidentRecord incident) {
        audit.record(AuditEntry.of("INCIDENT_OPENED")
                .at(incident.createdAt())
                .incident(incident.id())
                .device(incident.deviceId())
                .detail("level", incident.level())
                .detail("feeder", incident.feederId())
                .detail("rule", incident.rule())
                .detail("reason", incident.reason()));
    }
}
