package org.gridmend.demo;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.gridmend.core.Refusal;
import org.gridmend.demo.storm.StormPlan;
import org.gridmend.demo.storm.StormResult;
import org.gridmend.demo.storm.StormSimulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Service;

/**
 * The board's "start a storm" button (demo profile only): the storm simulator runs inside GridMend against its own
 * HTTP port, as any client would, with the demo's administrator, so that a visitor watches incidents form, merge and
 * get crews on the board. One storm at a time.
 */
@Service
@Profile("demo")
@ConditionalOnClass(name = "org.gridmend.demo.storm.StormSimulator") // not in the packaged jar
public class DemoStormService implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(DemoStormService.class);
    static final int PROGRESS_LINES = 30;

    private final Clock clock;
    private final String user;
    private final String password;
    private final int faults;
    private final int rate;
    private final Duration duration;
    private final HeadEndSimulator headEnd;
    private final Deque<String> progress = new ArrayDeque<>();
    private volatile int port;
    private volatile Instant startedAt;
    private volatile Instant endedAt;
    private volatile String summary;
    private volatile boolean running;

    DemoStormService(
            Clock clock,
            @Value("${gridmend.demo.storm.user:admin}") String user,
            @Value("${gridmend.demo.storm.password:demo}") String password,
            @Value("${gridmend.demo.storm.faults:6}") int faults,
            @Value("${gridmend.demo.storm.rate:20}") int rate,
            @Value("${gridmend.demo.storm.duration:30s}") Duration duration,
            HeadEndSimulator headEnd) {
        this.headEnd = headEnd;
        this.clock = clock;
        this.user = user;
        this.password = password;
        this.faults = faults;
        this.rate = rate;
        this.duration = duration;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        port = event.getWebServer().getPort();
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Status(
            boolean running,
            Instant startedAt,
            Instant endedAt,
            int faults,
            int rate,
            long seconds,
            List<String> progress,
            String summary) {}

    public synchronized Status status() {
        return new Status(
                running, startedAt, endedAt, faults, rate, duration.toSeconds(), List.copyOf(progress), summary);
    }

    public synchronized Status start() {
        if (running) {
            throw Refusal.conflict("STORM_RUNNING", "storm", "a storm is running; watch it on the board");
        }
        running = true;
        startedAt = clock.instant();
        endedAt = null;
        summary = null;
        progress.clear();
        StormPlan plan = StormPlan.against(URI.create("http://localhost:" + port + "/"), user, password)
                .faults(faults)
                .reportShare(0.3)
                .rate(rate, (int) duration.toSeconds())
                .clients(8)
                .duplicates(0.1, 0.02)
                .oddReports(0.02, 0.0, 0.1)
                .seed(ThreadLocalRandom.current().nextLong())
                .headEnd(headEnd)
                .build();
        Thread storm = new Thread(() -> run(plan), "demo-storm");
        storm.setDaemon(true);
        storm.start();
        log.info("demo storm started faults={} rate={} seconds={}", faults, rate, duration.toSeconds());
        return status();
    }

    private void run(StormPlan plan) {
        String result;
        try {
            StormResult outcome = new StormSimulator(plan, this::progress).run();
            result = outcome.summary();
        } catch (RuntimeException e) {
            result = "the storm stopped: " + e.getMessage();
            log.warn("demo storm stopped: {}", e.toString());
        }
        synchronized (this) {
            summary = result;
            endedAt = clock.instant();
            running = false;
        }
    }

    private synchronized void progress(String line) {
        progress.addLast(line);
        while (progress.size() > PROGRESS_LINES) {
            progress.removeFirst();
        }
    }
}
