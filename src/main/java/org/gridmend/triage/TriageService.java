package org.gridmend.triage;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.gridmend.grid.FeederTopology;
import org.gridmend.grid.GeoMath;
import org.gridmend.grid.GridDocument.Device;
import org.gridmend.grid.GridLookupService;
import org.gridmend.report.IncidentDirectory;
import org.gridmend.report.ReportMapper;
import org.gridmend.report.ReportProgressService;
import org.gridmend.report.ReportRecord;
import org.gridmend.process.LockService;
import org.gridmend.report.ReportStatus;
import org.gridmend.web.PublicIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 工单智能研判: locate, judge and merge. A report joins the open incident that covers its transformer area (on the
 * transformer, a device above it, or its feeder); otherwise it opens one, unless the reports on the feeder point
 * further up (roll-up), in which case the incident opens on that device and the lower incidents merge into it.
 * Reports without a place on the grid group by distance and time. Every decision is recorded with its rule.
 *
 * <p>Concurrency: joining takes a shared lock on the incident; opening or rolling up incidents on a feeder takes
 * the feeder's row lock, so that two reports from different transformers see each other and roll up; the unique
 * open key guarantees one open incident per device whatever happens.
 */
@Service
public class TriageService implements IncidentDirectory {

    private static final Logger log = LoggerFactory.getLogger(TriageService.class);

    private final ReportMapper reports;
    private final ReportProgressService progress;
    private final IncidentMapper incidents;
    private final IncidentService incidentService;
    private final LocateService locator;
    private final JudgeService judge;
    private final GridLookupService grid;
    private final TriageProperties properties;
    private final LockService locks;
    private final DecisionLog decisions;
    private final AuditTrail audit;
    private final Clock clock;

    TriageService(ReportMapper reports, ReportProgressService progress, IncidentMapper incidents, IncidentService incidentService,
                  LocateService locator, JudgeService judge, GridLookupService grid, TriageProperties properties,
                  LockService locks, DecisionLog decisions, AuditTrail audit, Clock clock) {
        this.decisions = decisions;
        this.audit = audit;
        this.reports = reports;
        this.progress = progress;
        this.incidents = incidents;
        this.incidentService = incidentService;
        this.locator = locator;
        this.judge = judge;
        this.grid = grid;
        this.properties = properties;
        this.locks = locks;
        this.clock = clock;
    }

    /** What the dispatcher decided in "Locate report". */
    public record DispatcherPlacement(LocateOutcome decision, String customerNo, String transformerId) {
    }

    /** The result of triage: the incident the report is now on and why. */
    public record Outcome(long incidentId, String decision, TriageRule rule, String reason) {
    }

    @Transactional
    public LocateOutcome locate(long reportId, DispatcherPlacement dispatcher) {
        ReportRecord report = reports.findById(reportId);
        Instant now = clock.instant();
        if (dispatcher != null && dispatcher.decision() != null) {
            switch (dispatcher.decision()) {
                case UNLOCATABLE -> {
                    decisions.record(reportId, null, "UNLOCATABLE", TriageRule.DISPATCHER_DECISION,
                            "a dispatcher could not place the report", now);
                    return LocateOutcome.UNLOCATABLE;
                }
                case BY_POSITION -> {
                    if (report.hasLocation()) {
                        return LocateOutcome.BY_POSITION;
                    }
                }
                case LOCATED -> {
                    Optional<Placement> placed = locator.placeByDispatcher(dispatcher.customerNo(),
                            dispatcher.transformerId());
                    if (placed.isPresent()) {
                        place(report, placed.get(), now);
                        return LocateOutcome.LOCATED;
                    }
                }
                default -> {
                }
            }
        }
        Placement placement = locator.locate(report);
        if (placement.onGrid()) {
            place(report, placement, now);
            return LocateOutcome.LOCATED;
        }
        if (report.locateMethod() == null) {
            reports.updateLocation(reportId, null, null, null, Placement.Method.NONE.name(), now);
        }
        progress.markLocating(reportId);
        return LocateOutcome.NOT_LOCATED;
    }

    private void place(ReportRecord report, Placement placement, Instant now) {
        reports.updateLocation(report.id(), placement.customerNo(), placement.transformerId(), placement.feederId(),
                placement.method().name(), now);
        audit.record(AuditEntry.of("REPORT_LOCATED").at(now).report(report.id()).about(placement.customerNo())
                .device(placement.transformerId()).detail("method", placement.method())
                .detail("transformer", placement.transformerId()).detail("feeder", placement.feederId()));
    }

