package org.gridmend.report;

import java.io.IOException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.gridmend.core.Refusal;
import org.gridmend.notify.NotifyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A report's timeline as Server-Sent Events: on connect every line so far, then each new line as it appears, and a
 * {@code status} event whenever the report's status, actions or repair order change. One thread looks at all open
 * streams every {@code gridmend.notify.streams.poll}; the lines come from the same query as {@code GET
 * /api/reports/{id}}, so both always agree. Event names: {@code timeline} ({@code {at, type, text}}) and
 * {@code status} (the tracking view without its timeline).
 */
@Service
public class TimelineStreamService implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TimelineStreamService.class);

    private final ObjectMapper json;
    private final ReportService reports;
    private final NotifyProperties.Streams settings;
    private final Set<Stream> open = ConcurrentHashMap.newKeySet();
    private final StreamRegistry registry;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "timeline-streams");
        t.setDaemon(true);
        return t;
    });

    TimelineStreamService(
            ReportService reports, NotifyProperties properties, ObjectMapper json, StreamRegistry registry) {
        this.registry = registry;
        this.reports = reports;
        this.json = json;
        this.settings = properties.streams();
        long every = settings.poll().toMillis();
        poller.scheduleWithFixedDelay(this::pollAll, every, every, TimeUnit.MILLISECONDS);
    }

    private static final class Stream {
        final String reportId;
        final String token;
        final String client;
        final SseEmitter emitter;
        final Set<String> sent = new HashSet<>();
        String status;
        long lastWrite = System.currentTimeMillis();
        long nextId;

        final long registered;

        Stream(String reportId, String token, String client, SseEmitter emitter, long registered) {
            this.registered = registered;
            this.reportId = reportId;
            this.token = token;
            this.client = client;
            this.emitter = emitter;
        }
    }

    /**
     * Opens a stream; a wrong id or token is answered 404 before any stream exists. One report may have
     * {@code max-per-report} streams (a phone and a laptop, a relative), one client address {@code max-per-client}
     * and the node {@code max}: beyond, 429 or 503 with Retry-After, and the page polls instead. So one tracking
     * token, or one client, can no longer take every slot of a node. The report's and the client's streams are
     * counted over every node alive (StreamRegistry), the node's own in memory.
     */
    public synchronized SseEmitter open(String reportId, String token, String client) {
        TrackingView first = reports.track(reportId, token);
        String report = first.reportId();
        long forReport = registry.forReport(report);
        if (forReport >= settings.maxPerReport()) {
            throw refusal(
                    Refusal.Kind.RATE_LIMITED,
                    reportId,
                    "this report already has " + forReport + " live timelines open");
        }
        if (client != null && registry.forClient(client) >= settings.maxPerClient()) {
            throw refusal(
                    Refusal.Kind.RATE_LIMITED, reportId, "too many live timelines are open from your " + "address");
        }
        if (open.size() >= settings.max()) {
            throw refusal(Refusal.Kind.UNAVAILABLE, reportId, "too many live timelines are open on this server");
        }
        SseEmitter emitter = new SseEmitter(settings.timeout().toMillis());
        Stream stream = new Stream(reportId, token, client, emitter, registry.opened(report, client));
        emitter.onCompletion(() -> forget(stream));
        emitter.onTimeout(() -> forget(stream));
        emitter.onError(e -> forget(stream));
        synchronized (stream) {
            if (push(stream, first)) {
                open.add(stream);
            } else {
                registry.closed(stream.registered);
            }
        }
        return emitter;
    }

    /** A stream that ended: out of this node's set and out of every node's counts. */
    private void forget(Stream stream) {
        if (open.remove(stream)) {
            try {
                registry.closed(stream.registered);
            } catch (RuntimeException e) {
                log.debug("a closed live timeline stays counted until its node is gone: {}", e.toString());
            }
        }
    }

    private static Refusal refusal(Refusal.Kind kind, String reportId, String why) {
        return new Refusal(kind, "TOO_MANY_STREAMS", why + "; poll GET /api/reports/" + reportId + " instead", "events")
                .retryAfter(60);
    }

    /** How many streams are open on this node. */
    public int openStreams() {
        return open.size();
    }

    private void pollAll() {
        for (Iterator<Stream> it = open.iterator(); it.hasNext(); ) {
            Stream stream = it.next();
            try {
                TrackingView view = reports.track(stream.reportId, stream.token);
                synchronized (stream) {
                    if (!push(stream, view)) {
                        it.remove();
                        registry.closed(stream.registered);
                    }
                }
            } catch (RuntimeException e) {
                log.debug("live timeline of {} closed: {}", stream.reportId, e.toString());
                stream.emitter.complete();
                it.remove();
                registry.closed(stream.registered);
            }
        }
    }

    /** Sends what the client has not seen yet; false when the client is gone. */
    private boolean push(Stream stream, TrackingView view) {
        try {
            List<TrackingView.Entry> timeline = view.timeline();
            boolean wrote = false;
            for (TrackingView.Entry entry : timeline) {
                String key = entry.at() + "|" + entry.type() + "|" + entry.text();
                if (stream.sent.add(key)) {
                    stream.emitter.send(SseEmitter.event()
                            .name("timeline")
                            .id(String.valueOf(++stream.nextId))
                            .data(json.writeValueAsString(entry)));
                    wrote = true;
                }
            }
            TrackingView status = new TrackingView(
                    view.reportId(),
                    view.status(),
                    view.channel(),
                    view.receivedAt(),
                    view.incident(),
                    view.notice(),
                    view.gridMember(),
                    view.stage(),
                    view.stages(),
                    null,
                    view.actions(),
                    view.serviceJob());
            String fingerprint = String.valueOf(status);
            if (!fingerprint.equals(stream.status)) {
                stream.status = fingerprint;
                stream.emitter.send(SseEmitter.event().name("status").data(json.writeValueAsString(status)));
                wrote = true;
            }
            long now = System.currentTimeMillis();
            if (wrote) {
                stream.lastWrite = now;
            } else if (now - stream.lastWrite >= settings.heartbeat().toMillis()) {
                stream.emitter.send(SseEmitter.event().comment("keep-alive"));
                stream.lastWrite = now;
            }
            return true;
        } catch (IOException | IllegalStateException gone) {
            return false;
        }
    }

    private volatile boolean running;

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends the open streams when the node shuts down, before the web server's graceful shutdown: otherwise it waits
     * its whole timeout for streams that never end by themselves. Browsers reconnect (to another node).
     */
    @Override
    public void stop() {
        running = false;
        open.forEach(s -> s.emitter.complete());
        open.clear();
        try {
            registry.closedAll();
        } catch (RuntimeException e) {
            log.debug("this node's live timelines stay counted until it is gone: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void destroy() {
        poller.shutdownNow();
        stop();
    }
}
