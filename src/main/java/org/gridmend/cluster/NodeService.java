package org.gridmend.cluster;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.gridmend.core.BackgroundLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * This node's identity and heartbeat: every 10 s it writes that it is alive into gm_node, so that every node (the
 * board, the health component) knows which nodes are alive: those seen within the last 30 s.
 */
@Service
public class NodeService implements SmartLifecycle {

    static final Duration BEAT = Duration.ofSeconds(10);
    static final Duration ALIVE = Duration.ofSeconds(30);
    static final Duration FORGET = Duration.ofDays(1);

    private static final Logger log = LoggerFactory.getLogger(NodeService.class);

    /** A node as the board shows it. */
    public record Node(String id, String host, Instant startedAt, Instant lastSeenAt, boolean self) {}

    private final NodeMapper nodes;
    private final Clock clock;
    private final String id;
    private final String host;
    private final Instant startedAt;
    private final BackgroundLoop heartbeat;
    private volatile int aliveCount = 1;

    NodeService(NodeMapper nodes, Clock clock, @Value("${gridmend.node.id:}") String configured) {
        this.nodes = nodes;
        this.clock = clock;
        this.host = hostName();
        this.id = configured == null || configured.isBlank() ? host + "-" + suffix() : configured.strip();
        this.startedAt = clock.instant();
        this.heartbeat = new BackgroundLoop("node-heartbeat", log, BEAT, () -> {
            beat();
            return BEAT;
        });
    }

    private static String hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name.length() > 40 ? name.substring(0, 40) : name;
        } catch (Exception e) {
            return "node";
        }
    }

    private static String suffix() {
        byte[] random = new byte[3];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    public String id() {
        return id;
    }

    public String host() {
        return host;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /**
     * How many nodes are alive, as of this node's last heartbeat (at least this one): for budgets the nodes share,
     * without a database read per use.
     */
    public int aliveCount() {
        return Math.max(1, aliveCount);
    }

    /** Says this node is alive; forgets nodes gone for a day. */
    void beat() {
        Instant now = clock.instant();
        try {
            aliveCount = nodes.seenSince(now.minus(ALIVE)).size();
        } catch (RuntimeException e) {
            log.debug("nodes alive could not be counted", e);
        }
        if (nodes.beat(id, now) == 0) {
            try {
                nodes.insert(id, host, startedAt, now);
            } catch (DuplicateKeyException raced) {
                nodes.beat(id, now);
            }
            nodes.forget(now.minus(FORGET));
        }
    }

    /** The nodes seen within the last 30 s, oldest first. */
    public List<Node> alive() {
        return nodes.seenSince(clock.instant().minus(ALIVE)).stream()
                .map(n -> new Node(
                        n.nodeId(),
                        n.host(),
                        n.startedAt(),
                        n.lastSeenAt(),
                        n.nodeId().equals(id)))
                .toList();
    }

    /**
     * Whether this node leads the work only one node may do (the demo's simulators): the longest running of the
     * nodes alive. When it goes away, the next one leads within 30 s.
     */
    public boolean leads() {
        return alive().stream()
                .min(java.util.Comparator.comparing(Node::startedAt).thenComparing(Node::id))
                .map(Node::self)
                .orElse(false);
    }

    @Override
    public void start() {
        log.info("GridMend node id={} host={}", id, host);
        try {
            beat();
        } catch (RuntimeException e) {
            log.warn("first heartbeat failed; the loop tries again node={}", id, e);
        }
        heartbeat.start();
    }

    @Override
    public void stop() {
        heartbeat.stop(Duration.ofSeconds(2));
    }

    @Override
    public boolean isRunning() {
        return heartbeat.isRunning();
    }
}
