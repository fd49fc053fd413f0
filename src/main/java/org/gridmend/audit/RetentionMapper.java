package org.gridmend.audit;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** GridMend's own records past retention: found in batches, deleted children first. */
@Mapper
interface RetentionMapper {

    /** Reports that ended (closed, unlocated, answered by a notice, referred) before the cutoff. */
    List<Long> endedReports(@Param("cutoff") Instant cutoff, @Param("limit") int limit);

    /** Repair orders closed or merged before the cutoff that no remaining report points to. */
    List<Long> endedIncidents(@Param("cutoff") Instant cutoff, @Param("limit") int limit);

    /** Outage notices that ended before the cutoff. */
    List<Long> endedNotices(@Param("cutoff") Instant cutoff, @Param("limit") int limit);

    /** Rows of {@code table} whose {@code column} is one of {@code ids}; messages still to send are kept. */
    int deleteByIds(
            @Param("table") String table,
            @Param("column") String column,
            @Param("ids") List<Long> ids,
            @Param("keepPending") boolean keepPending);

    int unlinkMeterEvents(@Param("ids") List<Long> ids);

    /** Crew positions, meter events, delivered or failed messages and development inboxes older than the cutoff. */
    int deleteOldPositions(@Param("cutoff") Instant cutoff, @Param("limit") int limit);

    int deleteOldMeterEvents(@Param("cutoff") Instant cutoff, @Param("limit") int limit);

    int deleteOldNotifications(@Param("cutoff") Instant cutoff, @Param("limit") int limit);

    int deleteOldDevInbox(@Param("cutoff") Instant cutoff, @Param("limit") int limit);

    /** Sign-in codes that expired before then (they count towards the per-phone limits for an hour only). */
    int deleteOldCustomerCodes(@Param("before") Instant before, @Param("limit") int limit);

    int deleteExpiredCustomerSessions(@Param("before") Instant before, @Param("limit") int limit);
}
