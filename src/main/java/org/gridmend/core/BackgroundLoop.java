package org.gridmend.core;

import java.time.Duration;

import org.slf4j.Logger;

/**
 * A daemon thread that runs one round of work after another until stopped: the round says how long to pause before
 * the next; a round that fails is logged and retried after {@code pauseAfterFailure} (at least a second, so that a
 * database that is away is not hammered). Stopping interrupts the pause (or the round) and waits for the thread.
 */
public final class BackgroundLoop {

    /** One round of work; returns the pause before the next. */
    @FunctionalInterface
    public interface Round {
        Duration run() throws InterruptedException;
    }

    private final String name;
    private final Logger log;
    private final Duration pauseAfterFailure;
    private final Round round;
    private volatile Thread thread;

    public BackgroundLoop(String name, Logger log, Duration pauseAfterFailure, Round round) {
        this.name = name;
        this.log = log;
        this.pauseAfterFailure =
                pauseAfterFailure.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : pauseAfterFailure;
        this.round = round;
    }

    public void start() {
        Thread started = new Thread(this::loop, name);
        started.setDaemon(true);
        thread = started;
        started.start();
    }

    /** Stops the loop and waits up to {@code wait} for its current round to end. */
    public void stop(Duration wait) {
        Thread running = thread;
        thread = null;
        if (running != null) {
            running.interrupt();
            try {
                running.join(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isRunning() {
        return thread != null;
    }

    private void loop() {
        while (thread == Thread.currentThread()) {
            try {
                Duration pause;
                try {
                    pause = round.run();
                } catch (RuntimeException e) {
                    log.warn("{} failed, trying again in {} s: {}", name, pauseAfterFailure.toSeconds(), e.toString());
                    pause = pauseAfterFailure;
                }
                if (!pause.isZero()) {
                    Thread.sleep(pause.toMillis());
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
