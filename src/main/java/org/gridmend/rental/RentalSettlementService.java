package org.gridmend.rental;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.gridmend.core.Pii;
import org.gridmend.core.PublicIds;
import org.gridmend.process.TaskRefusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The RentalBooking process's end: late days and damage settled against the deposit, a dispute decided by rental
 * staff, the close with the refund, and the ratings added to the item's.
 */
@Service
public class RentalSettlementService {

    private final RentalBookingMapper bookings;
    private final RentalItemMapper items;
    private final RentalAccess access;
    private final RentalTimes times;
    private final AuditTrail audit;
    private final Clock clock;

    RentalSettlementService(
            RentalBookingMapper bookings,
            RentalItemMapper items,
            RentalAccess access,
            RentalTimes times,
            AuditTrail audit,
            Clock clock) {
        this.bookings = bookings;
        this.items = items;
        this.access = access;
        this.times = times;
        this.audit = audit;
        this.clock = clock;
    }

    private BookingRow row(long id) {
        BookingRow row = bookings.lock(id);
        if (row == null) {
            throw new IllegalStateException("no rental booking " + id);
        }
        return row;
    }

    /** What the return costs beyond the rent: late days at the daily price and the damage found. */
    private BigDecimal charge(BookingRow row, int lateDays) {
        return row.dailyPrice.multiply(BigDecimal.valueOf(lateDays)).add(row.damageAmount);
    }

    /** Sets the deduction, the refund and what is still owed; true when something comes off the deposit. */
    @Transactional
    public boolean settle(long id) {
        BookingRow row = row(id);
        int late = times.lateDays(row, row.returnedAt);
        BigDecimal charge = charge(row, late);
        BigDecimal deduction = charge.min(row.deposit);
        BigDecimal refund = row.deposit.subtract(deduction);
        BigDecimal owed = charge.subtract(deduction);
        boolean deducted = deduction.signum() > 0;
        bookings.settle(id, deducted ? "SETTLING" : "RETURNED", late, deduction, refund, owed, clock.instant());
        audit.record(AuditEntry.of("RENTAL_SETTLED")
                .subject(PublicIds.booking(id))
                .detail("lateDays", late)
                .detail("damage", row.damageAmount)
                .detail("deduction", deduction)
                .detail("refund", refund)
                .detail("owed", owed));
        if (deducted) {
            access.tellRenter(
                    row,
                    "RENTAL_SETTLEMENT",
                    "rental.settlement",
                    PublicIds.booking(id),
                    late,
                    row.damageAmount.toPlainString(),
                    deduction.toPlainString(),
                    refund.toPlainString(),
                    owed.toPlainString());
        }
        return deducted;
    }

    /** What rental staff see when deciding a dispute. */
    @Transactional(readOnly = true)
    public Map<String, Object> disputeShown(long id) {
        BookingRow row = bookings.find(id);
        RentalItemMapper.ItemRow item = items.find(row.itemId);
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put(
                "disputeSummary",
                String.format(
                        Locale.ROOT,
                        "%s · %s %s · 押金 deposit %s 元 · 交付时 at handover: %s %s · 归还时 at return: %s %s，%s · "
                                + "逾期 late %d 天 days × %s 元 · 损坏 damage %s 元 · 扣除 deducted %s 元 · 租用人理由 the "
                                + "renter says: %s · 照片 photos: /rental/admin#booking=%s",
                        PublicIds.booking(id),
                        PublicIds.rentalItem(item.id()),
                        item.title(),
                        row.deposit.toPlainString(),
                        row.handoverCondition,
                        row.handoverReading == null ? "" : row.handoverReading.toPlainString(),
                        row.returnCondition,
                        row.returnReading == null ? "" : row.returnReading.toPlainString(),
                        row.returnNotes == null ? "" : Pii.maskText(row.returnNotes),
                        row.lateDays,
                        row.dailyPrice.toPlainString(),
                        row.damageAmount.toPlainString(),
                        row.deduction.toPlainString(),
                        Pii.maskText(row.disputeReason),
                        PublicIds.booking(id)));
        shown.put("claimedCharge", charge(row, row.lateDays).toPlainString());
        return shown;
    }

    /** Rental staff's decision: the charge that stands (at most what the owner claimed), and a note for both. */
    @Transactional
    public void resolve(long id, Object charge, Object note, String actor) {
        BookingRow row = row(id);
        BigDecimal claimed = charge(row, row.lateDays);
        if (!(charge instanceof Number n) || n.doubleValue() < 0 || n.doubleValue() > claimed.doubleValue()) {
            throw TaskRefusal.refuse(
                    "rentalCharge",
                    "应扣金额须在 0 至 " + claimed.toPlainString() + " 元之间",
                    "the charge must be 0 to " + claimed.toPlainString() + " yuan");
        }
        String text = note == null ? "" : note.toString().strip();
        if (text.isEmpty() || text.length() > 500) {
            throw TaskRefusal.refuse("rentalDisputeNote", "请写明处理意见", "write the decision for both sides");
        }
        BigDecimal stands = new BigDecimal(n.toString()).setScale(2, java.math.RoundingMode.HALF_UP);
        BigDecimal deduction = stands.min(row.deposit);
        BigDecimal refund = row.deposit.subtract(deduction);
        BigDecimal owed = stands.subtract(deduction);
        bookings.resolved(id, deduction, refund, owed, text, clock.instant());
        audit.record(AuditEntry.of("RENTAL_DISPUTE_DECIDED")
                .user(actor)
                .subject(PublicIds.booking(id))
                .detail("claimed", claimed)
                .detail("stands", stands)
                .detail("refund", refund));
        access.tellRenter(
                row,
                "RENTAL_DISPUTE_DECIDED",
                "rental.dispute_decided",
                PublicIds.booking(id),
                deduction.toPlainString(),
                refund.toPlainString(),
                text);
        access.tellOwner(
                row,
                items.find(row.itemId),
                "RENTAL_DISPUTE_DECIDED",
                "rental.dispute_decided",
                PublicIds.booking(id),
                deduction.toPlainString(),
                refund.toPlainString(),
                text);
    }

    @Transactional
    public void close(long id) {
        BookingRow row = row(id);
        bookings.close(id, clock.instant());
        BookingRow closed = bookings.find(id);
        String refund = closed.refund == null ? row.deposit.toPlainString() : closed.refund.toPlainString();
        audit.record(
                AuditEntry.of("RENTAL_CLOSED").subject(PublicIds.booking(id)).detail("refund", refund));
        access.tellRenter(row, "RENTAL_CLOSED", "rental.closed", PublicIds.booking(id), refund);
        access.tellOwner(
                row, items.find(row.itemId), "RENTAL_CLOSED", "rental.closed_owner", PublicIds.booking(id), refund);
    }

    /** The renter's stars join the item's rating; the owner's of the renter are read from the bookings. */
    @Transactional
    public void aggregate(long id) {
        BookingRow row = row(id);
        if (row.renterStars != null) {
            items.addStars(row.itemId, row.renterStars, clock.instant());
        }
        audit.record(AuditEntry.of("RENTAL_RATINGS")
                .subject(PublicIds.booking(id))
                .detail("renterStars", row.renterStars)
                .detail("ownerStars", row.ownerStars));
    }
}
