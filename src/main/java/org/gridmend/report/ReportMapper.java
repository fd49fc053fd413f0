package org.gridmend.report;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface ReportMapper {

    /** Inserts and sets {@link NewReport#id}; a second report with the same request id fails on its unique key. */
    void insert(NewReport report);

    ReportRecord findById(@Param("id") long id);

    /** When the incident was restored, or null while it is not. */
    Instant incidentRestoredAt(@Param("incidentId") long incidentId);

    ReportRecord findByRequestId(@Param("requestId") String requestId);

    long countSinceByCustomer(@Param("customerNo") String customerNo, @Param("since") Instant since);

    long countSinceByPhone(@Param("phone") String phone, @Param("since") Instant since);

    long countOnIncident(@Param("incidentId") long incidentId);

    /** Reports whose FaultReport process has not been started yet, oldest first. */
    List<Long> pendingProcessStarts(@Param("limit") int limit);

    void markProcessStarted(@Param("ids") List<Long> ids);

    void updateStatus(@Param("id") long id, @Param("status") ReportStatus status, @Param("now") Instant now);

    void updateLocation(
            @Param("id") long id,
            @Param("customerNo") String customerNo,
            @Param("transformerId") String transformerId,
            @Param("feederId") String feederId,
            @Param("method") String method,
            @Param("now") Instant now);

    void linkIncident(
            @Param("id") long id,
            @Param("incidentId") Long incidentId,
            @Param("status") ReportStatus status,
            @Param("now") Instant now);

    void setNotice(@Param("id") long id, @Param("noticeId") long noticeId, @Param("now") Instant now);

    /** Adds a MOVED_INCIDENT line to the timeline of every report on the incidents {@code childIds}. */
    void insertMovedEvents(
            @Param("childIds") Collection<Long> childIds, @Param("at") Instant at, @Param("text") String text);

    void relinkReports(
            @Param("childIds") Collection<Long> childIds, @Param("parentId") long parentId, @Param("now") Instant now);

    /** The reports of a transformer area in repair on an incident. */
    List<Long> reportIdsOnArea(@Param("incidentId") long incidentId, @Param("transformerId") String transformerId);

    /** One timeline line for every report of the area in repair on the incident, in one statement. */
    void insertAreaEvents(
            @Param("incidentId") long incidentId,
            @Param("transformerId") String transformerId,
            @Param("at") Instant at,
            @Param("type") String type,
            @Param("text") String text);

    int relinkArea(
            @Param("fromId") long fromId,
            @Param("toId") long toId,
            @Param("transformerId") String transformerId,
            @Param("now") Instant now);

    void excludeIncident(@Param("id") long id, @Param("incidentId") Long incidentId, @Param("now") Instant now);

    void recordConfirmation(
            @Param("id") long id, @Param("powerRestored") boolean powerRestored, @Param("now") Instant now);

    /** The customer's reports that are still open (not in a final status), newest first. */
    List<ReportRecord> openReportsOfCustomer(@Param("customerNo") String customerNo);

    void insertEvent(
            @Param("reportId") long reportId,
            @Param("at") Instant at,
            @Param("type") String type,
            @Param("text") String text);

    List<ReportEvent> events(@Param("reportId") long reportId);

    void insertRating(
            @Param("reportId") long reportId,
            @Param("incidentId") Long incidentId,
            @Param("stars") int stars,
            @Param("comment") String comment,
            @Param("now") Instant now);

    Integer ratingOf(@Param("reportId") long reportId);

    /** The bind target of {@link #insert}; MyBatis writes the generated id back. */
    final class NewReport {
        public Long id;
        public String requestId;
        public String requestHash;
        public String trackingToken;
        public Channel channel;
        public String customerNo;
        public String phone;
        public Double lat;
        public Double lng;
        public String coordSys;
        public String address;
        public String description;
        public Boolean onlyMyHome;
        public String verifiedPhone;
        public String clientAddress;
        public ReportStatus status;
        public String answer;
        public Instant createdAt;
    }
}
