package org.gridmend.repair;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.gridmend.core.CustomerTexts;
import org.gridmend.core.Pii;
import org.gridmend.core.ProcessConstants;
import org.gridmend.core.Refusal;
import org.gridmend.core.StaffUser;
import org.gridmend.notify.NotificationService;
import org.gridmend.process.TaskRefusal;
import org.gridmend.triage.FaultFindingService;
import org.gridmend.triage.IncidentService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of a repair order, each recorded on the incident and, where customers care, on its timeline: accepted,
 * declined or lapsed, arrived (checked against the crew's position), late, diagnosed, ETR changed, restored (and
 * every report told, batch by batch), reviewed, and the crew's rating once the customers have rated.
 */
@Service
public class RepairOrderService {

    /** The furthest an ETR may lie ahead: a repair that takes longer is a rebuild with a plan of its own. */
    static final Duration ETR_HORIZON = Duration.ofDays(30);

    private static final Logger log = LoggerFactory.getLogger(RepairOrderService.class);

    private final RepairOrderMapper orders;
    private final CrewMapper crews;
    private final IncidentService incidents;
    private final FaultFindingService findings;
    private final NotificationService notifications;
    private final RuntimeService runtime;
    private final CustomerTexts texts;
    private final RepairProperties properties;
    private final OrderTimeline timeline;
    private final AuditTrail audit;
    private final GridPreference grid;
    private final CallBindingService calls;
    private final Clock clock;

    RepairOrderService(
            RepairOrderMapper orders,
            CrewMapper crews,
            IncidentService incidents,
            FaultFindingService findings,
            RuntimeService runtime,
            CustomerTexts texts,
            RepairProperties properties,
            OrderTimeline timeline,
            AuditTrail audit,
            NotificationService notifications,
            GridPreference grid,
            CallBindingService calls,
            Clock clock) {
        this.grid = grid;
        this.calls = calls;
        this.timeline = timeline;
        this.notifications = notifications;
        this.findings = findings;
        this.audit = audit;
        this.orders = orders;
        this.crews = crews;
        this.incidents = incidents;
        this.runtime = runtime;
        this.texts = texts;
        this.properties = properties;
        this.clock = clock;
    }

    /** The RepairOrder process started: the order exists from now on, before any crew is sought. */
    @Transactional
    public void open(long incidentId) {
        if (orders.open(incidentId, clock.instant()) > 0) {
            grid.tellOwner(orders.find(incidentId));
        }
    }

    public RepairOrderRecord order(long incidentId) {
        return orders.find(incidentId);
    }

    /**
     * The crew's answer in "Accept repair order": accepted (the customers hear who comes and when) or declined with
     * a reason (the next crew is tried). Returns whether it accepted.
     */
    @Transactional
    public boolean recordAnswer(long incidentId, Codes.CrewAnswer answer, Codes.DeclineReason why, String actor) {
        if (answer == Codes.CrewAnswer.DECLINE) {
            release(incidentId, "DECLINED", why.name(), actor);
            return false;
        }
        RepairOrderRecord order = orders.find(incidentId);
        CrewRecord crew = crews.crew(order.crewId());
        Instant now = clock.instant();
        orders.endAttempt(incidentId, crew.id(), "ACCEPTED", null, now);
        orders.accept(incidentId, now);
        timeline.record(
                incidentId,
                "ACCEPTED",
                texts.text("incident.accepted", crew.employeeNo(), Pii.maskName(crew.name()), texts.time(order.eta())),
                actor,
                "crew",
                crew.id(),
                "eta",
                order.eta());
        log.info("repair order accepted incidentId={} crewId={}", incidentId, crew.id());
        calls.accepted(incidentId);
        return true;
    }

    /** The accept window passed without an answer: the offer lapses and the next crew is tried. */
    @Transactional
    public void lapse(long incidentId) {
        release(incidentId, "LAPSED", null, null);
    }

    /**
     * Merged into an upstream incident: an open offer is withdrawn and the crew is free again (a merged incident
     * no longer counts towards its open orders). A crew that had accepted stays on record as the one that came.
     */
    @Transactional
    public void releaseCrew(long incidentId) {
        release(incidentId, "CANCELLED", "MERGED", null);
    }

    private void release(long incidentId, String outcome, String reason, String byUser) {
        RepairOrderRecord order = orders.find(incidentId);
        if (order.crewId() == null) {
            return;
        }
        orders.endAttempt(incidentId, order.crewId(), outcome, reason, clock.instant());
        audit.record(AuditEntry.of("OFFER_" + outcome)
                .incident(incidentId)
                .crew(order.crewId())
                .user(byUser)
                .detail("reason", reason));
        if (order.acceptedAt() == null) {
            orders.clearCrew(incidentId);
        }
        log.info("repair order released incidentId={} crewId={} outcome={}", incidentId, order.crewId(), outcome);
    }

