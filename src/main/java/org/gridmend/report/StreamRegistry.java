package org.gridmend.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.gridmend.cluster.NodeService;
import org.springframework.stereotype.Component;

/**
 * The live timelines open on every node (gm_stream), so that a report's and a client address's caps hold across
 * nodes: a stream counts while its node is alive (seen within 30 s), so a node that died frees its streams' slots.
 */
@Component
class StreamRegistry {

    static final Duration ALIVE = Duration.ofSeconds(30);
    static final Duration FORGET_EVERY = Duration.ofMinutes(1);

    private final StreamMapper streams;
    private final NodeService node;
    private final Clock clock;
    private volatile Instant lastForgot = Instant.EPOCH;

    StreamRegistry(StreamMapper streams, NodeService node, Clock clock) {
        this.streams = streams;
        this.node = node;
        this.clock = clock;
    }

    long forReport(String reportId) {
        return streams.forReport(reportId, clock.instant().minus(ALIVE));
    }

    long forClient(String client) {
        return streams.forClient(client, clock.instant().minus(ALIVE));
    }

    long opened(String reportId, String client) {
        StreamMapper.NewStream row = new StreamMapper.NewStream();
        row.nodeId = node.id();
        row.reportId = reportId;
        row.client = client;
        row.now = clock.instant();
        streams.insert(row);
        // streams of nodes gone for a while are forgotten, once a minute at most rather than on every open
        Instant now = row.now;
        if (now.isAfter(lastForgot.plus(FORGET_EVERY))) {
            lastForgot = now;
            streams.forgetDead(now.minus(ALIVE.multipliedBy(10)));
        }
        return row.id;
    }

    void closed(long id) {
        streams.delete(id);
    }

    void closedAll() {
        streams.deleteOfNode(node.id());
    }

    @Mapper
    interface StreamMapper {

        final class NewStream {
            public Long id;
            public String nodeId;
            public String reportId;
            public String client;
            public Instant now;
        }

        @Insert("INSERT INTO gm_stream (node_id, report_id, client, opened_at) VALUES (#{nodeId}, #{reportId}, "
                + "#{client}, #{now})")
        @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
        void insert(NewStream stream);

        @Select("SELECT COUNT(*) FROM gm_stream s JOIN gm_node n ON n.node_id = s.node_id WHERE s.report_id = "
                + "#{reportId} AND n.last_seen_at >= #{alive}")
        long forReport(@Param("reportId") String reportId, @Param("alive") Instant alive);

        @Select("SELECT COUNT(*) FROM gm_stream s JOIN gm_node n ON n.node_id = s.node_id WHERE s.client = "
                + "#{client} AND n.last_seen_at >= #{alive}")
        long forClient(@Param("client") String client, @Param("alive") Instant alive);

        @Delete("DELETE FROM gm_stream WHERE id = #{id}")
        void delete(long id);

        @Delete("DELETE FROM gm_stream WHERE node_id = #{nodeId}")
        void deleteOfNode(String nodeId);

        @Delete("DELETE FROM gm_stream WHERE node_id NOT IN (SELECT node_id FROM gm_node WHERE last_seen_at >= "
                + "#{before})")
        void forgetDead(Instant before);
    }
}