    /** Planned outage? Behind the meter? Recorded as a decision when either holds. */
    @Transactional
    public JudgeService.Judgement judge(long reportId) {
        ReportRecord report = reports.findById(reportId);
        JudgeService.Judgement judgement = judge.judge(report);
        if (judgement.plannedOutage()) {
            reports.setNotice(reportId, judgement.noticeId(), clock.instant());
        }
        if (judgement.plannedOutage() || judgement.behindMeter()) {
            decisions.record(reportId, null, judgement.plannedOutage() ? "OUTAGE_NOTICE" : "BEHIND_METER",
                    judgement.rule(), judgement.reason(), clock.instant());
        }
        return judgement;
    }

    @Transactional
    public Outcome triage(long reportId) {
        ReportRecord report = reports.findById(reportId);
        Instant now = clock.instant();
        if (report.locatedTransformerId() == null) {
            return joinLocationCluster(report, now);
        }
        FeederTopology feeder = grid.topology(report.feederId());
        String transformer = report.locatedTransformerId();

        Optional<Outcome> joined = joinCovering(report, feeder, now);
        if (joined.isPresent()) {
            return joined.get();
        }
        // Opening or moving incidents on this feeder: one triage at a time, so that each sees the others' reports.
        incidents.lockFeeder(feeder.feederId());
        joined = joinCovering(report, feeder, now);
        if (joined.isPresent()) {
            return joined.get();
        }
        Evidence evidence = evidence(feeder, now);
        evidence.add(transformer, report.locatedCustomerNo());
        Optional<Target> target = rollupTarget(feeder, transformer, evidence);
        if (target.isPresent()) {
            IncidentService.Opened parent = rollUp(feeder, target.get(), report.createdAt());
            return link(report, parent.incident(), parent.created() ? "OPENED" : "JOINED", target.get().rule(),
                    target.get().reason(), now);
        }
        boolean nested = report.excludedIncidentId() != null;
        TriageRule rule = nested ? TriageRule.NESTED_OUTAGE : TriageRule.FIRST_REPORT;
        String reason = nested
                ? "power came back on incident " + PublicIds.incident(report.excludedIncidentId())
                + " but transformer " + transformer + " is still out"
                : "first report from transformer " + transformer + "; no open incident on it or above it";
        IncidentService.Opened opened = incidentService.openOrGet(feeder, transformer, rule, reason,
                report.createdAt());
        return link(report, opened.incident(), opened.created() ? "OPENED" : "JOINED",
                opened.created() ? rule : TriageRule.COVERED_BY_OPEN_INCIDENT, reason, now);
    }

