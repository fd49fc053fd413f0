package org.gridmend.rental;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.gridmend.core.Pii;
import org.gridmend.core.PublicIds;
import org.gridmend.core.UtilityZone;
import org.gridmend.electrician.JobRequestService;
import org.gridmend.process.TaskRefusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The RentalBooking process's steps up to the return: asking the owner, the answer (rental staff's form or what a
 * customer owner said on the page), a lapsed hold, a declined, unpaid or never handed over booking, the installation
 * job, the reminder and the late return. Each step that frees days deletes them in its own transaction.
 */
@Service
public class RentalStepsService {

    private final RentalBookingMapper bookings;
    private final RentalItemMapper items;
    private final RentalAccess access;
    private final RentalTimes times;
    private final JobRequestService jobs;
    private final RentalProperties properties;
    private final AuditTrail audit;
    private final UtilityZone zone;
    private final Clock clock;

    RentalStepsService(
            RentalBookingMapper bookings,
            RentalItemMapper items,
            RentalAccess access,
            RentalTimes times,
            JobRequestService jobs,
            RentalProperties properties,
            AuditTrail audit,
            UtilityZone zone,
            Clock clock) {
        this.bookings = bookings;
        this.items = items;
        this.access = access;
        this.times = times;
        this.jobs = jobs;
        this.properties = properties;
        this.audit = audit;
        this.zone = zone;
        this.clock = clock;
    }

    BookingRow row(long id) {
        BookingRow row = bookings.lock(id);
        if (row == null) {
            throw new IllegalStateException("no rental booking " + id);
        }
        return row;
    }

    private RentalItemMapper.ItemRow item(BookingRow row) {
        return items.find(row.itemId);
    }

    @Transactional
    public void askOwner(long id) {
        BookingRow row = row(id);
        RentalItemMapper.ItemRow item = item(row);
        access.tellOwner(
                row,
                item,
                "RENTAL_REQUESTED",
                "rental.owner_asked",
                PublicIds.booking(id),
                item.title(),
                row.fromDay.toString(),
                row.toDay.toString(),
                zone.show(row.confirmDeadline));
    }

    /** What the rental staff member sees when confirming a booking of the utility's item. */
    @Transactional(readOnly = true)
    public Map<String, Object> confirmShown(long id) {
        BookingRow row = bookings.find(id);
        RentalItemMapper.ItemRow item = item(row);
        RentalBookingMapper.Stars stars = bookings.renterStars(row.renterPhone);
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put(
                "bookingSummary",
                String.format(
                        Locale.ROOT,
                        "%s · %s %s（%s）· %s 至 to %s，%d 天 days · 租金 price %s 元 · 押金 deposit %s 元 · 租用人 renter %s"
                                + "（%s）· %s · 请在 %s 前确认 confirm by then",
                        PublicIds.booking(id),
                        PublicIds.rentalItem(item.id()),
                        item.title(),
                        RentalItemType.valueOf(item.type()).label(),
                        row.fromDay,
                        row.toDay,
                        row.days,
                        row.priceTotal.toPlainString(),
                        row.deposit.toPlainString(),
                        Pii.maskPhone(row.renterPhone),
                        stars.count() == 0
                                ? "暂无评价 not rated yet"
                                : String.format(
                                        Locale.ROOT,
                                        "%.1f 星 stars, %d 次 rentals",
                                        stars.sum() / (double) stars.count(),
                                        stars.count()),
                        row.installation ? "需电工安装 installation asked" : "无需安装 no installation",
                        zone.showBoth(row.confirmDeadline)));
        return shown;
    }

    /** The owner's answer; true when confirmed. Rental staff's form is checked here, a customer's was on the page. */
    @Transactional
    public boolean recordAnswer(long id, Object decision, Object reason, String actor) {
        BookingRow row = row(id);
        if (decision == null) {
            return "CONFIRMED".equals(row.status);
        }
        Instant now = clock.instant();
        if ("CONFIRM".equals(decision)) {
            bookings.answer(id, "CONFIRMED", null, actor, now, now);
            audit.record(AuditEntry.of("RENTAL_CONFIRMED").user(actor).subject(PublicIds.booking(id)));
            return true;
        }
        if (!"DECLINE".equals(decision)) {
            throw TaskRefusal.refuse("rentalDecision", "请选择确认或拒绝", "choose confirm or decline");
        }
        RentalPartyService.DeclineReason why;
        try {
            why = RentalPartyService.DeclineReason.valueOf(String.valueOf(reason));
        } catch (IllegalArgumentException e) {
            throw TaskRefusal.refuse("rentalDeclineReason", "拒绝时请选择原因", "a decline needs its reason");
        }
        bookings.answer(id, "DECLINED", why.name(), actor, null, now);
        audit.record(AuditEntry.of("RENTAL_DECLINED")
                .user(actor)
                .subject(PublicIds.booking(id))
                .detail("reason", why));
        return false;
    }

    private void free(BookingRow row, String status, String event) {
        bookings.setStatus(row.id, status, clock.instant());
        int days = bookings.release(row.id);
        audit.record(AuditEntry.of(event).subject(PublicIds.booking(row.id)).detail("daysFreed", days));
    }

