package org.gridmend.board;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface BoardMapper {

    List<IncidentRow> openIncidents(@Param("limit") int limit);

    List<CrewRow> crews(@Param("limit") int limit);

    /** Reports waiting for a dispatcher's "Locate report", oldest first. */
    List<LocateRow> reportsToLocate(@Param("limit") int limit);

    long countToLocate();

    long reportsSince(@Param("since") Instant since);

    long incidentsSince(@Param("since") Instant since);

    List<ArrivalRow> arrivalsSince(@Param("since") Instant since);

    Double averageStarsSince(@Param("since") Instant since);

    long ratingsSince(@Param("since") Instant since);

    /** Transformer areas with their customers, the grid the map is drawn on. */
    List<AreaRow> areas(@Param("limit") int limit);

    record LocateRow(
            long id, Instant createdAt, String channel, String customerNo, String address, String description) {}

    record IncidentRow(
            long id,
            String deviceId,
            String level,
            String state,
            String areaType,
            Double lat,
            Double lng,
            Instant firstReportAt,
            Instant arrivalDeadline,
            Instant eta,
            Instant etr,
            Instant arrivedAt,
            boolean late,
            String crewEmployeeNo,
            String prediction,
            long reports,
            long custodyReports) {}

    record CrewRow(
            String id,
            String employeeNo,
            boolean onShift,
            Double lat,
            Double lng,
            Instant positionAt,
            long openOrders) {}

    /** Devices with a position: the feeders' switchgear, whose lines the map draws. */
    List<DeviceRow> devices(@Param("limit") int limit);

    record AreaRow(String id, String feederId, String parentId, double lat, double lng, long customers) {}

    record DeviceRow(String id, String feederId, String parentId, double lat, double lng) {}

    record ArrivalRow(Instant firstReportAt, Instant arrivedAt, Instant arrivalDeadline) {}
}
