package org.gridmend.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gridmend.core.BackgroundLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Caches that every node keeps of the same data (a feeder's topology, a feeder's outage notices) are dropped on every
 * node when one node changes the data: the changing transaction moves the cache's counter in gm_cache_version on, and
 * each node looks at the counters every second and drops the caches whose counter moved. One small query a second
 * per node, instead of a database read per cached look-up.
 */
@Service
public class CacheVersionService implements SmartLifecycle {

    static final Duration POLL = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(CacheVersionService.class);

    private final CacheVersionMapper versions;
    private final NodeService node;
    private final Clock clock;
    private final Map<String, List<Runnable>> listeners = new ConcurrentHashMap<>();
    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private final BackgroundLoop poller;
    private volatile boolean polled;

    CacheVersionService(CacheVersionMapper versions, NodeService node, Clock clock) {
        this.versions = versions;
        this.node = node;
        this.clock = clock;
        this.poller = new BackgroundLoop("cache-versions", log, POLL, () -> {
            poll();
            return POLL;
        });
    }

    /** Runs {@code drop} whenever any node changes what the cache {@code name} holds. */
    public void listen(String name, Runnable drop) {
        listeners.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>()).add(drop);
    }

    /**
     * The data behind the cache {@code name} changed: within the caller's transaction, so that the other nodes drop
     * their caches once it is committed.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void changed(String name) {
        if (versions.bump(name, node.id(), clock.instant()) == 0) {
            try {
                versions.insert(name, node.id(), clock.instant());
            } catch (DuplicateKeyException raced) {
                versions.bump(name, node.id(), clock.instant());
            }
        }
    }

    /** Drops the caches whose counters moved since the last look. */
    void poll() {
        boolean first = !polled;
        for (CacheVersionMapper.Version v : versions.all()) {
            Long before = seen.put(v.name(), v.version());
            // the counters at start are where this node begins; a counter that appears later is a change
            if (!first && (before == null || before != v.version())) {
                log.debug("cache changed elsewhere name={} version={}", v.name(), v.version());
                listeners.getOrDefault(v.name(), List.of()).forEach(Runnable::run);
            }
        }
        polled = true;
    }

    @Override
    public void start() {
        try {
            poll();
        } catch (RuntimeException e) {
            log.warn("cache versions could not be read yet; the loop tries again", e);
        }
        poller.start();
    }

    @Override
    public void stop() {
        poller.stop(Duration.ofSeconds(2));
    }

    @Override
    public boolean isRunning() {
        return poller.isRunning();
    }
}
