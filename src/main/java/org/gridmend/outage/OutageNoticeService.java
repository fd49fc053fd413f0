package org.gridmend.outage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RuntimeService;
import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.gridmend.cluster.CacheVersionService;
import org.gridmend.core.ProcessConstants;
import org.gridmend.core.PublicIds;
import org.gridmend.core.Refusal;
import org.gridmend.core.StaffUser;
import org.gridmend.grid.FeederTopology;
import org.gridmend.grid.GridLookupService;
import org.gridmend.grid.GridNode;
import org.gridmend.grid.TopologyService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Planned and announced outages: who they cover, and whether one answers a report from a given place. */
@Service
public class OutageNoticeService {

    private static final Logger log = LoggerFactory.getLogger(OutageNoticeService.class);

    static final long CACHE_SECONDS = 5;

    private final Map<String, Cached> byFeeder = new ConcurrentHashMap<>();
    static final String CACHE = "outage-notices";
    private final CacheVersionService caches;
    private final OutageNoticeMapper mapper;
    private final TopologyService topology;
    private final GridLookupService grid;
    private final KnownFaults faults;
    private final RuntimeService runtime;
    private final AuditTrail audit;
    private final NoticeChecks checks;
    private final Clock clock;

    OutageNoticeService(
            OutageNoticeMapper mapper,
            TopologyService topology,
            GridLookupService grid,
            KnownFaults faults,
            RuntimeService runtime,
            AuditTrail audit,
            NoticeChecks checks,
            CacheVersionService caches,
            Clock clock) {
        this.caches = caches;
        // a notice announced or ended on another node changes the notices this node keeps
        caches.listen(CACHE, byFeeder::clear);
        this.audit = audit;
        this.checks = checks;
        this.mapper = mapper;
        this.topology = topology;
        this.grid = grid;
        this.faults = faults;
        this.runtime = runtime;
        this.clock = clock;
    }

    public record Created(long noticeId, int customers) {}

    /**
     * Publishes a notice from the API: records it and starts its OutageNotice process (business key N-…) in the same
     * transaction, so that a notice never exists without the process that announces and ends it.
     */
    @Transactional
    public Created announce(
            NoticeType type, String deviceId, Instant startsAt, Instant expectedEndAt, String reason, String user) {
        Created created = create(type, deviceId, startsAt, expectedEndAt, reason, user);
        runtime.startProcessInstanceByKey(
                ProcessConstants.OUTAGE_NOTICE,
                PublicIds.notice(created.noticeId()),
                Map.of(ProcessConstants.NOTICE_ID, created.noticeId()));
        return created;
    }

    /** Validates and records a notice; the caller starts or is its process. */
    @Transactional
    public Created create(
            NoticeType type, String deviceId, Instant startsAt, Instant expectedEndAt, String reason, String user) {
        checks.fields(type, deviceId, startsAt, expectedEndAt, reason);
        GridNode node = topology.find(deviceId.trim())
                .orElseThrow(() -> Refusal.invalid(
                        "UNKNOWN_DEVICE",
                        "deviceId",
                        "deviceId " + Refusal.echo(deviceId)
                                + " is not a feeder, device or transformer of the archive"));
        checks.reason(reason);
        OutageNoticeMapper.NewNotice notice = new OutageNoticeMapper.NewNotice();
        notice.type = type;
        notice.deviceId = node.id();
        notice.feederId = node.feederId();
        notice.startsAt = startsAt;
        notice.expectedEndAt = expectedEndAt;
        notice.reason = reason == null || reason.isBlank() ? null : reason.trim();
        notice.createdBy = user;
        notice.createdAt = clock.instant();
        mapper.insert(notice);
        forgetAfterCommit(node.feederId());
        int customers = topology.downstream(node.id()).customerNos().size();
        audit.record(AuditEntry.of("NOTICE_PUBLISHED")
                .at(notice.createdAt)
                .notice(notice.id)
                .user(user)
                .device(node.id())
                .detail("type", type)
                .detail("start", startsAt)
                .detail("expectedEnd", expectedEndAt)
                .detail("reason", notice.reason)
                .detail("customers", customers));
        log.info(
                "outage notice announced noticeId={} type={} deviceId={} customers={}",
                notice.id,
                type,
                node.id(),
                customers);
        return new Created(notice.id, customers);
    }

    /** The process's view of a notice: what kind, and whether a week-ahead message is still worth sending. */
    public record Plan(boolean fault, boolean weekAhead) {}

    public Plan plan(long noticeId) {
        OutageNoticeRecord notice = require(noticeId);
        boolean weekAhead = notice.type() == NoticeType.PLANNED
                && Duration.between(clock.instant(), notice.startsAt()).compareTo(Duration.ofDays(1)) > 0;
        return new Plan(notice.type() == NoticeType.FAULT, weekAhead);
    }