    /** "Diagnose fault": a cause from the standard list and an ETR that is not in the past. */
    @Transactional
    public void diagnose(long incidentId, Codes.Cause known, Object etr, String faultDeviceId, String byUser) {
        Instant when = formTime(etr, ProcessConstants.ETR);
        if (when.isBefore(clock.instant().minus(Duration.ofMinutes(5)))) {
            throw TaskRefusal.refuse(ProcessConstants.ETR, "预计恢复时间不能早于现在。", "the ETR must not lie in the past");
        }
        if (when.isAfter(clock.instant().plus(ETR_HORIZON))) {
            throw TaskRefusal.refuse(ProcessConstants.ETR, "预计恢复时间不能晚于30天之后。", "the ETR must lie within 30 days");
        }
        if (faultDeviceId != null && !faultDeviceId.isBlank()) {
            try {
                findings.crewFound(incidentId, faultDeviceId.trim(), byUser);
            } catch (IllegalArgumentException notBelow) {
                throw TaskRefusal.refuse(
                        ProcessConstants.FAULT_DEVICE_ID,
                        "只能选择本工单的预测故障设备或其下游设备。",
                        "choose the order's predicted device or one below it");
            }
        }
        orders.diagnose(incidentId, known.name(), when, clock.instant());
        notifications.announceIfCorroborated(incidentId);
        timeline.record(
                incidentId,
                "DIAGNOSED",
                texts.text("incident.diagnosed", known.chinese(), texts.time(when)),
                byUser,
                "cause",
                known,
                "etr",
                when);
    }

    /**
     * A crew's new ETR while the repair runs: stored, and the process's "ETR updated" event tells the customers.
     * Only while "Complete repair" is open.
     */
    @Transactional
    public void changeEtr(RepairOrderRecord order, String etr) {
        Instant when;
        try {
            when = parseTime(etr, ProcessConstants.ETR);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("INVALID_FIELD", ProcessConstants.ETR, e.getMessage());
        }
        if (when.isBefore(clock.instant())) {
            throw Refusal.invalid("INVALID_FIELD", ProcessConstants.ETR, "etr must not lie in the past");
        }
        if (when.isAfter(clock.instant().plus(ETR_HORIZON))) {
            throw Refusal.invalid("INVALID_FIELD", ProcessConstants.ETR, "etr must lie within 30 days");
        }
        String key = order.publicId();
        boolean repairing = runtime.createExecutionQuery()
                        .processInstanceBusinessKey(key)
                        .messageEventSubscriptionName(ProcessConstants.MESSAGE_ETR_UPDATED)
                        .count()
                > 0;
        if (!repairing) {
            throw Refusal.conflict(
                    "NOT_UNDER_REPAIR",
                    ProcessConstants.ETR,
                    "repair order " + key
                            + " is not under repair: the ETR can change only while \"Complete repair\" is open");
        }
        orders.updateEtr(order.id(), when);
        audit.record(AuditEntry.of("ETR_SET")
                .incident(order.id())
                .user(StaffUser.current())
                .detail("etr", when)
                .detail("previousEtr", order.etr()));
        runtime.createMessageCorrelation(ProcessConstants.MESSAGE_ETR_UPDATED)
                .processInstanceBusinessKey(key)
                .correlateWithResult();
    }

    @Transactional
    public void tellNewEtr(long incidentId, String actor) {
        RepairOrderRecord order = orders.find(incidentId);
        timeline.record(
                incidentId,
                "ETR_CHANGED",
                texts.text("incident.etr_changed", texts.time(order.etr())),
                actor,
                "etr",
                order.etr());
    }

    /**
     * Power is back: the repair is recorded, the incident stops taking reports, and the number of batches of
     * reports to tell is returned (each batch is a job of its own).
     */
    @Transactional
    public int restore(long incidentId, Codes.Resolution known, String actor) {
        orders.repair(incidentId, known.name(), clock.instant());
        timeline.record(
                incidentId, "REPAIRED", texts.text("incident.repaired", known.chinese()), actor, "resolution", known);
        incidents.markRestored(incidentId);
        calls.restored(incidentId);
        long reports = incidents.reportCount(incidentId);
        return (int) ((reports + properties.restorationBatchSize() - 1) / properties.restorationBatchSize());
    }

    /** Tells one batch of the incident's reports that power is back. */
    @Transactional
    public void notifyRestoration(long incidentId, int batch) {
        List<Long> reportIds = orders.reportPage(
                incidentId, batch * properties.restorationBatchSize(), properties.restorationBatchSize());
        incidents.notifyRestored(reportIds);
    }

    private Instant formTime(Object value, String field) {
        try {
            return parseTime(value == null ? null : value.toString(), field);
        } catch (IllegalArgumentException e) {
            throw TaskRefusal.refuse(field, "请填写正确的日期和时间", e.getMessage());
        }
    }

    private Instant parseTime(String text, String field) {
        return texts.zone().parse(text, field);
    }
}
