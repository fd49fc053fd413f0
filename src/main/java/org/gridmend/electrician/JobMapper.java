package org.gridmend.electrician;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** gm_service_job and its offers, timeline, messages and photos. */
@Mapper
interface JobMapper {

    String COLUMNS = "id, request_id, customer_phone, report_id, tracking_token, skill, lat, lng, address, "
            + "description, preferred_window, status, electrician_id, offers, visit_fee, cause, parts_fee, labour_fee, "
            + "amount_charged, rating, rating_comment, dispute_kind, dispute_text, dispute_outcome, outcome, created_at, "
            + "updated_at";

    record JobRow(
            long id,
            String requestId,
            String customerPhone,
            Long reportId,
            String trackingToken,
            String skill,
            double lat,
            double lng,
            String address,
            String description,
            String preferredWindow,
            String status,
            Long electricianId,
            int offers,
            BigDecimal visitFee,
            String cause,
            BigDecimal partsFee,
            BigDecimal labourFee,
            BigDecimal amountCharged,
            Integer rating,
            String ratingComment,
            String disputeKind,
            String disputeText,
            String disputeOutcome,
            String outcome,
            Instant createdAt,
            Instant updatedAt) {}

    record Offer(
            int seq,
            long electricianId,
            double distanceKm,
            String rule,
            Instant offeredAt,
            Instant answeredAt,
            String answer) {}

    record Line(long id, Instant at, String kind, String text) {}

    record Message(long id, Instant at, String sender, String text) {}

    record Photo(long id, String contentType, int sizeBytes, Instant createdAt) {}

    record PhotoData(String contentType, byte[] data) {}

    final class NewJob {
        public Long id;
        public String requestId;
        public String customerPhone;
        public Long reportId;
        public String trackingToken;
        public String skill;
        public double lat;
        public double lng;
        public String address;
        public String description;
        public String preferredWindow;
        public Instant now;
    }

    @Insert("INSERT INTO gm_service_job (request_id, customer_phone, report_id, tracking_token, skill, lat, lng, "
            + "address, description, preferred_window, status, created_at, updated_at) VALUES (#{requestId}, "
            + "#{customerPhone}, #{reportId}, #{trackingToken}, #{skill}, #{lat}, #{lng}, #{address}, #{description}, "
            + "#{preferredWindow}, 'OFFERING', #{now}, #{now})")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insert(NewJob job);

    @Select("SELECT " + COLUMNS + " FROM gm_service_job WHERE id = #{id}")
    JobRow find(@Param("id") long id);

    @Select("SELECT " + COLUMNS + " FROM gm_service_job WHERE id = #{id} FOR UPDATE")
    JobRow lock(@Param("id") long id);

    @Select("SELECT " + COLUMNS + " FROM gm_service_job WHERE customer_phone = #{phone} AND request_id = #{requestId}")
    JobRow byRequest(@Param("phone") String phone, @Param("requestId") String requestId);

    @Select("SELECT " + COLUMNS + " FROM gm_service_job WHERE report_id = #{reportId} ORDER BY id DESC LIMIT 1")
    JobRow byReport(@Param("reportId") long reportId);

    @Select("SELECT " + COLUMNS + " FROM gm_service_job WHERE customer_phone = #{phone} ORDER BY id DESC LIMIT 50")
    List<JobRow> byCustomer(@Param("phone") String phone);

    @Select("SELECT " + COLUMNS + " FROM gm_service_job WHERE electrician_id = #{electricianId} ORDER BY id DESC "
            + "LIMIT 100")
    List<JobRow> byElectrician(@Param("electricianId") long electricianId);

    /** Jobs an electrician has under way, by electrician, for the offer's ordering. */
    @Select("SELECT electrician_id AS k, COUNT(*) AS v FROM gm_service_job WHERE status IN ('ACCEPTED', 'ARRIVED', "
            + "'QUOTED', 'REPAIRING') AND electrician_id IS NOT NULL GROUP BY electrician_id")
    List<Count> openJobs();

    record Count(long k, long v) {}

    @Update("UPDATE gm_service_job SET status = #{status}, updated_at = #{now} WHERE id = #{id}")
    int setStatus(@Param("id") long id, @Param("status") String status, @Param("now") Instant now);

    @Update("UPDATE gm_service_job SET status = 'OFFERED', electrician_id = #{electricianId}, offers = offers + 1, "
            + "updated_at = #{now} WHERE id = #{id}")
    int offered(@Param("id") long id, @Param("electricianId") long electricianId, @Param("now") Instant now);

    @Update("UPDATE gm_service_job SET status = 'ACCEPTED', visit_fee = #{fee}, updated_at = #{now} WHERE id = #{id}")
    int accepted(@Param("id") long id, @Param("fee") BigDecimal visitFee, @Param("now") Instant now);

    @Update(
            "UPDATE gm_service_job SET status = 'OFFERING', electrician_id = NULL, updated_at = #{now} WHERE id = #{id}")
    int unassign(@Param("id") long id, @Param("now") Instant now);

