package org.gridmend.repair;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface RepairOrderMapper {

    RepairOrderRecord find(@Param("id") long id);

    /** Makes the order's row unless it exists. */
    int open(@Param("id") long id, @Param("at") Instant at);

    void offer(
            @Param("id") long id,
            @Param("crewId") String crewId,
            @Param("eta") Instant eta,
            @Param("arrivalDeadline") Instant arrivalDeadline);

    void clearCrew(@Param("id") long id);

    void accept(@Param("id") long id, @Param("at") Instant at);

    void arrive(@Param("id") long id, @Param("at") Instant at, @Param("distanceM") double distanceM);

    void markLate(@Param("id") long id, @Param("eta") Instant eta);

    void diagnose(
            @Param("id") long id, @Param("cause") String cause, @Param("etr") Instant etr, @Param("at") Instant at);

    void updateEtr(@Param("id") long id, @Param("etr") Instant etr);

    void repair(@Param("id") long id, @Param("resolution") String resolution, @Param("at") Instant at);

    void review(@Param("id") long id, @Param("by") String by, @Param("remark") String remark, @Param("at") Instant at);

    void amend(@Param("id") long id, @Param("cause") String cause, @Param("resolution") String resolution);

    void recordLateCause(@Param("id") long id, @Param("cause") String cause);

    /** The customers' stars when the rating window ends. */
    void close(
            @Param("id") long id, @Param("ratingCount") int ratingCount, @Param("ratingAverage") Double ratingAverage);

    void insertAttempt(NewAttempt attempt);

    void endAttempt(
            @Param("incidentId") long incidentId,
            @Param("crewId") String crewId,
            @Param("outcome") String outcome,
            @Param("reason") String reason,
            @Param("at") Instant at);

    List<DispatchAttempt> attempts(@Param("incidentId") long incidentId);

    List<String> refusedCrews(@Param("incidentId") long incidentId);

    void insertEvent(
            @Param("incidentId") long incidentId,
            @Param("at") Instant at,
            @Param("type") String type,
            @Param("text") String text,
            @Param("actor") String actor);

    List<OrderEvent> events(@Param("incidentId") long incidentId);

    void insertNote(
            @Param("incidentId") long incidentId,
            @Param("at") Instant at,
            @Param("author") String author,
            @Param("text") String text);

    List<OrderNote> notes(@Param("incidentId") long incidentId);

    void insertMessage(
            @Param("incidentId") long incidentId,
            @Param("reportId") long reportId,
            @Param("fromCustomer") boolean fromCustomer,
            @Param("author") String author,
            @Param("text") String text,
            @Param("photoId") Long photoId,
            @Param("at") Instant at);

    /** The order's messages, oldest first; with a report, that customer's thread only. */
    List<MessageRow> messages(@Param("incidentId") long incidentId, @Param("reportId") Long reportId);

    record MessageRow(
            long id, long reportId, boolean fromCustomer, String author, String text, Instant at, Long photoId) {}

    /** Whether the report is on the order (a crew answers only customers of its own order). */
    boolean reportOnOrder(@Param("incidentId") long incidentId, @Param("reportId") long reportId);

    void insertPhoto(NewPhoto photo);

    List<OrderPhoto> photos(@Param("incidentId") long incidentId);

    /** A photo of the order; with a report, only the crew's photos and that customer's own. */
    PhotoData photoData(
            @Param("incidentId") long incidentId, @Param("reportId") Long reportId, @Param("photoId") long photoId);

    /** Count and sum of the stars on the incident's reports. */
    RatingTotals ratings(@Param("incidentId") long incidentId);

    List<Long> reportPage(@Param("incidentId") long incidentId, @Param("offset") int offset, @Param("limit") int limit);

    long reportCount(@Param("incidentId") long incidentId);

    /** Open orders whose crew accepted and has not arrived yet. */
    List<EnRouteOrder> enRoute();

    /** The device's name from the archive (transformer area or feeder), or its id. */
    String deviceName(@Param("deviceId") String deviceId);

    List<Reporter> reporters(@Param("incidentId") long incidentId, @Param("limit") int limit);

    record PhotoData(String contentType, byte[] data) {}

    record RatingTotals(long count, Long sum) {}

    /** A report on the incident as the crew's briefing shows it. */
    record Reporter(
            long reportId,
            Instant createdAt,
            String channel,
            String address,
            String phone,
            String description,
            String customerNo,
            Double lat,
            Double lng) {}

    final class NewAttempt {
        public Long id;
        public long incidentId;
        public String crewId;
        public Instant offeredAt;
        public Double distanceM;
        public Instant eta;
        public String byUser;
        public String candidates;
        public String rule;
    }

    final class NewPhoto {
        public Long id;
        public long incidentId;
        public Long reportId;
        public String uploadedBy;
        public String contentType;
        public int sizeBytes;
        public String sha256;
        public String caption;
        public byte[] data;
        public Instant createdAt;
    }
}
