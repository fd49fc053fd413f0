package org.gridmend.outage;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.gridmend.grid.FeederTopology;
import org.gridmend.grid.GridNode;
import org.gridmend.grid.TopologyService;
import org.gridmend.web.ApiException;
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
    private final OutageNoticeMapper mapper;
    private final TopologyService topology;
    private final Clock clock;

    OutageNoticeService(OutageNoticeMapper mapper, TopologyService topology, Clock clock) {
        this.mapper = mapper;
        this.topology = topology;
        this.clock = clock;
    }

    public record Created(long noticeId, int customers) {
    }

    @Transactional
    public Created announce(NoticeType type, String deviceId, Instant startsAt, Instant expectedEndAt, String reason,
                            String user) {
        if (type == null) {
            throw ApiException.badRequest("MISSING_FIELD", "type", "type is required (PLANNED or FAULT)");
        }
        if (deviceId == null || deviceId.isBlank()) {
            throw ApiException.badRequest("MISSING_FIELD", "deviceId", "deviceId is required (a feeder, device or "
                    + "transformer id)");
        }
        if (startsAt == null) {
            throw ApiException.badRequest("MISSING_FIELD", "start", "start is required");
        }
        if (expectedEndAt == null) {
            throw ApiException.badRequest("MISSING_FIELD", "expectedEnd", "expectedEnd is required");
        }
        if (!expectedEndAt.isAfter(startsAt)) {
            throw ApiException.badRequest("INVALID_FIELD", "expectedEnd", "expectedEnd must be after start");
        }
        if (reason != null && reason.length() > 500) {
            throw ApiException.badRequest("INVALID_FIELD", "reason", "reason must be at most 500 characters");
        }
        GridNode node = topology.find(deviceId).orElseThrow(() -> ApiException.badRequest("UNKNOWN_DEVICE",
                "deviceId", "deviceId " + deviceId + " is not a feeder, device or transformer of the archive"));
        OutageNoticeMapper.NewNotice notice = new OutageNoticeMapper.NewNotice();
        notice.type = type;
        notice.deviceId = deviceId;
        notice.feederId = node.feederId();
        notice.startsAt = startsAt;
        notice.expectedEndAt = expectedEndAt;
        notice.reason = reason;
        notice.createdBy = user;
        notice.createdAt = clock.instant();
        mapper.insert(notice);
        forgetAfterCommit(node.feederId());
        int customers = topology.downstream(deviceId).customerNos().size();
        log.info("outage notice announced noticeId={} type={} deviceId={} customers={}", notice.id, type, deviceId,
                customers);
        return new Created(notice.id, customers);
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

    private record Cached(List<OutageNoticeRecord> notices, Instant until) {
    }

    /** Drops the feeder's cached notices now and once more after commit, so no reader keeps the old list. */
    private void forgetAfterCommit(String feederId) {
        byFeeder.remove(feederId);
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
