package org.gridmend.demo;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.gridmend.cluster.NodeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;

/**
 * A demo simulator's beat: {@link #step()} every interval on a daemon thread of its own, a failed step logged; only
 * on the node that leads ({@link NodeService#leads()}), so that several demo nodes simulate once.
 */
abstract class DemoLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DemoLoop.class);

    private final String name;
    private final Duration interval;
    private ScheduledExecutorService timer;

    DemoLoop(String name, Duration interval) {
        this.name = name;
        this.interval = interval;
    }

    private NodeService nodes;

    @Autowired
    void nodes(NodeService nodes) {
        this.nodes = nodes;
    }

    abstract void step();

    Duration interval() {
        return interval;
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(
                () -> {
                    try {
                        // one node simulates for all: the demo's crews and electricians do not work twice
                        if (nodes != null && !nodes.leads()) {
                            return;
                        }
                        step();
                    } catch (RuntimeException e) {
                        log.warn("{} step failed", name, e);
                    }
                },
                interval.toMillis(),
                interval.toMillis(),
                TimeUnit.MILLISECONDS);
        log.info("{} runs every {}s", name, interval.toSeconds());
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
