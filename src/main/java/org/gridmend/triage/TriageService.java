package org.gridmend.triage;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.gridmend.core.LockService;
import org.gridmend.core.PublicIds;
import org.gridmend.grid.FeederTopology;
import org.gridmend.grid.GeoMath;
import org.gridmend.grid.GridLookupService;
import org.gridmend.notify.NotificationService;
import org.gridmend.report.ReportPlacementService;
import org.gridmend.report.ReportProgressService;
import org.gridmend.report.ReportRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 工单智能研判: locate, judge and merge. A located report is evidence on its feeder: it re-evaluates the feeder's
 * outage prediction ({@link PredictionService}) and lands on the incident of the node that explains its area, unless
 * it only joins an area that is already out, which cannot change the prediction. Reports without a place on the
 * grid group by distance and time. Every decision is recorded with its rule.
 *
 * <p>Concurrency: triage holds the feeder's row lock from before its first read of the feeder's incidents, so
 * triages of one feeder run one at a time and each sees what the one before committed; the unique open key
 * guarantees one open incident per device whatever happens.
 */
@Service
public class TriageService {

    private static final Logger log = LoggerFactory.getLogger(TriageService.class);

    private final ReportPlacementService reports;
    private final ReportProgressService progress;
    private final IncidentMapper incidents;
    private final IncidentService incidentService;
    private final LocateService locator;
    private final GridLookupService grid;
    private final TriageProperties properties;
    private final LockService locks;
    private final DecisionLog decisions;
    private final AuditTrail audit;
    private final PredictionService prediction;
    private final PredictionMapper predictionMapper;
    private final NotificationService notifications;
    private final Clock clock;

    TriageService(
            ReportPlacementService reports,
            ReportProgressService progress,
            IncidentMapper incidents,
            IncidentService incidentService,
            LocateService locator,
            GridLookupService grid,
            TriageProperties properties,
            LockService locks,
            DecisionLog decisions,
            AuditTrail audit,
            PredictionService prediction,
            PredictionMapper predictionMapper,
            NotificationService notifications,
            Clock clock) {
        this.notifications = notifications;
        this.prediction = prediction;
        this.predictionMapper = predictionMapper;
        this.decisions = decisions;
        this.audit = audit;
        this.reports = reports;
        this.progress = progress;
        this.incidents = incidents;
        this.incidentService = incidentService;
        this.locator = locator;
        this.grid = grid;
        this.properties = properties;
        this.locks = locks;
        this.clock = clock;
    }

    /** What the dispatcher decided in "Locate report". */
    public record DispatcherPlacement(LocateOutcome decision, String customerNo, String transformerId) {}

    /** The result of triage: the incident the report is now on and why. */
    public record Outcome(long incidentId, Decision decision, TriageRule rule, String reason) {}

    @Transactional
    public LocateOutcome locate(long reportId, DispatcherPlacement dispatcher) {
        ReportRecord report = reports.find(reportId);
        Instant now = clock.instant();
        if (dispatcher != null && dispatcher.decision() != null) {
            switch (dispatcher.decision()) {
                case UNLOCATABLE -> {
                    decisions.record(
                            reportId,
                            null,
                            Decision.UNLOCATABLE,
                            TriageRule.DISPATCHER_DECISION,
                            "a dispatcher could not place the report",
                            now);
                    return LocateOutcome.UNLOCATABLE;
                }
                case BY_POSITION -> {
                    if (report.hasLocation()) {
                        return LocateOutcome.BY_POSITION;
                    }
                }
                case LOCATED -> {
                    Optional<Placement> placed =
                            locator.placeByDispatcher(dispatcher.customerNo(), dispatcher.transformerId());
                    if (placed.isPresent()) {
                        place(report, placed.get(), now);
                        return LocateOutcome.LOCATED;
                    }
                }
                default -> {}
            }
        }
        Placement placement = locator.locate(report);
        if (placement.onGrid()) {
            place(report, placement, now);
            return LocateOutcome.LOCATED;
        }
        if (report.locateMethod() == null) {
            reports.locate(reportId, null, null, null, Placement.Method.NONE.name(), now);
        }
        progress.markLocating(reportId);
        return LocateOutcome.NOT_LOCATED;
    }

    private void place(ReportRecord report, Placement placement, Instant now) {
        reports.locate(
                report.id(),
                placement.customerNo(),
                placement.transformerId(),
                placement.feederId(),
                placement.method().name(),
                now);
        audit.record(AuditEntry.of("REPORT_LOCATED")
                .at(now)
                .report(report.id())
                .about(placement.customerNo())
                .device(placement.transformerId())
                .detail("method", placement.method())
                .detail("transformer", placement.transformerId())
                .detail("feeder", placement.feederId()));
    }

