package org.gridmend.cluster;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** The health component "node": this node's id, host and start, and how many nodes are alive. */
@Component("node")
class NodeHealthIndicator implements HealthIndicator {

    private final NodeService nodes;

    NodeHealthIndicator(NodeService nodes) {
        this.nodes = nodes;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up()
                .withDetail("id", nodes.id())
                .withDetail("host", nodes.host())
                .withDetail("startedAt", nodes.startedAt().toString());
        try {
            health.withDetail("nodesAlive", nodes.alive().size());
        } catch (RuntimeException e) {
            health.withDetail("nodesAlive", "unknown: the database cannot be read");
        }
        return health.build();
    }
}
