package org.gridmend.rental;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** gm_rental_booking, the days each booking holds (gm_rental_day) and its timeline (gm_rental_event). */
@Mapper
interface RentalBookingMapper {

    record Event(long id, Instant at, String kind, String text) {}

    record DayRow(LocalDate day, long bookingId) {}

    /** How owners rated a renter: ratings and their sum. */
    record Stars(long count, long sum) {}

    /** One item's month: days held by bookings, and what was recorded as paid for bookings starting that month. */
    record Month(long itemId, long bookedDays, BigDecimal revenue, BigDecimal deductions) {}

    final class NewBooking {
        public Long id;
        public String requestId;
        public String renterPhone;
        public long itemId;
        public LocalDate fromDay;
        public LocalDate toDay;
        public int days;
        public BigDecimal dailyPrice;
        public BigDecimal priceTotal;
        public BigDecimal deposit;
        public String deliveryAddress;
        public double placeLat;
        public double placeLng;
        public boolean installation;
        public Instant confirmDeadline;
        public Instant now;
    }

    @Insert("INSERT INTO gm_rental_booking (request_id, renter_phone, item_id, from_day, to_day, days, daily_price, "
            + "price_total, deposit, delivery_address, place_lat, place_lng, installation, status, confirm_deadline, "
            + "created_at, updated_at) VALUES (#{requestId}, #{renterPhone}, #{itemId}, #{fromDay}, #{toDay}, "
            + "#{days}, #{dailyPrice}, #{priceTotal}, #{deposit}, #{deliveryAddress}, #{placeLat}, #{placeLng}, "
            + "#{installation}, 'HELD', #{confirmDeadline}, #{now}, #{now})")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insert(NewBooking booking);

    /** Holds the days; a day another booking holds fails the whole statement on the primary key. */
    @Insert("<script>INSERT INTO gm_rental_day (item_id, rent_day, booking_id) VALUES "
            + "<foreach collection='days' item='d' separator=','>(#{itemId}, #{d}, #{bookingId})</foreach></script>")
    void hold(@Param("itemId") long itemId, @Param("days") List<LocalDate> days, @Param("bookingId") long bookingId);

    @Delete("DELETE FROM gm_rental_day WHERE booking_id = #{bookingId}")
    int release(long bookingId);

    /** Frees the days after {@code after} (a no-show keeps its first day, a cancelled booking none). */
    @Delete("DELETE FROM gm_rental_day WHERE booking_id = #{bookingId} AND rent_day > #{after}")
    int releaseAfter(@Param("bookingId") long bookingId, @Param("after") LocalDate after);

    @Select("SELECT rent_day, booking_id FROM gm_rental_day WHERE item_id = #{itemId} AND rent_day BETWEEN #{from} AND "
            + "#{to} ORDER BY rent_day")
    List<DayRow> held(@Param("itemId") long itemId, @Param("from") LocalDate from, @Param("to") LocalDate to);

    @Select("SELECT * FROM gm_rental_booking WHERE id = #{id}")
    BookingRow find(long id);

    @Select("SELECT * FROM gm_rental_booking WHERE id = #{id} FOR UPDATE")
    BookingRow lock(long id);

    @Select("SELECT * FROM gm_rental_booking WHERE renter_phone = #{phone} AND request_id = #{requestId}")
    BookingRow byRequest(@Param("phone") String phone, @Param("requestId") String requestId);

    @Select("SELECT * FROM gm_rental_booking WHERE renter_phone = #{phone} ORDER BY id DESC")
    List<BookingRow> byRenter(String phone);

    @Select("SELECT b.* FROM gm_rental_booking b JOIN gm_rental_item i ON i.id = b.item_id "
            + "WHERE i.owner_phone = #{phone} ORDER BY b.id DESC")
    List<BookingRow> byOwner(String phone);

    @Select("<script>SELECT * FROM gm_rental_booking<if test='status != null'> WHERE status = #{status}</if>"
            + " ORDER BY id DESC LIMIT #{limit}</script>")
    List<BookingRow> byStatus(@Param("status") String status, @Param("limit") int limit);

    /** Bookings of the item that are not over: held, confirmed, paid or handed over. */
    @Select("SELECT COUNT(*) FROM gm_rental_booking WHERE item_id = #{itemId} "
            + "AND status IN ('HELD', 'CONFIRMED', 'PAID', 'HANDED_OVER')")
    int open(long itemId);

    @Select("SELECT COUNT(*) FROM gm_rental_booking WHERE item_id = #{itemId} AND status = 'HANDED_OVER'")
    int running(long itemId);

    /** Handed over and past the return time. */
    @Select("SELECT * FROM gm_rental_booking WHERE status = 'HANDED_OVER' AND to_day < #{today} ORDER BY to_day")
    List<BookingRow> overdue(LocalDate today);

    @Select("SELECT COUNT(*), COALESCE(SUM(owner_stars), 0) FROM gm_rental_booking WHERE renter_phone = #{phone} "
            + "AND owner_stars IS NOT NULL")
    Stars renterStars(String phone);

    @Select(
            "SELECT i.id AS item_id, (SELECT COUNT(*) FROM gm_rental_day d WHERE d.item_id = i.id AND d.rent_day BETWEEN "
                    + "#{from} AND #{to}) AS booked_days, (SELECT COALESCE(SUM(b.price_total), 0) FROM gm_rental_booking b "
                    + "WHERE b.item_id = i.id AND b.paid_at IS NOT NULL AND b.from_day BETWEEN #{from} AND #{to}) AS revenue, "
                    + "(SELECT COALESCE(SUM(b.deduction), 0) FROM gm_rental_booking b WHERE b.item_id = i.id AND "
                    + "b.settled_at IS NOT NULL AND b.from_day BETWEEN #{from} AND #{to}) AS deductions "
                    + "FROM gm_rental_item i ORDER BY i.id")
    List<Month> month(@Param("from") LocalDate from, @Param("to") LocalDate to);

