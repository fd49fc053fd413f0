package org.gridmend.triage;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.gridmend.core.CustomerTexts;
import org.gridmend.core.ProcessConstants;
import org.gridmend.core.PublicIds;
import org.gridmend.grid.FeederTopology;
import org.gridmend.report.ReportPlacementService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Incidents: one per fault. Opening one is safe under any concurrency (the open key is unique in the database);
 * a new incident starts its RepairOrder process; absorbing child incidents into an upstream one moves their
 * reports along and tells each reporter once.
 */
@Service
public class IncidentService {

    private static final Logger log = LoggerFactory.getLogger(IncidentService.class);

    private final IncidentMapper mapper;
    private final RuntimeService runtime;
    private final CustomerTexts texts;
    private final DecisionLog decisions;
    private final ReportPlacementService placement;
    private final Clock clock;

    IncidentService(
            IncidentMapper mapper,
            RuntimeService runtime,
            CustomerTexts texts,
            DecisionLog decisions,
            ReportPlacementService placement,
            Clock clock) {
        this.decisions = decisions;
        this.placement = placement;
        this.mapper = mapper;
        this.runtime = runtime;
        this.texts = texts;
        this.clock = clock;
    }

    public Optional<IncidentRecord> find(long id) {
        return Optional.ofNullable(mapper.findById(id));
    }

    /** The incident's repair order closed (its rating window is over): the incident ends with it. */
    public void close(long incidentId, Instant at) {
        mapper.markClosed(incidentId, at);
    }

    public long reportCount(long incidentId) {
        return mapper.reportCount(incidentId);
    }

    /**
     * The open incident that already explains an outage at this transformer (or device): on the node itself, on a
     * device above it or on its feeder; the most upstream one if there are several.
     */
    public Optional<IncidentRecord> coveringOpen(FeederTopology feeder, String nodeId, Long excluded) {
        List<String> nodes = new ArrayList<>();
        nodes.add(nodeId);
        feeder.devicesAbove(nodeId).forEach(d -> nodes.add(d.id()));
        nodes.add(feeder.feederId());
        return mapper.findOpenOnDevices(nodes).stream()
                .filter(i -> excluded == null || i.id() != excluded)
                .max(Comparator.comparingInt(i -> nodes.indexOf(i.deviceId())));
    }

    /** The result of {@link #openOrGet}: the open incident on the device, and whether this call opened it. */
    public record Opened(IncidentRecord incident, boolean created) {}

    /**
     * Opens the incident on {@code deviceId}, or returns the one already open there. Two callers racing for the same
     * device (threads or nodes) both end up with the same incident: the loser's insert hits the unique open key.
     */
    public Opened openOrGet(
            FeederTopology feeder, String deviceId, TriageRule rule, String reason, Instant firstReportAt) {
        return openOrGet(feeder, deviceId, rule, reason, null, firstReportAt, null);
    }

    /**
     * As above, with the prediction's explanation and, for areas split off another incident, that incident (its
     * customers heard of the outage already).
     */
    Opened openOrGet(
            FeederTopology feeder,
            String deviceId,
            TriageRule rule,
            String reason,
            String prediction,
            Instant firstReportAt,
            Long splitFromId) {
        String key = IncidentRecord.openKeyOf(deviceId);
        for (int attempt = 0; attempt < 3; attempt++) {
            IncidentRecord existing = mapper.findOpenByKey(key);
            if (existing != null) {
                return new Opened(existing, false);
            }
            IncidentMapper.NewIncident incident =
                    NewIncidents.on(feeder, deviceId, rule, reason, firstReportAt, clock.instant());
            incident.prediction = prediction;
            incident.splitFromId = splitFromId;
            try {
                mapper.insert(incident);
            } catch (DuplicateKeyException raced) {
                continue;
            }
            IncidentRecord opened = mapper.findById(incident.id);
            startRepairOrder(opened);
            log.info(
                    "incident opened incidentId={} deviceId={} level={} rule={}",
                    opened.id(),
                    deviceId,
                    opened.level(),
                    rule);
            return new Opened(opened, true);
        }
        throw new IllegalStateException("could not open or find the incident on " + deviceId);
    }

    /** A new group of reports that have a location but no place on the grid. */
    public IncidentRecord openLocationCluster(double lat, double lng, String reason, Instant firstReportAt) {
        IncidentMapper.NewIncident incident = new IncidentMapper.NewIncident();
        incident.level = IncidentLevel.LOCATION;
        incident.lat = lat;
        incident.lng = lng;
        incident.rule = TriageRule.LOCATION_CLUSTER;
        incident.reason = reason;
        incident.firstReportAt = firstReportAt;
        incident.createdAt = clock.instant();
        mapper.insert(incident);
        IncidentRecord opened = mapper.findById(incident.id);
        startRepairOrder(opened);
        log.info("incident opened incidentId={} level=LOCATION rule={}", opened.id(), TriageRule.LOCATION_CLUSTER);
        return opened;
    }

