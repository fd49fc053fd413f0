package org.gridmend.electrician;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** gm_electrician: the registry of social electricians. */
@Mapper
interface ElectricianMapper {

    String COLUMNS = "id, name, phone, certificate_no, certificate_type, certificate_expires, skills, lat, lng, "
            + "radius_km, hours_from, hours_to, status, user_id, refusal_reason, rating_sum, rating_count, jobs_done, "
            + "applied_at, reviewed_by, reviewed_at";

    record ElectricianRow(
            long id,
            String name,
            String phone,
            String certificateNo,
            String certificateType,
            LocalDate certificateExpires,
            String skills,
            double lat,
            double lng,
            double radiusKm,
            String hoursFrom,
            String hoursTo,
            String status,
            String userId,
            String refusalReason,
            int ratingSum,
            int ratingCount,
            int jobsDone,
            Instant appliedAt,
            String reviewedBy,
            Instant reviewedAt) {}

    final class NewElectrician {
        public Long id;
        public String name;
        public String phone;
        public String certificateNo;
        public String certificateType;
        public LocalDate certificateExpires;
        public String skills;
        public double lat;
        public double lng;
        public double radiusKm;
        public String hoursFrom;
        public String hoursTo;
        public Instant now;
    }

    @Insert("INSERT INTO gm_electrician (name, phone, certificate_no, certificate_type, certificate_expires, skills, "
            + "lat, lng, radius_km, hours_from, hours_to, status, applied_at, updated_at) VALUES (#{name}, #{phone}, "
            + "#{certificateNo}, #{certificateType}, #{certificateExpires}, #{skills}, #{lat}, #{lng}, #{radiusKm}, "
            + "#{hoursFrom}, #{hoursTo}, 'APPLIED', #{now}, #{now})")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insert(NewElectrician electrician);

    /** A refused applicant applies again: the same row, as new. */
    @Update("UPDATE gm_electrician SET name = #{name}, certificate_no = #{certificateNo}, certificate_type = "
            + "#{certificateType}, certificate_expires = #{certificateExpires}, skills = #{skills}, lat = #{lat}, "
            + "lng = #{lng}, radius_km = #{radiusKm}, hours_from = #{hoursFrom}, hours_to = #{hoursTo}, status = "
            + "'APPLIED', refusal_reason = NULL, applied_at = #{now}, updated_at = #{now} WHERE id = #{id}")
    int reapply(NewElectrician electrician);

    @Select("SELECT " + COLUMNS + " FROM gm_electrician WHERE id = #{id}")
    ElectricianRow find(@Param("id") long id);

    @Select("SELECT " + COLUMNS + " FROM gm_electrician WHERE id = #{id} FOR UPDATE")
    ElectricianRow lock(@Param("id") long id);

    @Select("SELECT " + COLUMNS + " FROM gm_electrician WHERE phone = #{phone} FOR UPDATE")
    ElectricianRow lockByPhone(@Param("phone") String phone);

    @Select("SELECT " + COLUMNS + " FROM gm_electrician WHERE user_id = #{userId}")
    ElectricianRow findByUser(@Param("userId") String userId);

    /** Approved electricians with a valid certificate whose box around their service area holds the point. */
    @Select("SELECT " + COLUMNS + " FROM gm_electrician WHERE status = 'APPROVED' AND certificate_expires >= #{today} "
            + "AND lat BETWEEN #{lat} - radius_km / 111.0 AND #{lat} + radius_km / 111.0 ORDER BY id")
    List<ElectricianRow> approvedAround(@Param("lat") double lat, @Param("today") LocalDate today);

    @Select("SELECT " + COLUMNS + " FROM gm_electrician WHERE status = #{status} ORDER BY id")
    List<ElectricianRow> byStatus(@Param("status") String status);

    @Select("SELECT " + COLUMNS + " FROM gm_electrician ORDER BY id")
    List<ElectricianRow> all();

    @Update("UPDATE gm_electrician SET status = #{status}, reviewed_by = #{by}, reviewed_at = #{now}, "
            + "refusal_reason = #{reason}, updated_at = #{now} WHERE id = #{id}")
    int review(
            @Param("id") long id,
            @Param("status") String status,
            @Param("reason") String reason,
            @Param("by") String by,
            @Param("now") Instant now);

    @Update("UPDATE gm_electrician SET user_id = #{userId} WHERE id = #{id} AND user_id IS NULL")
    int setUser(@Param("id") long id, @Param("userId") String userId);

    @Update("UPDATE gm_electrician SET status = #{status}, updated_at = #{now} WHERE id = #{id}")
    int setStatus(@Param("id") long id, @Param("status") String status, @Param("now") Instant now);

    @Update("UPDATE gm_electrician SET certificate_no = #{no}, certificate_expires = #{expires}, updated_at = #{now} "
            + "WHERE id = #{id}")
    int renew(
            @Param("id") long id,
            @Param("no") String certificateNo,
            @Param("expires") LocalDate expires,
            @Param("now") Instant now);

    @Update("UPDATE gm_electrician SET rating_sum = rating_sum + #{rating}, rating_count = rating_count + 1, "
            + "updated_at = #{now} WHERE id = #{id}")
    int addRating(@Param("id") long id, @Param("rating") int rating, @Param("now") Instant now);

    @Update("UPDATE gm_electrician SET jobs_done = jobs_done + 1, updated_at = #{now} WHERE id = #{id}")
    int addJobDone(@Param("id") long id, @Param("now") Instant now);
}
