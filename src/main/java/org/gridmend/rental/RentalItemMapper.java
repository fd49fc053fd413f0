package org.gridmend.rental;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** gm_rental_item: the catalogue. */
@Mapper
interface RentalItemMapper {

    String COLUMNS = "id, owner_key, request_id, owner_phone, type, title, rating, spec, lat, lng, place, daily_price, "
            + "deposit, min_days, max_days, needs_installation, status, refusal_reason, stars_sum, stars_count, "
            + "created_at, updated_at";

    record ItemRow(
            long id,
            String ownerKey,
            String requestId,
            String ownerPhone,
            String type,
            String title,
            String rating,
            String spec,
            double lat,
            double lng,
            String place,
            BigDecimal dailyPrice,
            BigDecimal deposit,
            int minDays,
            int maxDays,
            boolean needsInstallation,
            String status,
            String refusalReason,
            int starsSum,
            int starsCount,
            Instant createdAt,
            Instant updatedAt) {

        boolean utilityOwned() {
            return ownerPhone == null;
        }
    }

    final class NewItem {
        public Long id;
        public String ownerKey;
        public String requestId;
        public String ownerPhone;
        public String type;
        public String title;
        public String rating;
        public String spec;
        public double lat;
        public double lng;
        public String place;
        public BigDecimal dailyPrice;
        public BigDecimal deposit;
        public int minDays;
        public int maxDays;
        public boolean needsInstallation;
        public String status;
        public Instant now;
    }

    @Insert("INSERT INTO gm_rental_item (owner_key, request_id, owner_phone, type, title, rating, spec, lat, lng, "
            + "place, daily_price, deposit, min_days, max_days, needs_installation, status, created_at, updated_at) "
            + "VALUES (#{ownerKey}, #{requestId}, #{ownerPhone}, #{type}, #{title}, #{rating}, #{spec}, #{lat}, "
            + "#{lng}, #{place}, #{dailyPrice}, #{deposit}, #{minDays}, #{maxDays}, #{needsInstallation}, #{status}, "
            + "#{now}, #{now})")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insert(NewItem item);

    @Select("SELECT " + COLUMNS + " FROM gm_rental_item WHERE id = #{id}")
    ItemRow find(long id);

    @Select("SELECT " + COLUMNS + " FROM gm_rental_item WHERE id = #{id} FOR UPDATE")
    ItemRow lock(long id);

    @Select("SELECT " + COLUMNS + " FROM gm_rental_item WHERE owner_key = #{ownerKey} AND request_id = #{requestId}")
    ItemRow byRequest(@Param("ownerKey") String ownerKey, @Param("requestId") String requestId);

    @Select("SELECT " + COLUMNS + " FROM gm_rental_item WHERE owner_phone = #{phone} ORDER BY id DESC")
    List<ItemRow> byOwner(String phone);

    @Select("SELECT " + COLUMNS + " FROM gm_rental_item ORDER BY id")
    List<ItemRow> all();

    /**
     * Available items of a type (or any) in a box around a place that hold none of the days asked for (when days are
     * asked for, and are within the item's fewest and most days); the caller measures the distance.
     */
    @Select("<script>SELECT " + COLUMNS + " FROM gm_rental_item i WHERE status = 'AVAILABLE'"
            + "<if test='type != null'> AND type = #{type}</if>"
            + " AND lat BETWEEN #{minLat} AND #{maxLat} AND lng BETWEEN #{minLng} AND #{maxLng}"
            + "<if test='from != null'> AND #{days} BETWEEN min_days AND max_days"
            + " AND NOT EXISTS (SELECT 1 FROM gm_rental_day d WHERE d.item_id = i.id AND d.rent_day BETWEEN #{from} AND"
            + " #{to})</if> ORDER BY id</script>")
    List<ItemRow> available(
            @Param("type") String type,
            @Param("minLat") double minLat,
            @Param("maxLat") double maxLat,
            @Param("minLng") double minLng,
            @Param("maxLng") double maxLng,
            @Param("days") Integer days,
            @Param("from") LocalDate from,
            @Param("to") LocalDate to);

    @Update("UPDATE gm_rental_item SET status = #{status}, refusal_reason = #{reason}, updated_at = #{now} "
            + "WHERE id = #{id}")
    void setStatus(
            @Param("id") long id,
            @Param("status") String status,
            @Param("reason") String reason,
            @Param("now") Instant now);

    @Update("UPDATE gm_rental_item SET stars_sum = stars_sum + #{stars}, stars_count = stars_count + 1, "
            + "updated_at = #{now} WHERE id = #{id}")
    void addStars(@Param("id") long id, @Param("stars") int stars, @Param("now") Instant now);
}
