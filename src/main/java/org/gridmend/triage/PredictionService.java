package org.gridmend.triage;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.gridmend.grid.FeederTopology;
import org.gridmend.grid.GridLookupService;
import org.gridmend.triage.FeederEvidence.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-evaluates a feeder's outage prediction from all its evidence and makes the open incidents match it, under the
 * feeder's row lock (the caller holds it): every node that needs one gets exactly one open incident, an incident
 * below a predicted device merges into it, an incident on a device the evidence now contradicts moves down to the
 * node that explains most of its reports, and areas whose reports belong elsewhere move there, their reporters told
 * once. Because the prediction is a function of the evidence, the incidents at quiescence do not depend on the
 * order in which the evidence came.
 */
@Service
public class PredictionService {

    private static final Logger log = LoggerFactory.getLogger(PredictionService.class);

    private final IncidentMapper incidents;
    private final PredictionMapper mapper;
    private final IncidentService incidentService;
    private final ReportMoves moves;
    private final TriageProperties properties;
    private final GridLookupService grid;
    private final Clock clock;

    PredictionService(
            IncidentMapper incidents,
            PredictionMapper mapper,
            IncidentService incidentService,
            ReportMoves moves,
            TriageProperties properties,
            GridLookupService grid,
            Clock clock) {
        this.grid = grid;
        this.incidents = incidents;
        this.mapper = mapper;
        this.incidentService = incidentService;
        this.moves = moves;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Re-evaluates a feeder after something other than evidence changed what is open on it (an outage notice
     * opened an incident): takes the feeder's lock; {@code keep} is never merged away.
     */
    @Transactional
    public void reevaluateFeeder(String feederId, Long keep) {
        incidents.lockFeeder(feederId);
        reevaluate(grid.topology(feederId), null, keep);
    }

    /** A report being triaged now: evidence not yet on any incident. */
    record NewReport(long reportId, String transformerId, String customerNo, Instant at, boolean onlyMyHome) {}

    /** Where the evaluation left things: each root's incident, and which of them it opened. */
    record Outcome(Prediction prediction, Map<String, Long> incidentOf, Set<Long> opened) {

        Long incidentFor(String areaId) {
            String root = prediction.rootOf(areaId);
            return root == null ? null : incidentOf.get(root);
        }
    }

    /**
     * Re-evaluates the feeder. {@code keep}, when given, is the incident whose own process step asked (a ping's
     * answers, a crew's finding): it is never merged away (it moves up instead), since a process cannot be told
     * to stand down from within its own step.
     */
    Outcome reevaluate(FeederTopology feeder, NewReport report, Long keep) {
        // the caller holds the feeder's lock
        Instant now = clock.instant();
        // a locking read: fresh whatever this transaction read before, and no restoration slips in meanwhile
        List<IncidentRecord> open = incidents.lockOpenOnFeeder(feeder.feederId()).stream()
                .filter(i -> i.deviceId() != null && feeder.contains(i.deviceId()))
                .sorted(Comparator.comparingLong(IncidentRecord::id))
                .toList();
        FeederEvidence evidence = load(feeder, now, open);
        if (report != null) {
            evidence.add(new FeederEvidence.Statement(
                    report.transformerId(), report.customerNo(), Source.REPORT, report.at()));
            if (report.onlyMyHome()) {
                evidence.add(new FeederEvidence.Statement(
                        report.transformerId(), report.customerNo(), Source.NEIGHBOURS_POWERED, report.at()));
            }
        }
        Prediction prediction = OutagePredictor.predict(feeder, evidence, properties.prediction());
        Map<Long, String> corrected = new HashMap<>();
        evidence.findings().stream()
                .filter(f -> f.toNode() != null)
                .forEach(f -> corrected.put(f.incidentId(), f.toNode()));
        return new Reconciliation(feeder, prediction, open, keep, corrected, report == null ? null : report.at(), now)
                .apply();
    }

    private FeederEvidence load(FeederTopology feeder, Instant now, List<IncidentRecord> open) {
        Instant since = now.minus(properties.prediction().window());
        FeederEvidence evidence = new FeederEvidence();
        for (PredictionMapper.ReportEvidence r : mapper.reportEvidence(feeder.feederId(), since)) {
            evidence.add(new FeederEvidence.Statement(r.transformerId(), r.customerNo(), Source.REPORT, r.firstAt()));
            if (!r.lastAt().equals(r.firstAt())) {
                evidence.add(
                        new FeederEvidence.Statement(r.transformerId(), r.customerNo(), Source.REPORT, r.lastAt()));
            }
            if (r.onlyMyHomeAt() != null) {
                evidence.add(new FeederEvidence.Statement(
                        r.transformerId(), r.customerNo(), Source.NEIGHBOURS_POWERED, r.onlyMyHomeAt()));
            }
        }
        for (PredictionMapper.ObservationEvidence o : mapper.observationEvidence(feeder.feederId(), since)) {
            Source source = ObservationSource.valueOf(o.source()).evidence(o.powered());
            evidence.add(new FeederEvidence.Statement(o.transformerId(), o.customerNo(), source, o.firstAt()));
            evidence.add(new FeederEvidence.Statement(o.transformerId(), o.customerNo(), source, o.lastAt()));
        }
        for (IncidentRecord i : open) {
            evidence.hold(new FeederEvidence.Held(
                    i.id(), i.deviceId(), i.firstReportAt(), i.rule() == TriageRule.OUTAGE_NOTICE));
        }
        for (PredictionMapper.FindingRow f : mapper.activeFindings(feeder.feederId())) {
            evidence.find(new FeederEvidence.Finding(
                    f.incidentId(),
                    f.kind(),
                    f.fromNode(),
                    f.toNode(),
                    f.areas() == null ? Set.of() : Set.of(f.areas().split(","))));
        }
        return evidence;
    }

    /** One evaluation's changes to the open incidents, worked out first and then written in a safe order. */
    private final class Reconciliation {

        private final FeederTopology feeder;
        private final Prediction prediction;
        private final List<IncidentRecord> open;
        private final Long keep;
        private final Map<Long, String> corrected;
        private final Instant reportAt;
        private final Instant now;
        private final Map<String, Long> incidentOf = new TreeMap<>();
        private final Map<Long, String> moveTo = new LinkedHashMap<>();
        private final Map<Long, String> mergeInto = new LinkedHashMap<>();
        private final Map<String, Long> splitFrom = new HashMap<>();
        private final Map<Long, List<PredictionMapper.Placement>> placements = new HashMap<>();
        private final Map<Long, IncidentRecord> byId = new HashMap<>();

        Reconciliation(
                FeederTopology feeder,
                Prediction prediction,
                List<IncidentRecord> open,
                Long keep,
                Map<Long, String> corrected,
                Instant reportAt,
                Instant now) {
            this.feeder = feeder;
            this.corrected = corrected;
            this.reportAt = reportAt;
            this.prediction = prediction;
            this.open = open;
            this.keep = keep;
            this.now = now;
            open.forEach(i -> byId.put(i.id(), i));
            for (PredictionMapper.Placement p : mapper.placements(feeder.feederId())) {
                placements
                        .computeIfAbsent(p.incidentId(), k -> new ArrayList<>())
                        .add(p);
            }
        }

        Outcome apply() {
            Set<String> roots = prediction.roots();
            for (IncidentRecord i : open) {
                if (roots.contains(i.deviceId())) {
                    incidentOf.putIfAbsent(i.deviceId(), i.id());
                }
            }
            for (IncidentRecord i : open) {
                if (!incidentOf.containsValue(i.id())) {
                    place(i, roots);
                }
            }
            List<Long> opened = new ArrayList<>();
            for (String root : roots) {
                if (!incidentOf.containsKey(root)) {
                    IncidentService.Opened o = incidentService.openOrGet(
                            feeder,
                            root,
                            prediction.rule(root),
                            prediction.reason(root),
                            String.join("\n", prediction.explain(root)),
                            firstReportAt(root),
                            splitFrom.get(root));
                    incidentOf.put(root, o.incident().id());
                    if (o.created()) {
                        opened.add(o.incident().id());
                    }
                }
            }
            for (Map.Entry<Long, String> m : moveTo.entrySet()) {
                IncidentRecord incident = find(m.getKey());
                if (!incidentService.move(
                        incident,
                        feeder,
                        m.getValue(),
                        movedRule(incident, m.getValue()),
                        prediction.reason(m.getValue()),
                        String.join("\n", prediction.explain(m.getValue())))) {
                    throw new OptimisticLockingException("incident " + incident.publicId() + " changed while "
                            + "feeder " + feeder.feederId() + " was re-evaluated; triage again");
                }
                byId.put(incident.id(), incidents.lockById(incident.id()));
            }
            relinkAreas();
            mergeChildren();
            explainRoots(opened);
            return new Outcome(prediction, Map.copyOf(incidentOf), Set.copyOf(opened));
        }

        /** Where an incident that is not on a root goes: merged upstream, or moved to where its reports now point. */
        private void place(IncidentRecord i, Set<String> roots) {
            String above = feeder.pathUp(i.deviceId()).stream()
                    .filter(roots::contains)
                    .reduce((a, b) -> b)
                    .orElse(null);
            if (above != null) {
                if (Objects.equals(keep, i.id()) && !incidentOf.containsKey(above)) {
                    incidentOf.put(above, i.id());
                    moveTo.put(i.id(), above);
                } else {
                    mergeInto.put(i.id(), above);
                }
                return;
            }
            // corrected by a crew or dispatcher: it goes where they said
            String told = corrected.get(i.id());
            if (told != null && roots.contains(told) && !incidentOf.containsKey(told)) {
                incidentOf.put(told, i.id());
                moveTo.put(i.id(), told);
                feeder.transformersBelow(i.deviceId()).stream()
                        .map(prediction::rootOf)
                        .filter(Objects::nonNull)
                        .forEach(root -> splitFrom.putIfAbsent(root, i.id()));
                return;
            }
            // contradicted: the root that gets most of its reports (then most of its areas) takes the incident
            Map<String, long[]> weight = new TreeMap<>();
            for (PredictionMapper.Placement p : placements.getOrDefault(i.id(), List.of())) {
                String root = prediction.rootOf(p.transformerId());
                if (root != null) {
                    weight.computeIfAbsent(root, k -> new long[2])[0] += p.reports();
                }
            }
            for (String area : feeder.transformersBelow(i.deviceId())) {
                String root = prediction.rootOf(area);
                if (root != null) {
                    weight.computeIfAbsent(root, k -> new long[2])[1]++;
                }
            }
            Comparator<Map.Entry<String, long[]>> best = Comparator.<Map.Entry<String, long[]>>comparingLong(
                            e -> e.getValue()[0])
                    .thenComparingLong(e -> e.getValue()[1]);
            weight.entrySet().stream()
                    .filter(e -> !incidentOf.containsKey(e.getKey()))
                    .max(best)
                    .ifPresentOrElse(
                            e -> {
                                incidentOf.put(e.getKey(), i.id());
                                moveTo.put(i.id(), e.getKey());
                            },
                            () -> weight.entrySet().stream()
                                    .max(best)
                                    .ifPresentOrElse(
                                            e -> mergeInto.put(i.id(), e.getKey()),
                                            () -> log.warn(
                                                    "incident {} on {} is contradicted but nothing else explains it; kept",
                                                    i.id(),
                                                    i.deviceId())));
            weight.keySet().forEach(root -> splitFrom.putIfAbsent(root, i.id()));
        }

        /** A new incident's first report: the earliest of the incidents below it, else the report's own time. */
        private Instant firstReportAt(String root) {
            return open.stream()
                    .filter(i -> feeder.pathUp(i.deviceId()).contains(root))
                    .map(IncidentRecord::firstReportAt)
                    .min(Comparator.naturalOrder())
                    .orElse(reportAt != null ? reportAt : now);
        }

        private TriageRule movedRule(IncidentRecord incident, String to) {
            boolean up = feeder.pathUp(incident.deviceId()).contains(to);
            return up
                    ? prediction.rule(to)
                    : prediction.rule(to) == TriageRule.CREW_FINDING
                                    || prediction.rule(to) == TriageRule.DISPATCHER_DECISION
                            ? prediction.rule(to)
                            : TriageRule.CONTRADICTED;
        }

        /** Reports whose area belongs on another incident than the one their incident ends up as move there. */
        private void relinkAreas() {
            for (IncidentRecord i : open) {
                long end = finalIncident(i.id());
                for (PredictionMapper.Placement p : placements.getOrDefault(i.id(), List.of())) {
                    String root = prediction.rootOf(p.transformerId());
                    Long target = root == null ? null : incidentOf.get(root);
                    if (target != null && target != end) {
                        moves.moveArea(i, p.transformerId(), find(target), prediction.reason(root), now);
                    }
                }
            }
        }

        private long finalIncident(long id) {
            String merged = mergeInto.get(id);
            return merged == null ? id : incidentOf.get(merged);
        }

        private void mergeChildren() {
            Map<Long, List<IncidentRecord>> children = new TreeMap<>();
            mergeInto.forEach((child, root) -> children.computeIfAbsent(incidentOf.get(root), k -> new ArrayList<>())
                    .add(find(child)));
            children.forEach((parentId, kids) -> {
                String root = find(parentId).deviceId();
                incidentService.absorb(find(parentId), kids, prediction.rule(root), prediction.reason(root));
                mapper.moveFindings(kids.stream().map(IncidentRecord::id).toList(), parentId);
            });
        }

        private void explainRoots(List<Long> opened) {
            incidentOf.forEach((root, id) -> {
                if (!opened.contains(id) && !moveTo.containsKey(id)) {
                    String lines = String.join("\n", prediction.explain(root));
                    IncidentRecord current = find(id);
                    if (!lines.equals(current.prediction())) {
                        mapper.updatePrediction(id, lines, prediction.reason(root));
                    }
                }
            });
        }

        /** An incident of this evaluation: from the locked read, or opened by it (so fresh either way). */
        private IncidentRecord find(long id) {
            return byId.computeIfAbsent(id, incidents::findById);
        }
    }
}
