package org.gridmend.triage;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        return new Reconciliation(
                        incidents,
                        mapper,
                        incidentService,
                        moves,
                        feeder,
                        prediction,
                        open,
                        keep,
                        corrected,
                        report == null ? null : report.at(),
                        now)
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
}
