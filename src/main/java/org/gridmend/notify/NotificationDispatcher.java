package org.gridmend.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.gridmend.audit.AuditTrail;
import org.gridmend.cluster.NodeService;
import org.gridmend.core.BackgroundLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox. One claimer thread leases a batch of due messages (a conditional UPDATE, so that several
 * GridMend nodes never hold the same row), a pool of sender threads posts them to the gateways, and each result is
 * written back only while the lease is still this node's. A gateway that is down delays messages with doubling waits;
 * a message that fails {@code max-attempts} times, or that a gateway refuses for good (4xx), is marked FAILED and
 * raised as a Cockpit incident on its process instance, where dispatchers see it next to the API's list.
 * A crash between a gateway's acceptance and the write-back means one resend after the lease ends, with the same
 * {@code messageId}, which the gateway recognises.
 */
@Component
public class NotificationDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
    /** The Cockpit incident type of a message given up on; its configuration is the message id. */
    public static final String INCIDENT_TYPE = "notificationFailed";

    private final NotificationMapper mapper;
    private final NotifyProperties properties;
    private final FailedMessageIncidents incidents;
    private final StaleMessages stale;
    private final WriteBacks writeBacks;
    private final Clock clock;
    private final Map<String, GatewayClient> gateways;
    /** The channels whose gateway has a URL: only their messages are leased. */
    private final List<String> channels;

    private final String owner;
    /** This node's id, recorded with each message it sent. */
    private final String node;

    private final AtomicLong sent = new AtomicLong();
    private final ExecutorService senders;
    private final BackgroundLoop claimer;
    private volatile long lastUnconfiguredWarning;

    NotificationDispatcher(
            NotificationMapper mapper,
            NotifyProperties properties,
            FailedMessageIncidents incidents,
            StaleMessages stale,
            AuditTrail audit,
            TransactionTemplate transactions,
            Clock clock,
            ObjectMapper json,
            NodeService nodes) {
        this.mapper = mapper;
        this.properties = properties;
        this.incidents = incidents;
        this.stale = stale;
        this.writeBacks = new WriteBacks(transactions, audit);
        this.clock = clock;
        this.gateways = Map.of(
                "SMS", new GatewayClient("SMS", properties.sms(), properties.threads(), json),
                "PUSH", new GatewayClient("PUSH", properties.push(), properties.threads(), json));
        this.channels = gateways.values().stream()
                .filter(GatewayClient::configured)
                .map(GatewayClient::channel)
                .sorted()
                .toList();
        this.node = nodes.id();
        this.owner = node + ":" + UUID.randomUUID().toString().substring(0, 8);
        this.senders = Executors.newFixedThreadPool(properties.threads(), r -> {
            Thread t = new Thread(r, "notify-send");
            t.setDaemon(true);
            return t;
        });
        Duration idle = properties.idlePoll();
        this.claimer = new BackgroundLoop("notify-claim", log, idle, () -> deliverDue() == 0 ? idle : Duration.ZERO);
    }

    @Override
    public void start() {
        if (!properties.deliver()) {
            log.info("notification delivery is off on this node (gridmend.notify.deliver=false)");
            return;
        }
        gateways.values().stream()
                .filter(g -> !g.configured())
                .forEach(g -> log.warn(
                        "no {} gateway configured (gridmend.notify.{}.url): its messages wait in the outbox",
                        g.channel(),
                        g.channel().toLowerCase(Locale.ROOT)));
        claimer.start();
    }

    @Override
    public void stop() {
        claimer.stop(Duration.ofSeconds(10));
        close();
    }

    /** Releases the sender threads and the gateways' connections. */
    void close() {
        senders.shutdown();
        try {
            senders.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        gateways.values().forEach(GatewayClient::close);
    }

    @Override
    public boolean isRunning() {
        return claimer.isRunning();
    }

    /** After the engine and the web server, before neither: stops first, so that no lease is held past shutdown. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    /** Messages this node delivered since start. */
    public long sentCount() {
        return sent.get();
    }

    /**
     * One round: lease up to {@code batch-size} due messages of the configured channels, send them in parallel and
     * record each result. Returns how many were leased.
     */
    int deliverDue() throws InterruptedException {
        if (channels.isEmpty()) {
            warnUnconfigured();
            return 0;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant until = now.plus(properties.lease());
        List<Long> due = mapper.dueIds(now, properties.batchSize(), channels);
        if (due.isEmpty() || writeBacks.retrying(() -> mapper.claim(owner, until, now, due)) == 0) {
            return 0;
        }
        List<NotificationMapper.Outgoing> batch = mapper.claimed(owner, until);
        List<Future<?>> results = new ArrayList<>(batch.size());
        for (NotificationMapper.Outgoing message : batch) {
            results.add(senders.submit(() -> deliver(message)));
        }
        for (Future<?> result : results) {
            try {
                result.get();
            } catch (ExecutionException e) {
                log.warn("delivering a notification failed: {}", e.getCause().toString());
            }
        }
        return batch.size();
    }

    private void warnUnconfigured() {
        long now = System.currentTimeMillis();
        if (now - lastUnconfiguredWarning > 60_000) {
            lastUnconfiguredWarning = now;
            log.warn("no notification gateway is configured: messages wait in the outbox (gridmend.notify.sms.url, "
                    + "gridmend.notify.push.url)");
        }
    }

    private void deliver(NotificationMapper.Outgoing message) {
        String untrue = stale.whyStale(message.eventType(), message.incidentId(), message.reportId());
        if (untrue != null) {
            writeBacks.recorded(
                    message,
                    message.attempts(),
                    "WITHDRAWN",
                    null,
                    untrue,
                    null,
                    () -> mapper.withdraw(message.id(), owner, untrue));
            log.info(
                    "notification withdrawn messageId={} event={}: {}",
                    message.messageId(),
                    message.eventType(),
                    untrue);
            return;
        }
        GatewayClient.Outcome outcome = gateways.get(message.channel()).send(message);
        Instant now = clock.instant();
        int attempt = message.attempts() + 1;
        if (outcome.accepted()) {
            if (writeBacks.recorded(
                            message,
                            attempt,
                            "SENT",
                            outcome.status(),
                            null,
                            null,
                            () -> mapper.markSent(message.id(), owner, outcome.status(), now, node))
                    == 1) {
                sent.incrementAndGet();
            }
            return;
        }
        String raw = outcome.error() == null ? "unknown error" : outcome.error();
        String error = raw.length() > 480 ? raw.substring(0, 480) : raw;
        if (outcome.rejected() || attempt >= properties.maxAttempts()) {
            if (writeBacks.recorded(
                            message,
                            attempt,
                            "FAILED",
                            outcome.status(),
                            error,
                            null,
                            () -> mapper.markFailed(message.id(), owner, error, outcome.status()))
                    == 1) {
                log.warn(
                        "notification failed for good messageId={} channel={} event={} attempts={}: {}",
                        message.messageId(),
                        message.channel(),
                        message.eventType(),
                        attempt,
                        error);
                incidents.raise(message, error);
            }
            return;
        }
        Instant next = now.plus(properties.backoff(attempt));
        writeBacks.recorded(
                message,
                attempt,
                "RETRY",
                outcome.status(),
                error,
                next,
                () -> mapper.markRetry(message.id(), owner, next, error, outcome.status()));
        log.info(
                "notification will be retried messageId={} channel={} attempt={} next={}: {}",
                message.messageId(),
                message.channel(),
                attempt,
                next,
                error);
    }
}