    @Update("UPDATE gm_rental_booking SET status = #{status}, updated_at = #{now} WHERE id = #{id}")
    void setStatus(@Param("id") long id, @Param("status") String status, @Param("now") Instant now);

    @Update("UPDATE gm_rental_booking SET status = #{status}, decline_reason = #{reason}, answered_by = #{by}, "
            + "confirmed_at = #{confirmedAt}, updated_at = #{now} WHERE id = #{id}")
    void answer(
            @Param("id") long id,
            @Param("status") String status,
            @Param("reason") String reason,
            @Param("by") String by,
            @Param("confirmedAt") Instant confirmedAt,
            @Param("now") Instant now);

    @Update("UPDATE gm_rental_booking SET status = 'PAID', paid_at = #{now}, payment_method = #{method}, "
            + "paid_recorded_by = #{by}, updated_at = #{now} WHERE id = #{id}")
    void paid(@Param("id") long id, @Param("method") String method, @Param("by") String by, @Param("now") Instant now);

    @Update("UPDATE gm_rental_booking SET handover_condition = #{condition}, handover_reading = #{reading}, "
            + "handover_notes = #{notes}, handover_owner_at = #{now}, updated_at = #{now} WHERE id = #{id}")
    void handoverChecked(
            @Param("id") long id,
            @Param("condition") String condition,
            @Param("reading") BigDecimal reading,
            @Param("notes") String notes,
            @Param("now") Instant now);

    @Update(
            "UPDATE gm_rental_booking SET handover_renter_at = #{now}, handed_over_at = #{now}, status = 'HANDED_OVER', "
                    + "updated_at = #{now} WHERE id = #{id}")
    void handedOver(@Param("id") long id, @Param("now") Instant now);

    @Update("UPDATE gm_rental_booking SET job_id = #{jobId}, updated_at = #{now} WHERE id = #{id}")
    void job(@Param("id") long id, @Param("jobId") long jobId, @Param("now") Instant now);

    @Update("UPDATE gm_rental_booking SET reminded_at = #{now}, updated_at = #{now} WHERE id = #{id}")
    void reminded(@Param("id") long id, @Param("now") Instant now);

    @Update("UPDATE gm_rental_booking SET late_told_at = #{now}, updated_at = #{now} WHERE id = #{id}")
    void lateTold(@Param("id") long id, @Param("now") Instant now);

    @Update("UPDATE gm_rental_booking SET status = 'RETURNED', returned_at = #{now}, return_condition = #{condition}, "
            + "return_reading = #{reading}, return_notes = #{notes}, damage_amount = #{damage}, updated_at = #{now} "
            + "WHERE id = #{id}")
    void returned(
            @Param("id") long id,
            @Param("condition") String condition,
            @Param("reading") BigDecimal reading,
            @Param("notes") String notes,
            @Param("damage") BigDecimal damage,
            @Param("now") Instant now);

    @Update("UPDATE gm_rental_booking SET status = #{status}, late_days = #{lateDays}, deduction = #{deduction}, "
            + "refund = #{refund}, owed = #{owed}, updated_at = #{now} WHERE id = #{id}")
    void settle(
            @Param("id") long id,
            @Param("status") String status,
            @Param("lateDays") int lateDays,
            @Param("deduction") BigDecimal deduction,
            @Param("refund") BigDecimal refund,
            @Param("owed") BigDecimal owed,
            @Param("now") Instant now);

    @Update("UPDATE gm_rental_booking SET status = 'DISPUTED', dispute_reason = #{reason}, updated_at = #{now} "
            + "WHERE id = #{id}")
    void disputed(@Param("id") long id, @Param("reason") String reason, @Param("now") Instant now);

    @Update("UPDATE gm_rental_booking SET deduction = #{deduction}, refund = #{refund}, owed = #{owed}, "
            + "dispute_outcome = #{outcome}, updated_at = #{now} WHERE id = #{id}")
    void resolved(
            @Param("id") long id,
            @Param("deduction") BigDecimal deduction,
            @Param("refund") BigDecimal refund,
            @Param("owed") BigDecimal owed,
            @Param("outcome") String outcome,
            @Param("now") Instant now);

    @Update("UPDATE gm_rental_booking SET status = 'CLOSED', settled_at = COALESCE(settled_at, #{now}), "
            + "closed_at = #{now}, updated_at = #{now} WHERE id = #{id}")
    void close(@Param("id") long id, @Param("now") Instant now);

    @Update("UPDATE gm_rental_booking SET renter_stars = #{stars}, renter_comment = #{comment}, updated_at = #{now} "
            + "WHERE id = #{id}")
    void ratedByRenter(
            @Param("id") long id,
            @Param("stars") int stars,
            @Param("comment") String comment,
            @Param("now") Instant now);

    @Update("UPDATE gm_rental_booking SET owner_stars = #{stars}, owner_comment = #{comment}, updated_at = #{now} "
            + "WHERE id = #{id}")
    void ratedByOwner(
            @Param("id") long id,
            @Param("stars") int stars,
            @Param("comment") String comment,
            @Param("now") Instant now);

    @Insert("INSERT INTO gm_rental_event (booking_id, at, kind, text) VALUES (#{bookingId}, #{at}, #{kind}, #{text})")
    void event(
            @Param("bookingId") long bookingId,
            @Param("at") Instant at,
            @Param("kind") String kind,
            @Param("text") String text);

    @Select("SELECT id, at, kind, text FROM gm_rental_event WHERE booking_id = #{bookingId} ORDER BY id")
    List<Event> events(long bookingId);
}
