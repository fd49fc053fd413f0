package org.gridmend.report;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.gridmend.cluster.NodeService;
import org.gridmend.core.Refusal;
import org.springframework.stereotype.Component;

/**
 * The limits of {@link IntakeProperties}. Customer number and phone are counted in the database (exact across
 * nodes, and only the few reports of one customer are read); client addresses in memory per node and per minute,
 * each of the nodes alive allowing its share of the limit (with a balancer that spreads an address's requests over
 * the nodes, the address gets the whole limit; kept on one node, that node's share).
 */
@Component
class IntakeRateLimiter {

    private final ReportMapper reports;
    private final IntakeProperties properties;
    private final NodeService nodes;
    private final Clock clock;
    private final Map<String, AtomicInteger> perAddressMinute = new ConcurrentHashMap<>();
    private volatile long currentMinute;

    IntakeRateLimiter(ReportMapper reports, IntakeProperties properties, NodeService nodes, Clock clock) {
        this.reports = reports;
        this.nodes = nodes;
        this.properties = properties;
        this.clock = clock;
    }

    void check(ReportRequest request, String clientAddress) {
        Instant now = clock.instant();
        checkAddress(clientAddress, now);
        IntakeProperties.PerCustomer limit = properties.perCustomer();
        Instant since = now.minus(limit.window());
        long windowSeconds = limit.window().toSeconds();
        if (request.customerNo() != null
                && !request.customerNo().isBlank()
                && reports.countSinceByCustomer(request.customerNo().trim(), since) >= limit.max()) {
            throw Refusal.rateLimited(
                    "customerNo",
                    "customer " + request.customerNo().trim() + " sent "
                            + limit.max() + " reports in " + limit.window().toMinutes()
                            + " minutes; the earlier ones are "
                            + "being handled, please follow them with their tracking links",
                    windowSeconds);
        }
        if (request.phone() != null
                && !request.phone().isBlank()
                && reports.countSinceByPhone(request.phone().trim(), since) >= limit.max()) {
            throw Refusal.rateLimited(
                    "phone",
                    "this phone sent " + limit.max() + " reports in "
                            + limit.window().toMinutes() + " minutes; the earlier ones are being handled",
                    windowSeconds);
        }
    }

    private void checkAddress(String clientAddress, Instant now) {
        if (clientAddress == null) {
            return;
        }
        long minute = now.getEpochSecond() / 60;
        if (minute != currentMinute) {
            synchronized (this) {
                if (minute != currentMinute) {
                    perAddressMinute.clear();
                    currentMinute = minute;
                }
            }
        }
        int count = perAddressMinute
                .computeIfAbsent(clientAddress, a -> new AtomicInteger())
                .incrementAndGet();
        // the nodes share the address's budget: each takes its part of the minute's reports
        int share = (properties.perAddress().maxPerMinute() + nodes.aliveCount() - 1) / nodes.aliveCount();
        if (count > share) {
            throw Refusal.rateLimited(
                    null,
                    "too many reports from your network address this minute; " + "please try again shortly",
                    60 - now.getEpochSecond() % 60);
        }
    }
}
