package org.gridmend.triage;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.gridmend.grid.CustomerPlacement;
import org.gridmend.grid.FeederTopology;
import org.gridmend.grid.GridLookupService;
import org.gridmend.notify.NotificationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asks the meters before a crew drives out on an upstream prediction: for an incident above a single area (or an
 * area incident with another open incident on a common branch), the AMI head-end is asked for the power state of a
 * sample of meters below it whose customers have not said anything. Their answers are evidence like reports: dark
 * meters confirm the prediction (and count as reports from their areas), powered ones veto it.
 */
@Service
public class MeterPingService {

    private static final Logger log = LoggerFactory.getLogger(MeterPingService.class);

    private final IncidentMapper incidents;
    private final PredictionMapper mapper;
    private final PowerObservationService observations;
    private final GridLookupService grid;
    private final AmiClient ami;
    private final AmiProperties properties;
    private final TriageProperties triage;
    private final DecisionLog decisions;
    private final AuditTrail audit;
    private final NotificationService notifications;
    private final Clock clock;

    MeterPingService(
            IncidentMapper incidents,
            PredictionMapper mapper,
            PowerObservationService observations,
            GridLookupService grid,
            AmiClient ami,
            AmiProperties properties,
            TriageProperties triage,
            DecisionLog decisions,
            AuditTrail audit,
            NotificationService notifications,
            Clock clock) {
        this.notifications = notifications;
        this.incidents = incidents;
        this.mapper = mapper;
        this.observations = observations;
        this.grid = grid;
        this.ami = ami;
        this.properties = properties;
        this.triage = triage;
        this.decisions = decisions;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether the repair order should ask the meters first: a head-end is configured and the prediction is a guess. */
    @Transactional(readOnly = true)
    public boolean wanted(long incidentId) {
        return ami.configured() && scope(incidents.findById(incidentId)) != null;
    }

    /** The node whose areas the ping samples, or null when the incident is not a prediction worth checking. */
    private String scope(IncidentRecord incident) {
        if (incident == null
                || incident.state() != IncidentState.OPEN
                || incident.deviceId() == null
                || incident.feederId() == null
                || incident.rule() == TriageRule.OUTAGE_NOTICE) {
            return null;
        }
        FeederTopology feeder = grid.topology(incident.feederId());
        if (!feeder.isArea(incident.deviceId())) {
            return feeder.contains(incident.deviceId()) ? incident.deviceId() : null;
        }
        List<String> above = feeder.pathUp(incident.deviceId());
        List<IncidentRecord> others = incidents.findOpenOnFeeder(incident.feederId()).stream()
                .filter(i -> i.id() != incident.id() && i.deviceId() != null && feeder.contains(i.deviceId()))
                .toList();
        for (String n : above.subList(1, above.size())) {
            if (others.stream().anyMatch(o -> feeder.pathUp(o.deviceId()).contains(n))) {
                return n;
            }
        }
        return null;
    }

    /**
     * Pings the sample, records the answers and re-evaluates the feeder (the incident is kept: it moves up or down,
     * never away, since its own process asks). A failing head-end throws, so that the job retries.
     */
    @Transactional
    public void ping(long incidentId) {
        IncidentRecord incident = incidents.findById(incidentId);
        String scope = scope(incident);
        if (scope == null || !ami.configured()) {
            return;
        }
        FeederTopology feeder = grid.topology(incident.feederId());
        Instant now = clock.instant();
        Map<String, PredictionMapper.PingCandidate> sample =
                sample(feeder, scope, incidentId, now.minus(triage.prediction().window()));
        if (sample.isEmpty()) {
            decisions.record(
                    null,
                    incidentId,
                    Decision.PINGED,
                    TriageRule.METER_PING,
                    "no meter below " + scope + " left to ask: every customer there reported or was seen",
                    now);
            return;
        }
        List<AmiClient.MeterState> answers =
                ami.ping(incident.publicId() + "-" + now.toEpochMilli(), List.copyOf(sample.keySet()));
        List<PredictionMapper.NewObservation> rows = new ArrayList<>();
        Map<String, Set<String>> dark = new TreeMap<>();
        Map<String, Set<String>> powered = new TreeMap<>();
        for (AmiClient.MeterState answer : answers) {
            PredictionMapper.PingCandidate asked = sample.get(answer.meterNo());
            if (asked == null || answer.powered() == null) {
                continue; // not asked, or the head-end could not reach it
            }
            rows.add(observations.observation(
                    new CustomerPlacement(asked.customerNo(), asked.transformerId(), feeder.feederId()),
                    asked.meterNo(),
                    answer.powered(),
                    ObservationSource.PING,
                    now,
                    incidentId));
            (answer.powered() ? powered : dark)
                    .computeIfAbsent(asked.transformerId(), k -> new TreeSet<>())
                    .add(asked.meterNo());
        }
        long darkCount = dark.values().stream().mapToLong(Set::size).sum();
        long poweredCount = powered.values().stream().mapToLong(Set::size).sum();
        String reason = "asked " + sample.size() + " meters in "
                + sample.values().stream()
                        .map(PredictionMapper.PingCandidate::transformerId)
                        .distinct()
                        .count() + " areas below " + scope
                + ": " + darkCount + " dark " + Prediction.abbreviate(dark.keySet()) + ", " + poweredCount
                + " powered " + Prediction.abbreviate(powered.keySet()) + ", " + (sample.size() - rows.size())
                + " without answer";
        decisions.record(null, incidentId, Decision.PINGED, TriageRule.METER_PING, reason, now);
        audit.record(AuditEntry.of("METERS_PINGED")
                .at(now)
                .incident(incidentId)
                .device(scope)
                .detail("asked", sample.size())
                .detail("dark", dark)
                .detail("powered", powered)
                .detail("unanswered", sample.size() - rows.size()));
        log.info(
                "meters pinged incidentId={} scope={} asked={} dark={} powered={}",
                incidentId,
                scope,
                sample.size(),
                darkCount,
                poweredCount);
        observations.meterStates(feeder, rows, incidentId);
        if (darkCount > 0) {
            notifications.announceIfCorroborated(incidentId);
        }
    }

    /**
     * Up to {@code samplePerArea} meters per area below the node (fewer when there are many areas, at most
     * {@code maxMeters} in all), areas nobody reported from first; within an area an order of its own per incident.
     */
    private Map<String, PredictionMapper.PingCandidate> sample(
            FeederTopology feeder, String scope, long incidentId, Instant since) {
        List<String> areas = new ArrayList<>(new TreeSet<>(feeder.transformersBelow(scope)));
        if (areas.isEmpty()) {
            return Map.of();
        }
        Map<String, List<PredictionMapper.PingCandidate>> byArea = new HashMap<>();
        for (int i = 0; i < areas.size(); i += 500) {
            mapper.pingCandidates(areas.subList(i, Math.min(i + 500, areas.size())), since)
                    .forEach(c -> byArea.computeIfAbsent(c.transformerId(), k -> new ArrayList<>())
                            .add(c));
        }
        // silent areas (every customer a candidate) come first: they decide whether the device is out
        areas.sort(Comparator.comparing(
                        (String a) -> byArea.getOrDefault(a, List.of()).size()
                                < feeder.transformer(a).customerCount())
                .thenComparing(a -> a));
        int perArea = Math.max(1, Math.min(properties.samplePerArea(), properties.maxMeters() / areas.size()));
        Map<String, PredictionMapper.PingCandidate> sample = new LinkedHashMap<>();
        for (String area : areas) {
            List<PredictionMapper.PingCandidate> candidates = new ArrayList<>(byArea.getOrDefault(area, List.of()));
            candidates.sort(Comparator.comparingInt(c -> (c.customerNo() + "#" + incidentId).hashCode()));
            for (PredictionMapper.PingCandidate c : candidates.subList(0, Math.min(perArea, candidates.size()))) {
                if (sample.size() < properties.maxMeters()) {
                    sample.put(c.meterNo(), c);
                }
            }
        }
        return sample;
    }
}