    /** A fault notice opens the incident of its device (or joins the one open there): a crew is dispatched. */
    @Transactional
    public long openIncident(long noticeId) {
        OutageNoticeRecord notice = require(noticeId);
        FeederTopology feeder = grid.topology(notice.feederId());
        KnownFaults.Opened opened = faults.openForNotice(
                feeder,
                notice.deviceId(),
                "fault outage notice " + PublicIds.notice(noticeId) + " on " + notice.deviceId(),
                clock.instant());
        mapper.linkIncident(noticeId, opened.incidentId());
        // the announced device holds its outage: open incidents below it merge into it
        faults.reevaluate(feeder.feederId(), opened.incidentId());
        // (a fault notice corroborates its incident: the notice's own process tells the area)
        log.info(
                "fault outage notice noticeId={} {} incidentId={}",
                noticeId,
                opened.created() ? "opened" : "joined",
                opened.incidentId());
        return opened.incidentId();
    }

    /** How an ended notice is announced: power back, a planned outage withdrawn, or nothing (a fault's repair order tells). */
    public enum Ending {
        RESTORED,
        CANCELLED,
        SILENT
    }

    /**
     * Ends the notice (reports from the area are no longer answered with it). {@code reason}: EXPECTED_END, ENDED (a
     * dispatcher), INCIDENT_RESTORED.
     */
    @Transactional
    public Ending end(long noticeId, String reason) {
        OutageNoticeRecord notice = require(noticeId);
        Instant now = clock.instant();
        if (mapper.end(noticeId, now, reason) == 1) {
            forgetAfterCommit(notice.feederId());
            audit.record(AuditEntry.of("NOTICE_ENDED")
                    .at(now)
                    .notice(noticeId)
                    .incident(notice.incidentId())
                    .user(StaffUser.current())
                    .device(notice.deviceId())
                    .detail("reason", reason));
            log.info("outage notice ended noticeId={} reason={}", noticeId, reason);
        }
        if (notice.type() == NoticeType.FAULT) {
            return Ending.SILENT;
        }
        // ended by a dispatcher before it began: the planned work is withdrawn
        boolean withdrawn = !"EXPECTED_END".equals(reason) && now.isBefore(notice.startsAt());
        return withdrawn ? Ending.CANCELLED : Ending.RESTORED;
    }

    /** A dispatcher ends a notice early: power is back, or the planned work is withdrawn. */
    @Transactional
    public OutageNoticeRecord endNow(long noticeId) {
        OutageNoticeRecord notice = mapper.findById(noticeId);
        if (notice == null) {
            throw Refusal.notFound("outage notice", String.valueOf(noticeId));
        }
        if (!"ACTIVE".equals(notice.state())) {
            throw Refusal.conflict("NOTICE_ENDED", "id", "outage notice " + noticeId + " has ended already");
        }
        runtime.createMessageCorrelation(ProcessConstants.MESSAGE_OUTAGE_ENDED)
                .processInstanceBusinessKey(PublicIds.notice(noticeId))
                .setVariable(ProcessConstants.END_REASON, "ENDED")
                .correlateWithResult();
        return mapper.findById(noticeId);
    }

    /** When the notice's timers fire; the OutageNotice process reads them as {@code ${outageNoticeTimers...}}. */
    public Instant startsAt(long noticeId) {
        return require(noticeId).startsAt();
    }

    public Instant expectedEndAt(long noticeId) {
        return require(noticeId).expectedEndAt();
    }

    private OutageNoticeRecord require(long noticeId) {
        OutageNoticeRecord notice = mapper.findById(noticeId);
        if (notice == null) {
            throw new IllegalStateException("outage notice " + noticeId + " does not exist");
        }
        return notice;
    }

    /**
     * The notice that answers a report from this transformer area now, if any. Every report asks, so a feeder's
     * notices are kept for {@value #CACHE_SECONDS} s; announcing on this node drops them at once.
     */
    public Optional<OutageNoticeRecord> activeCovering(FeederTopology feeder, String transformerId) {
        Instant now = clock.instant();
        Cached cached = byFeeder.get(feeder.feederId());
        if (cached == null || cached.until().isBefore(now)) {
            cached = new Cached(mapper.activeOnFeeder(feeder.feederId(), now), now.plusSeconds(CACHE_SECONDS));
            byFeeder.put(feeder.feederId(), cached);
        }
        return cached.notices().stream()
                .filter(n -> n.activeAt(now) && feeder.covers(n.deviceId(), transformerId))
                .findFirst();
    }

    private record Cached(List<OutageNoticeRecord> notices, Instant until) {}

    /** Drops the feeder's cached notices now and once more after commit, so no reader keeps the old list. */
    private void forgetAfterCommit(String feederId) {
        byFeeder.remove(feederId);
        caches.changed(CACHE);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    byFeeder.remove(feederId);
                }
            });
        }
    }

    public Optional<OutageNoticeRecord> find(long id) {
        return Optional.ofNullable(mapper.findById(id));
    }

    public List<OutageNoticeRecord> current() {
        return mapper.current(clock.instant());
    }
}
