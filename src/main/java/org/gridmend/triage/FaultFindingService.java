package org.gridmend.triage;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.gridmend.core.PublicIds;
import org.gridmend.core.Refusal;
import org.gridmend.grid.FeederTopology;
import org.gridmend.grid.GridLookupService;
import org.gridmend.notify.NotificationService;
import org.gridmend.triage.FeederEvidence.FindingKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What crews and dispatchers know better than the prediction: the crew names the faulty device in "Diagnose
 * fault"; a dispatcher moves an incident to another device of its feeder, or splits areas off it. Each is stored as
 * a finding (it counts while the incident is open) and re-evaluates the feeder with the same guarantees and customer
 * messages as any other evidence; the incident itself moves, it is never merged away by its own correction.
 */
@Service
public class FaultFindingService {

    static final int MAX_SPLIT_AREAS = 500;

    private final IncidentMapper incidents;
    private final PredictionMapper mapper;
    private final PredictionService prediction;
    private final GridLookupService grid;
    private final AuditTrail audit;
    private final NotificationService notifications;
    private final Clock clock;

    FaultFindingService(
            IncidentMapper incidents,
            PredictionMapper mapper,
            PredictionService prediction,
            GridLookupService grid,
            AuditTrail audit,
            NotificationService notifications,
            Clock clock) {
        this.notifications = notifications;
        this.incidents = incidents;
        this.mapper = mapper;
        this.prediction = prediction;
        this.grid = grid;
        this.audit = audit;
        this.clock = clock;
    }

    /** The devices and areas a crew may name in "Diagnose fault": the incident's own node and everything below. */
    @Transactional(readOnly = true)
    public List<String> nodesAtOrBelow(long incidentId) {
        IncidentRecord incident = incidents.findById(incidentId);
        if (incident == null || incident.feederId() == null || incident.deviceId() == null) {
            return List.of();
        }
        FeederTopology feeder = grid.topology(incident.feederId());
        List<String> nodes = new ArrayList<>();
        collect(feeder, incident.deviceId(), nodes);
        return nodes;
    }

    private static void collect(FeederTopology feeder, String node, List<String> into) {
        into.add(node);
        for (String kid : feeder.children(node)) {
            collect(feeder, kid, into);
        }
    }

    /**
     * The crew found the fault at {@code nodeId} (its incident's node or one below it). Returns false when that is
     * where the incident already is. Throws {@link IllegalArgumentException} for a node the crew may not name.
     */
    @Transactional
    public boolean crewFound(long incidentId, String nodeId, String byUser) {
        IncidentRecord incident = openIncident(incidentId);
        if (nodeId.equals(incident.deviceId())) {
            return false;
        }
        if (!nodesAtOrBelow(incidentId).contains(nodeId)) {
            throw new IllegalArgumentException(nodeId + " is not " + incident.deviceId() + " or below it");
        }
        record(incident, FindingKind.CREW_FOUND, nodeId, null, byUser);
        return true;
    }

    /** A dispatcher moves the incident to another node of its feeder. */
    @Transactional
    public IncidentRecord move(String publicId, String nodeId, String byUser) {
        IncidentRecord incident = forDispatcher(publicId);
        if (nodeId == null || nodeId.isBlank()) {
            throw Refusal.invalid(
                    "MISSING_FIELD",
                    "deviceId",
                    "deviceId is required: a feeder, device or " + "transformer of the incident's feeder");
        }
        FeederTopology feeder = grid.topology(incident.feederId());
        if (!feeder.contains(nodeId)) {
            throw Refusal.invalid(
                    "INVALID_FIELD",
                    "deviceId",
                    "deviceId " + PublicIds.shorten(nodeId) + " is not on feeder " + incident.feederId());
        }
        if (nodeId.equals(incident.deviceId())) {
            throw new Refusal(
                    Refusal.Kind.CONFLICT,
                    "ALREADY_THERE",
                    "incident " + publicId + " is already on " + nodeId,
                    "deviceId");
        }
        record(incident, FindingKind.DISPATCHER_MOVED, nodeId, null, byUser);
        return incidents.findById(incident.id());
    }