    @Update("UPDATE gm_service_job SET status = 'QUOTED', cause = #{cause}, parts_fee = #{parts}, labour_fee = "
            + "#{labour}, updated_at = #{now} WHERE id = #{id}")
    int quoted(
            @Param("id") long id,
            @Param("cause") String cause,
            @Param("parts") BigDecimal parts,
            @Param("labour") BigDecimal labour,
            @Param("now") Instant now);

    @Update("UPDATE gm_service_job SET status = 'COMPLETED', amount_charged = #{amount}, updated_at = #{now} "
            + "WHERE id = #{id}")
    int completed(@Param("id") long id, @Param("amount") BigDecimal amount, @Param("now") Instant now);

    @Update("UPDATE gm_service_job SET rating = #{rating}, rating_comment = #{comment}, updated_at = #{now} "
            + "WHERE id = #{id} AND rating IS NULL")
    int rate(
            @Param("id") long id,
            @Param("rating") int rating,
            @Param("comment") String comment,
            @Param("now") Instant now);

    @Update("UPDATE gm_service_job SET status = 'DISPUTED', dispute_kind = #{kind}, dispute_text = #{text}, "
            + "updated_at = #{now} WHERE id = #{id}")
    int dispute(
            @Param("id") long id, @Param("kind") String kind, @Param("text") String text, @Param("now") Instant now);

    @Update("UPDATE gm_service_job SET dispute_outcome = #{outcome}, updated_at = #{now} WHERE id = #{id}")
    int disputeOutcome(@Param("id") long id, @Param("outcome") String outcome, @Param("now") Instant now);

    @Update("UPDATE gm_service_job SET status = 'CLOSED', outcome = #{outcome}, updated_at = #{now} WHERE id = #{id}")
    int close(@Param("id") long id, @Param("outcome") String outcome, @Param("now") Instant now);

    @Insert("INSERT INTO gm_service_job_offer (job_id, seq, electrician_id, distance_km, rule, offered_at) VALUES "
            + "(#{jobId}, #{seq}, #{electricianId}, #{distanceKm}, #{rule}, #{now})")
    void insertOffer(
            @Param("jobId") long jobId,
            @Param("seq") int seq,
            @Param("electricianId") long electricianId,
            @Param("distanceKm") double distanceKm,
            @Param("rule") String rule,
            @Param("now") Instant now);

    @Update("UPDATE gm_service_job_offer SET answer = #{answer}, answered_at = #{now} WHERE job_id = #{jobId} AND "
            + "answer IS NULL")
    int answerOffer(@Param("jobId") long jobId, @Param("answer") String answer, @Param("now") Instant now);

    @Select("SELECT seq, electrician_id, distance_km, rule, offered_at, answered_at, answer FROM gm_service_job_offer "
            + "WHERE job_id = #{jobId} ORDER BY seq")
    List<Offer> offers(@Param("jobId") long jobId);

    @Insert("INSERT INTO gm_service_job_event (job_id, at, kind, text) VALUES (#{jobId}, #{at}, #{kind}, #{text})")
    void insertEvent(
            @Param("jobId") long jobId,
            @Param("at") Instant at,
            @Param("kind") String kind,
            @Param("text") String text);

    @Select("SELECT id, at, kind, text FROM gm_service_job_event WHERE job_id = #{jobId} ORDER BY id")
    List<Line> events(@Param("jobId") long jobId);

    @Insert("INSERT INTO gm_service_job_message (job_id, at, sender, text) VALUES (#{jobId}, #{at}, #{sender}, "
            + "#{text})")
    void insertMessage(
            @Param("jobId") long jobId,
            @Param("at") Instant at,
            @Param("sender") String sender,
            @Param("text") String text);

    @Select("SELECT id, at, sender, text FROM gm_service_job_message WHERE job_id = #{jobId} ORDER BY id")
    List<Message> messages(@Param("jobId") long jobId);

    @Select("SELECT COUNT(*) FROM gm_service_job_message WHERE job_id = #{jobId} AND sender = #{sender} AND at >= "
            + "#{since}")
    long messagesSince(@Param("jobId") long jobId, @Param("sender") String sender, @Param("since") Instant since);

    @Insert("INSERT INTO gm_service_job_photo (job_id, content_type, size_bytes, data, created_at) VALUES (#{jobId}, "
            + "#{type}, #{size}, #{data}, #{now})")
    void insertPhoto(
            @Param("jobId") long jobId,
            @Param("type") String type,
            @Param("size") int size,
            @Param("data") byte[] data,
            @Param("now") Instant now);

    @Select("SELECT id, content_type, size_bytes, created_at FROM gm_service_job_photo WHERE job_id = #{jobId} "
            + "ORDER BY id")
    List<Photo> photos(@Param("jobId") long jobId);

    @Select("SELECT content_type, data FROM gm_service_job_photo WHERE job_id = #{jobId} AND id = #{id}")
    PhotoData photo(@Param("jobId") long jobId, @Param("id") long id);
}
