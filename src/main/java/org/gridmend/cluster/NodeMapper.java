package org.gridmend.cluster;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** gm_node: one row per GridMend node, its start and its last heartbeat. */
@Mapper
interface NodeMapper {

    record NodeRow(String nodeId, String host, Instant startedAt, Instant lastSeenAt) {}

    @Update("UPDATE gm_node SET last_seen_at = #{now} WHERE node_id = #{id}")
    int beat(@Param("id") String id, @Param("now") Instant now);

    @Insert("INSERT INTO gm_node (node_id, host, started_at, last_seen_at) VALUES (#{id}, #{host}, #{startedAt}, "
            + "#{now})")
    void insert(
            @Param("id") String id,
            @Param("host") String host,
            @Param("startedAt") Instant startedAt,
            @Param("now") Instant now);

    @Select("SELECT node_id, host, started_at, last_seen_at FROM gm_node WHERE last_seen_at >= #{since} "
            + "ORDER BY started_at")
    List<NodeRow> seenSince(Instant since);

    /** Nodes gone for a day are forgotten. */
    @Delete("DELETE FROM gm_node WHERE last_seen_at < #{before}")
    int forget(Instant before);
}