    @Transactional
    public void releaseHold(long id) {
        BookingRow row = row(id);
        free(row, "LAPSED", "RENTAL_HOLD_RELEASED");
        access.tellRenter(row, "RENTAL_LAPSED", "rental.lapsed", PublicIds.booking(id));
        access.tellOwner(row, item(row), "RENTAL_LAPSED", "rental.lapsed_owner", PublicIds.booking(id));
    }

    @Transactional
    public void tellDeclined(long id) {
        BookingRow row = row(id);
        free(row, "DECLINED", "RENTAL_DAYS_FREED");
        RentalPartyService.DeclineReason why = RentalPartyService.DeclineReason.valueOf(row.declineReason);
        access.tellRenter(row, "RENTAL_DECLINED", "rental.declined", PublicIds.booking(id), why.zh, why.en);
    }

    @Transactional
    public void tellConfirmed(long id) {
        BookingRow row = row(id);
        RentalItemMapper.ItemRow item = item(row);
        access.tellRenter(
                row,
                "RENTAL_CONFIRMED",
                "rental.confirmed",
                PublicIds.booking(id),
                row.priceTotal.toPlainString(),
                row.deposit.toPlainString(),
                item.utilityOwned() ? properties.deskPhone() : item.ownerPhone(),
                zone.show(times.paymentDeadline(row)));
    }

    @Transactional
    public void cancelUnpaid(long id) {
        BookingRow row = row(id);
        free(row, "UNPAID", "RENTAL_UNPAID");
        access.tellRenter(row, "RENTAL_UNPAID", "rental.unpaid", PublicIds.booking(id));
        access.tellOwner(row, item(row), "RENTAL_UNPAID", "rental.unpaid", PublicIds.booking(id));
    }

    /** Nobody handed the item over: the days after the first are free; rental staff settle what was paid. */
    @Transactional
    public void closeNoShow(long id) {
        BookingRow row = row(id);
        bookings.setStatus(id, "NO_SHOW", clock.instant());
        int freed = bookings.releaseAfter(id, row.fromDay);
        audit.record(
                AuditEntry.of("RENTAL_NO_SHOW").subject(PublicIds.booking(id)).detail("daysFreed", freed));
        access.tellRenter(row, "RENTAL_NO_SHOW", "rental.no_show", PublicIds.booking(id), properties.deskPhone());
        access.tellOwner(
                row, item(row), "RENTAL_NO_SHOW", "rental.no_show", PublicIds.booking(id), properties.deskPhone());
    }

    /** The renter cancelled until the handover: the days are free, what was paid is to be refunded by the owner. */
    @Transactional
    public void cancel(long id) {
        BookingRow row = row(id);
        free(row, "CANCELLED", "RENTAL_CANCELLED");
        String refund =
                row.paidAt == null ? "0" : row.priceTotal.add(row.deposit).toPlainString();
        access.tellRenter(row, "RENTAL_CANCELLED", "rental.cancelled", PublicIds.booking(id), refund);
        access.tellOwner(row, item(row), "RENTAL_CANCELLED", "rental.cancelled", PublicIds.booking(id), refund);
    }

    /** An electrician job for the renter at the place of use, once per booking; it shows on the timeline. */
    @Transactional
    public void startInstallation(long id) {
        BookingRow row = row(id);
        RentalItemMapper.ItemRow item = item(row);
        RentalItemType type = RentalItemType.valueOf(item.type());
        JobRequestService.Requested job = jobs.startFor(
                row.renterPhone,
                "rental-" + PublicIds.booking(id),
                type.installer,
                row.placeLat,
                row.placeLng,
                row.deliveryAddress != null ? row.deliveryAddress : item.place(),
                "安装租赁设备 install the rented " + type.en + " " + item.title() + "（" + PublicIds.booking(id) + "）");
        bookings.job(id, PublicIds.parseJob(job.id()), clock.instant());
        access.tellRenter(row, "RENTAL_INSTALLATION", "rental.installation", PublicIds.booking(id), job.id());
        audit.record(AuditEntry.of("RENTAL_INSTALLATION_JOB")
                .subject(PublicIds.booking(id))
                .detail("job", job.id())
                .detail("skill", type.installer));
    }

    @Transactional
    public void remind(long id) {
        BookingRow row = row(id);
        bookings.reminded(id, clock.instant());
        access.tellRenter(
                row, "RENTAL_REMINDER", "rental.reminder", PublicIds.booking(id), zone.show(times.dueAt(row)));
    }

    @Transactional
    public void tellLate(long id) {
        BookingRow row = row(id);
        bookings.lateTold(id, clock.instant());
        audit.record(AuditEntry.of("RENTAL_RETURN_LATE").subject(PublicIds.booking(id)));
        String price = row.dailyPrice.toPlainString();
        access.tellRenter(row, "RENTAL_LATE", "rental.late", PublicIds.booking(id), price);
        access.tellOwner(row, item(row), "RENTAL_LATE", "rental.late_owner", PublicIds.booking(id));
    }
}
