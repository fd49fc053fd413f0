package org.gridmend.rental;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A booking as its renter or the item's owner sees it: the item, the days and money, each step's record, the
 * parcel-style stages and timeline, whom to contact, and what the caller may do now ({@code actions}). Times are in
 * the utility's zone, named in {@code zone}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BookingView(
        String id,
        String status,
        String statusLabel,
        String party,
        ItemView item,
        LocalDate from,
        LocalDate to,
        int days,
        BigDecimal dailyPrice,
        BigDecimal priceTotal,
        BigDecimal deposit,
        String deliveryAddress,
        boolean installation,
        String installationJob,
        String confirmBy,
        Person renter,
        Person owner,
        Checklist handover,
        Checklist returned,
        Settlement settlement,
        Ratings ratings,
        List<Stage> stages,
        List<Line> timeline,
        List<String> photos,
        List<String> actions,
        String zone) {

    /** The other side: a phone once the booking is confirmed (masked before), and how others rated them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Person(String label, String phone, Double stars, long ratings) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Checklist(
            String condition,
            String conditionLabel,
            BigDecimal reading,
            String readingUnit,
            String notes,
            String checkedAt,
            String renterSignedAt,
            BigDecimal damageAmount) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Settlement(
            Integer lateDays,
            BigDecimal lateFee,
            BigDecimal damage,
            BigDecimal deduction,
            BigDecimal refund,
            BigDecimal owed,
            String disputeReason,
            String disputeOutcome,
            String settledAt) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Ratings(Integer renterStars, String renterComment, Integer ownerStars, String ownerComment) {}

    /** One stage of the booking, as a parcel's: done with its time, or still to come. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Stage(String key, String label, boolean done, String at) {}

    public record Line(String at, String kind, String text) {}
}
