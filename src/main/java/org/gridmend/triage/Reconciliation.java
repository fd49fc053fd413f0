package org.gridmend.triage;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One evaluation's changes to the open incidents, worked out first and then written in a safe order. */
final class Reconciliation {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

    private final IncidentMapper incidents;
    private final PredictionMapper mapper;
    private final IncidentService incidentService;
    private final ReportMoves moves;

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
            IncidentMapper incidents,
            PredictionMapper mapper,
            IncidentService incidentService,
            ReportMoves moves,
            FeederTopology feeder,
            Prediction prediction,
            List<IncidentRecord> open,
            Long keep,
            Map<Long, String> corrected,
            Instant reportAt,
            Instant now) {
        this.incidents = incidents;
        this.mapper = mapper;
        this.incidentService = incidentService;
        this.moves = moves;
        this.feeder = feeder;
        this.corrected = corrected;
        this.reportAt = reportAt;
        this.prediction = prediction;
        this.open = open;
        this.keep = keep;
        this.now = now;
        open.forEach(i -> byId.put(i.id(), i));
        for (PredictionMapper.Placement p : mapper.placements(feeder.feederId())) {
            placements.computeIfAbsent(p.incidentId(), k -> new ArrayList<>()).add(p);
        }
    }

    PredictionService.Outcome apply() {
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
                throw new OptimisticLockingException("incident " + incident.publicId() + " changed while " + "feeder "
                        + feeder.feederId() + " was re-evaluated; triage again");
            }
            byId.put(incident.id(), incidents.lockById(incident.id()));
        }
        relinkAreas();
        mergeChildren();
        explainRoots(opened);
        return new PredictionService.Outcome(prediction, Map.copyOf(incidentOf), Set.copyOf(opened));
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
                    incidents.updatePrediction(id, lines, prediction.reason(root));
                }
            }
        });
    }

    /** An incident of this evaluation: from the locked read, or opened by it (so fresh either way). */
    private IncidentRecord find(long id) {
        return byId.computeIfAbsent(id, incidents::findById);
    }
}
