package org.gridmend.rental;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** gm_rental_photo: an item's listing photos and its bookings' handover and return photos. */
@Mapper
interface RentalPhotoMapper {

    record Photo(long id, Long bookingId, String stage, String contentType, int sizeBytes, Instant createdAt) {}

    record PhotoData(String contentType, byte[] data) {}

    @Insert("INSERT INTO gm_rental_photo (item_id, booking_id, stage, content_type, size_bytes, data, created_at) "
            + "VALUES (#{itemId}, #{bookingId}, #{stage}, #{type}, #{size}, #{data}, #{now})")
    void insert(
            @Param("itemId") long itemId,
            @Param("bookingId") Long bookingId,
            @Param("stage") String stage,
            @Param("type") String type,
            @Param("size") int size,
            @Param("data") byte[] data,
            @Param("now") Instant now);

    @Select("SELECT id, booking_id, stage, content_type, size_bytes, created_at FROM gm_rental_photo "
            + "WHERE item_id = #{itemId} AND booking_id IS NULL ORDER BY id")
    List<Photo> ofItem(long itemId);

    @Select("SELECT id, booking_id, stage, content_type, size_bytes, created_at FROM gm_rental_photo "
            + "WHERE booking_id = #{bookingId} ORDER BY id")
    List<Photo> ofBooking(long bookingId);

    /** A photo of the item's listing (not of a booking's checklist). */
    @Select("SELECT content_type, data FROM gm_rental_photo WHERE item_id = #{itemId} AND id = #{id} "
            + "AND booking_id IS NULL")
    PhotoData listing(@Param("itemId") long itemId, @Param("id") long id);

    /** A photo of the booking's handover or return. */
    @Select("SELECT content_type, data FROM gm_rental_photo WHERE booking_id = #{bookingId} AND id = #{id}")
    PhotoData ofBookingData(@Param("bookingId") long bookingId, @Param("id") long id);
}
