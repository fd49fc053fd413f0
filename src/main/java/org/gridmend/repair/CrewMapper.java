package org.gridmend.repair;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface CrewMapper {

    List<CrewRecord> crews();

    CrewRecord crew(@Param("id") String id);

    CrewRecord crewOfUser(@Param("userId") String userId);

    void insertPosition(
            @Param("crewId") String crewId,
            @Param("lat") double lat,
            @Param("lng") double lng,
            @Param("at") Instant at,
            @Param("receivedAt") Instant receivedAt);

    /** Makes the crew's status row unless it exists; fails on the key when another writer made it just now. */
    int ensureStatus(@Param("crewId") String crewId);

    /** Moves the crew's last position, unless a later one is already known. */
    int updateLastPosition(
            @Param("crewId") String crewId,
            @Param("lat") double lat,
            @Param("lng") double lng,
            @Param("at") Instant at);

    int setShift(@Param("crewId") String crewId, @Param("onShift") boolean onShift);

    int addRatings(@Param("crewId") String crewId, @Param("count") int count, @Param("sum") int sum);

    List<CrewOrder> orders(@Param("crewId") String crewId);

    /** An order a crew worked, with its times: what the crew's statistics are made of. */
    record CrewOrder(
            long incidentId,
            Instant firstReportAt,
            Instant acceptedAt,
            Instant arrivedAt,
            Instant arrivalDeadline,
            Integer ratingCount,
            Double ratingAverage) {}
}