    @Transactional
    public Outcome triage(long reportId) {
        ReportRecord report = reports.find(reportId);
        Instant now = clock.instant();
        if (report.locatedTransformerId() == null) {
            return joinLocationCluster(report, now);
        }
        FeederTopology feeder = grid.topology(report.feederId());
        // The feeder's lock comes before any read of its incidents: what is read under it is what its last holder
        // committed (H2 would go on showing a row as it was when first read while another transaction changed it).
        incidents.lockFeeder(feeder.feederId());
        Optional<Outcome> joined = joinWithoutPrediction(report, feeder, now);
        if (joined.isPresent()) {
            return joined.get();
        }
        boolean known = incidentService
                .coveringOpen(feeder, report.locatedTransformerId(), null)
                .isPresent();
        PredictionService.Outcome outcome = prediction.reevaluate(
                feeder,
                new PredictionService.NewReport(
                        report.id(),
                        report.locatedTransformerId(),
                        report.locatedCustomerNo(),
                        report.createdAt(),
                        Boolean.TRUE.equals(report.onlyMyHome())),
                null);
        String root = outcome.prediction().rootOf(report.locatedTransformerId());
        long incidentId = outcome.incidentOf().get(root);
        IncidentRecord incident = incidentService.find(incidentId).orElseThrow();
        // a report opens an incident when its area had none; one whose area was known joins, even when the
        // evidence it adds moves the fault to a new order upstream
        boolean created = outcome.opened().contains(incidentId);
        boolean opened = created && !known;
        TriageRule rule = created ? outcome.prediction().rule(root) : TriageRule.COVERED_BY_OPEN_INCIDENT;
        String reason = outcome.prediction().reason(root);
        if (opened && report.excludedIncidentId() != null && feeder.isArea(root)) {
            rule = TriageRule.NESTED_OUTAGE;
            reason = "power came back on incident " + PublicIds.incident(report.excludedIncidentId())
                    + " but transformer " + root + " is still out; " + reason;
        }
        return link(report, incident, opened ? Decision.OPENED : Decision.JOINED, rule, reason, now);
    }

    /**
     * A report from an area that is already out, on a feeder where prediction is plain counting (no power seen on,
     * no "only my home" reports, no findings), cannot change the prediction unless it adds to a share rule that has
     * not held yet: it joins the incident covering its area without a re-evaluation.
     */
    private Optional<Outcome> joinWithoutPrediction(ReportRecord report, FeederTopology feeder, Instant now) {
        if (!plainJoin(report, feeder, now)) {
            return Optional.empty();
        }
        IncidentRecord incident = incidentService
                .coveringOpen(feeder, report.locatedTransformerId(), null)
                .orElseThrow();
        return Optional.of(link(
                report,
                incident,
                Decision.JOINED,
                TriageRule.COVERED_BY_OPEN_INCIDENT,
                "transformer "
                        + report.locatedTransformerId() + " lies below open incident " + incident.publicId() + " on "
                        + incident.deviceId() + ", where its area already reported",
                now));
    }

    private boolean plainJoin(ReportRecord report, FeederTopology feeder, Instant now) {
        String area = report.locatedTransformerId();
        if (report.excludedIncidentId() != null || Boolean.TRUE.equals(report.onlyMyHome())) {
            return false;
        }
        Optional<IncidentRecord> covering = incidentService.coveringOpen(feeder, area, null);
        if (covering.isEmpty()) {
            return false;
        }
        // a single-area branch counts customers: another report may make its share rule hold
        String parent = feeder.parent(area);
        if (parent != null
                && feeder.children(parent).size() == 1
                && feeder.pathUp(area).indexOf(covering.get().deviceId())
                        < feeder.pathUp(area).indexOf(parent)) {
            return false;
        }
        return predictionMapper
                .joinCheck(
                        feeder.feederId(),
                        area,
                        now.minus(properties.prediction().window()))
                .plainCounting();
    }

    /** Reports without a place on the grid join the nearest recent cluster within the radius, or start one. */
    private Outcome joinLocationCluster(ReportRecord report, Instant now) {
        locks.lock(LockService.LOCATION_CLUSTERS);
        TriageProperties.Cluster rules = properties.cluster();
        IncidentRecord nearest = null;
        double best = Double.MAX_VALUE;
        for (IncidentRecord cluster : incidents.findRecentLocationClusters(now.minus(rules.window()))) {
            if (cluster.lat() == null
                    || (report.excludedIncidentId() != null && cluster.id() == report.excludedIncidentId())) {
                continue;
            }
            double d = GeoMath.distanceM(report.lat(), report.lng(), cluster.lat(), cluster.lng());
            if (d <= rules.radiusM() && d < best) {
                best = d;
                nearest = cluster;
            }
        }
        if (nearest != null) {
            return link(
                    report,
                    nearest,
                    Decision.JOINED,
                    TriageRule.LOCATION_CLUSTER,
                    "no archive match; "
                            + Math.round(best) + " m from cluster " + nearest.publicId()
                            + ", which had a report within "
                            + rules.window().toMinutes() + " min",
                    now);
        }
        String reason = "no archive match and no report within " + Math.round(rules.radiusM()) + " m and "
                + rules.window().toMinutes() + " min: a new location cluster";
        IncidentRecord cluster =
                incidentService.openLocationCluster(report.lat(), report.lng(), reason, report.createdAt());
        return link(report, cluster, Decision.OPENED, TriageRule.LOCATION_CLUSTER, reason, now);
    }

    private Outcome link(
            ReportRecord report,
            IncidentRecord incident,
            Decision decision,
            TriageRule rule,
            String reason,
            Instant now) {
        reports.joinIncident(report.id(), incident.id(), now);
        decisions.record(report.id(), incident.id(), decision, rule, reason, now);
        // another customer's word may corroborate an outage whose area was not told yet
        notifications.announceIfCorroborated(incident.id());
        log.debug(
                "report triaged reportId={} incidentId={} decision={} rule={}",
                report.id(),
                incident.id(),
                decision,
                rule);
        return new Outcome(incident.id(), decision, rule, reason);
    }
}