    /**
     * Joins the open incident covering the report's area, if there is one. The shared lock makes a concurrent
     * roll-up or restoration of that incident wait for this join, or this join see that it happened. A join that
     * brings new evidence (the first report from its transformer area, or the one that makes a share rule hold)
     * takes the feeder lock first, like every other triage that may move incidents, and evaluates the roll-up from
     * the joined incident upwards: so each such evaluation sees all the evidence committed before it.
     */
    private Optional<Outcome> joinCovering(ReportRecord report, FeederTopology feeder, Instant now) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<IncidentRecord> covering = incidentService.coveringOpen(feeder, report.locatedTransformerId(),
                    report.excludedIncidentId());
            if (covering.isEmpty()) {
                return Optional.empty();
            }
            IncidentRecord incident = covering.get();
            boolean newEvidence = bringsNewEvidence(report, incident, feeder, now);
            if (newEvidence) {
                incidents.lockFeeder(feeder.feederId());
            }
            if (incidents.lockShared(incident.id()) != IncidentState.OPEN) {
                continue;
            }
            Outcome outcome = link(report, incident, "JOINED", TriageRule.COVERED_BY_OPEN_INCIDENT,
                    "transformer " + report.locatedTransformerId() + " lies below open incident "
                            + incident.publicId() + " on " + incident.deviceId(), now);
            return Optional.of(newEvidence ? rollUpFrom(incident, feeder, now).orElse(outcome) : outcome);
        }
        return Optional.empty();
    }

    /** Whether joining this incident could make a device above it qualify for roll-up. */
    private boolean bringsNewEvidence(ReportRecord report, IncidentRecord incident, FeederTopology feeder,
                                      Instant now) {
        TriageProperties.Rollup rules = properties.rollup();
        if (incidents.reportsFromTransformer(report.locatedTransformerId(), now.minus(rules.window())) == 0) {
            return true;
        }
        if (incident.level() != IncidentLevel.TRANSFORMER || feeder.transformer(incident.deviceId()) == null) {
            return false;
        }
        List<Device> above = feeder.devicesAbove(incident.deviceId());
        if (above.isEmpty() || feeder.branches(above.get(0).id()).size() != 1) {
            return false;
        }
        long reporters = incidents.reporterCount(incident.id()) + 1;
        return reporters >= rules.customerShare() * feeder.transformer(incident.deviceId()).customerCount();
    }

    private Optional<Outcome> rollUpFrom(IncidentRecord incident, FeederTopology feeder, Instant now) {
        IncidentRecord current = incidentService.find(incident.id()).orElse(incident);
        if (current.state() != IncidentState.OPEN) {
            return Optional.empty();
        }
        Optional<Target> target = rollupTarget(feeder, current.deviceId(), evidence(feeder, now));
        if (target.isEmpty()) {
            return Optional.empty();
        }
        IncidentService.Opened parent = rollUp(feeder, target.get(), current.firstReportAt());
        return Optional.of(new Outcome(parent.incident().id(), "JOINED", target.get().rule(), target.get().reason()));
    }

    private IncidentService.Opened rollUp(FeederTopology feeder, Target target, Instant firstReportAt) {
        // An incident already open on the target or above it explains the evidence: it absorbs, nothing new opens.
        Optional<IncidentRecord> above = incidentService.coveringOpen(feeder, target.deviceId(), null);
        IncidentService.Opened parent = above.isPresent() ? new IncidentService.Opened(above.get(), false)
                : incidentService.openOrGet(feeder, target.deviceId(), target.rule(), target.reason(), firstReportAt);
        String parentDevice = parent.incident().deviceId();
        Set<String> below = feeder.transformersBelow(parentDevice);
        List<IncidentRecord> children = incidents.findOpenOnFeeder(feeder.feederId()).stream()
                .filter(i -> i.id() != parent.incident().id())
                .filter(i -> i.deviceId() != null && isBelow(feeder, i.deviceId(), parentDevice, below))
                .toList();
        incidentService.absorb(parent.incident(), children, target.rule(), target.reason());
        return parent;
    }

    private static boolean isBelow(FeederTopology feeder, String nodeId, String deviceId, Set<String> transformersBelow) {
        if (transformersBelow.contains(nodeId)) {
            return true;
        }
        return feeder.devicesAbove(nodeId).stream().anyMatch(d -> d.id().equals(deviceId));
    }

    /**
     * The roll-up target: the lowest device above {@code fromNode} (a transformer, or the device of the incident a
     * report joined) that the evidence on the feeder points at. A device qualifies when reports came from at least
     * {@code minTransformers} of the areas below it, those are at least {@code transformerShare} of them, and they
     * lie on two or more of its branches (otherwise the lower device on that branch explains them); or when it feeds
     * a single transformer area and at least {@code customerShare} of that area's customers reported.
     */
    Optional<Target> rollupTarget(FeederTopology feeder, String fromNode, Evidence evidence) {
        TriageProperties.Rollup rules = properties.rollup();
        for (Device device : feeder.devicesAbove(fromNode)) {
            Map<String, Set<String>> branches = feeder.branches(device.id());
            Set<String> below = feeder.transformersBelow(device.id());
            Set<String> out = new TreeSet<>(evidence.transformers());
            out.retainAll(below);
            long branchesOut = branches.values().stream()
                    .filter(areas -> areas.stream().anyMatch(out::contains)).count();
            if (out.size() >= rules.minTransformers() && out.size() >= rules.transformerShare() * below.size()
                    && branchesOut >= 2) {
                return Optional.of(new Target(device.id(), TriageRule.ROLLUP_TRANSFORMERS, "reports from "
                        + out.size() + " of the " + below.size() + " transformers below " + device.type() + " "
                        + device.id() + " " + abbreviate(out) + ", on " + branchesOut + " of its branches, within "
                        + rules.window().toMinutes() + " min"));
            }
            if (branches.size() == 1 && below.size() == 1 && branches.containsKey(below.iterator().next())) {
                String area = below.iterator().next();
                long reporting = evidence.customers(area);
                long customers = feeder.customersBelow(device.id());
                if (customers > 0 && reporting >= rules.customerShare() * customers) {
                    return Optional.of(new Target(device.id(), TriageRule.ROLLUP_CUSTOMER_SHARE, "reports from "
                            + reporting + " of " + customers + " customers of " + area + ", the only transformer "
                            + "below " + device.type() + " " + device.id() + ", within "
                            + rules.window().toMinutes() + " min (share " + Math.round(rules.customerShare() * 100)
                            + "%)"));
                }
            }
        }
        return Optional.empty();
    }

    private static String abbreviate(Set<String> ids) {
        return ids.size() <= 5 ? ids.toString() : "[" + String.join(", ", ids.stream().limit(5).toList()) + ", …]";
    }

    private Evidence evidence(FeederTopology feeder, Instant now) {
        Evidence evidence = new Evidence();
        for (IncidentMapper.Evidence e : incidents.evidenceOnFeeder(feeder.feederId(),
                now.minus(properties.rollup().window()))) {
            evidence.add(e.transformerId(), e.customerNo());
        }
        return evidence;
    }

    /** Reports without a place on the grid join the nearest recent cluster within the radius, or start one. */
    private Outcome joinLocationCluster(ReportRecord report, Instant now) {
        locks.lock(LockService.LOCATION_CLUSTERS);
        TriageProperties.Cluster rules = properties.cluster();
        IncidentRecord nearest = null;
        double best = Double.MAX_VALUE;
        for (IncidentRecord cluster : incidents.findRecentLocationClusters(now.minus(rules.window()))) {
            if (cluster.lat() == null || (report.excludedIncidentId() != null
                    && cluster.id() == report.excludedIncidentId())) {
                continue;
            }
            double d = GeoMath.distanceM(report.lat(), report.lng(), cluster.lat(), cluster.lng());
            if (d <= rules.radiusM() && d < best) {
                best = d;
                nearest = cluster;
            }
        }
        if (nearest != null) {
            return link(report, nearest, "JOINED", TriageRule.LOCATION_CLUSTER, "no archive match; "
                    + Math.round(best) + " m from cluster " + nearest.publicId() + ", which had a report within "
                    + rules.window().toMinutes() + " min", now);
        }
        String reason = "no archive match and no report within " + Math.round(rules.radiusM()) + " m and "
                + rules.window().toMinutes() + " min: a new location cluster";
        IncidentRecord cluster = incidentService.openLocationCluster(report.lat(), report.lng(), reason,
                report.createdAt());
        return link(report, cluster, "OPENED", TriageRule.LOCATION_CLUSTER, reason, now);
    }

    private Outcome link(ReportRecord report, IncidentRecord incident, String decision, TriageRule rule,
                         String reason, Instant now) {
        reports.linkIncident(report.id(), incident.id(), ReportStatus.IN_REPAIR, now);
        decisions.record(report.id(), incident.id(), decision, rule, reason, now);
        log.debug("report triaged reportId={} incidentId={} decision={} rule={}", report.id(), incident.id(),
                decision, rule);
        return new Outcome(incident.id(), decision, rule, reason);
    }

    // --- IncidentDirectory: read-only look ahead for intake, summaries for tracking ---

    @Override
    @Transactional(readOnly = true)
    public Foresight foresee(ReportRecord draft) {
        Placement placement = locator.locate(draft);
        if (!placement.onGrid()) {
            return Foresight.NOTHING;
        }
        FeederTopology feeder = grid.topology(placement.feederId());
        var notice = judge.noticeFor(feeder, placement.transformerId());
        if (notice.isPresent()) {
            return new Foresight(notice.get().id(), null, 0);
        }
        if (Boolean.TRUE.equals(draft.onlyMyHome())) {
            return Foresight.NOTHING;
        }
        return incidentService.coveringOpen(feeder, placement.transformerId(), null)
                .map(i -> new Foresight(null, i.id(), incidents.reportCount(i.id())))
                .orElse(Foresight.NOTHING);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<IncidentBrief> brief(long incidentId) {
        return incidentService.find(incidentId).map(i -> new IncidentBrief(i.id(), i.publicId(), i.state().name(),
                i.level().name(), i.deviceId(), incidents.reportCount(i.id()), i.firstReportAt(), i.restoredAt()));
    }

    /** A device the evidence points at, with the rule and the reason. */
    record Target(String deviceId, TriageRule rule, String reason) {
    }

    /** Which customers reported from which transformer areas of a feeder within the window. */
    static final class Evidence {

        private final Map<String, Set<String>> customersByTransformer = new HashMap<>();

        void add(String transformerId, String customerNo) {
            customersByTransformer.computeIfAbsent(transformerId, t -> new HashSet<>())
                    .add(customerNo == null ? "?" : customerNo);
        }

        Set<String> transformers() {
            return customersByTransformer.keySet();
        }

        long customers(String transformerId) {
            return customersByTransformer.getOrDefault(transformerId, Set.of()).size();
        }
    }
}