    /** A dispatcher splits transformer areas off the incident: they are not explained by its node or above. */
    @Transactional
    public IncidentRecord split(String publicId, Collection<String> transformerIds, String byUser) {
        IncidentRecord incident = forDispatcher(publicId);
        if (transformerIds == null || transformerIds.isEmpty()) {
            throw Refusal.invalid(
                    "MISSING_FIELD",
                    "transformerIds",
                    "transformerIds is required: the " + "transformer areas to split off");
        }
        if (transformerIds.size() > MAX_SPLIT_AREAS) {
            throw Refusal.invalid(
                    "INVALID_FIELD", "transformerIds", "at most " + MAX_SPLIT_AREAS + " transformer areas at once");
        }
        FeederTopology feeder = grid.topology(incident.feederId());
        Set<String> below = feeder.transformersBelow(incident.deviceId());
        Set<String> areas = new TreeSet<>();
        for (String t : transformerIds) {
            if (t == null || !below.contains(t)) {
                throw Refusal.invalid(
                        "INVALID_FIELD",
                        "transformerIds",
                        "transformer " + PublicIds.shorten(t) + " is not below " + incident.deviceId() + " of incident "
                                + publicId);
            }
            areas.add(t);
        }
        if (areas.equals(below)) {
            throw Refusal.invalid(
                    "INVALID_FIELD",
                    "transformerIds",
                    "that is every area below " + incident.deviceId()
                            + ": move the incident instead (POST /api/incidents/" + publicId + "/move)");
        }
        record(incident, FindingKind.DISPATCHER_SPLIT, null, String.join(",", areas), byUser);
        return incidents.findById(incident.id());
    }

    private void record(IncidentRecord incident, FindingKind kind, String toNode, String areas, String byUser) {
        Instant now = clock.instant();
        FeederTopology feeder = grid.topology(incident.feederId());
        incidents.lockFeeder(feeder.feederId());
        mapper.insertFinding(incident.id(), feeder.feederId(), kind, incident.deviceId(), toNode, areas, byUser, now);
        AuditEntry entry = AuditEntry.of("PREDICTION_CORRECTED")
                .at(now)
                .incident(incident.id())
                .device(incident.deviceId())
                .detail("kind", kind)
                .detail("to", toNode)
                .detail("areas", areas);
        audit.record(byUser == null ? entry : entry.user(byUser));
        prediction.reevaluate(feeder, null, incident.id());
        notifications.announceIfCorroborated(incident.id());
    }

    private IncidentRecord openIncident(long incidentId) {
        IncidentRecord incident = incidents.findById(incidentId);
        if (incident == null || incident.state() != IncidentState.OPEN || incident.feederId() == null) {
            throw new IllegalStateException("incident " + incidentId + " is not an open incident on a feeder");
        }
        return incident;
    }

    private IncidentRecord forDispatcher(String publicId) {
        long id = PublicIds.parseIncident(publicId);
        IncidentRecord incident = id < 0 ? null : incidents.findById(id);
        if (incident == null) {
            throw Refusal.notFound("incident", publicId);
        }
        if (incident.state() != IncidentState.OPEN) {
            throw new Refusal(
                    Refusal.Kind.CONFLICT,
                    "NOT_OPEN",
                    "incident " + publicId + " is " + incident.state() + ": only an open incident can be corrected",
                    null);
        }
        if (incident.level() == IncidentLevel.LOCATION || incident.feederId() == null) {
            throw new Refusal(
                    Refusal.Kind.CONFLICT,
                    "NOT_ON_GRID",
                    "incident " + publicId + " groups reports "
                            + "without a place on the grid: there is no device to move it to",
                    null);
        }
        return incident;
    }
}