    /**
     * Roll-up: the children's reports move to {@code parent}, each reporter is told once, the children end as
     * MERGED and their repair orders are told to stand down.
     */
    public void absorb(IncidentRecord parent, Collection<IncidentRecord> children, TriageRule rule, String reason) {
        if (children.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<Long> ids = children.stream().map(IncidentRecord::id).toList();
        long total = mapper.reportCount(parent.id())
                + ids.stream().mapToLong(mapper::reportCount).sum();
        // Merged first: it takes the children's row locks, so joins still holding their shared lock finish first
        // and their reports are moved along with the rest.
        mapper.markMerged(ids, parent.id(), now);
        placement.moveAll(ids, parent.id(), texts.text("report.moved", parent.publicId(), total), now);
        children.stream()
                .map(IncidentRecord::firstReportAt)
                .min(Comparator.naturalOrder())
                .ifPresent(first -> mapper.updateFirstReportAt(parent.id(), first));
        for (IncidentRecord child : children) {
            decisions.record(
                    null,
                    child.id(),
                    Decision.MERGED,
                    rule,
                    child.publicId() + " merged into " + parent.publicId() + ": " + reason,
                    now);
            runtime.createMessageCorrelation(ProcessConstants.MESSAGE_REPAIR_ORDER_MERGED)
                    .processInstanceBusinessKey(child.publicId())
                    .setVariable(ProcessConstants.MERGED_INTO_ID, parent.id())
                    .correlateAllWithResult();
        }
        log.info("incidents merged into incidentId={} children={} rule={}", parent.id(), ids, rule);
    }

    /**
     * Moves an open incident (with its repair order, crew and reports) to another node of its feeder: where the
     * prediction now puts the fault. False when it is no longer open or another incident is open on that node.
     */
    boolean move(
            IncidentRecord incident,
            FeederTopology feeder,
            String deviceId,
            TriageRule rule,
            String reason,
            String prediction) {
        IncidentMapper.NewIncident moved =
                NewIncidents.on(feeder, deviceId, rule, reason, incident.firstReportAt(), clock.instant());
        moved.prediction = prediction;
        try {
            if (mapper.move(incident.id(), moved) == 0) {
                return false;
            }
        } catch (DuplicateKeyException taken) {
            return false;
        }
        decisions.record(
                null,
                incident.id(),
                Decision.MOVED,
                rule,
                incident.publicId() + " moved from " + incident.deviceId() + " to " + deviceId + ": " + reason,
                clock.instant());
        log.info(
                "incident moved incidentId={} from={} to={} rule={}",
                incident.id(),
                incident.deviceId(),
                deviceId,
                rule);
        return true;
    }

    /** Power is back: the incident stops taking reports; a later report from its area opens a new incident. */
    public boolean markRestored(long incidentId) {
        Instant now = clock.instant();
        if (mapper.markRestored(incidentId, now) == 0) {
            return false;
        }
        decisions.record(null, incidentId, Decision.RESTORED, TriageRule.RESTORED, "power restored", now);
        // a fault outage notice on this incident ends with it (its customers hear of restoration from the order)
        runtime.createMessageCorrelation(ProcessConstants.MESSAGE_OUTAGE_ENDED)
                .processInstanceVariableEquals(ProcessConstants.INCIDENT_ID, incidentId)
                .setVariable(ProcessConstants.END_REASON, "INCIDENT_RESTORED")
                .correlateAllWithResult();
        log.info("incident restored incidentId={}", incidentId);
        return true;
    }

    /** Tells these reports' processes that power is back (each continues to "is your power back?"). */
    public void notifyRestored(List<Long> reportIds) {
        for (Long reportId : reportIds) {
            runtime.createMessageCorrelation(ProcessConstants.MESSAGE_POWER_RESTORED)
                    .processInstanceBusinessKey(PublicIds.report(reportId))
                    .correlateAllWithResult();
        }
    }

    /** Restoration in one go, for a small incident: marks it restored and tells all its reports. */
    public boolean restore(long incidentId) {
        boolean restored = markRestored(incidentId);
        if (restored) {
            notifyRestored(mapper.reportIds(incidentId));
        }
        return restored;
    }

    private void startRepairOrder(IncidentRecord incident) {
        decisions.opened(incident);
        runtime.createMessageCorrelation(ProcessConstants.MESSAGE_REPAIR_ORDER_OPENED)
                .processInstanceBusinessKey(incident.publicId())
                .setVariable(ProcessConstants.INCIDENT_ID, incident.id())
                .correlateStartMessage();
    }
}
