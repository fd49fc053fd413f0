package org.gridmend.rental;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.gridmend.core.PhotoCleaner;
import org.gridmend.core.ProcessConstants;
import org.gridmend.core.PublicIds;
import org.gridmend.core.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the renter and the owner do on the page: the owner answers (a customer; the utility's staff answer in
 * Tasklist), records the payment, fills the handover checklist the renter signs and checks the return; the renter
 * cancels until the handover and accepts or disputes the settlement; both rate each other and add photos.
 */
@Service
public class RentalPartyService {

    /** Why an owner declines; the renter is told. */
    public enum DeclineReason {
        NOT_AVAILABLE("设备这几天无法出租", "the item cannot be rented on these days"),
        MAINTENANCE("设备检修中", "the item is under maintenance"),
        RENTER_UNSUITABLE("不符合出租条件", "the rental conditions are not met");

        final String zh;
        final String en;

        DeclineReason(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }
    }

    /** How the renter paid the owner, outside GridMend. */
    public enum PaymentMethod {
        CASH,
        BANK_TRANSFER,
        WECHAT,
        ALIPAY,
        OTHER
    }

    private final RentalBookingMapper bookings;
    private final RentalPhotoMapper photos;
    private final RentalAccess access;
    private final RentalViews views;
    private final RentalProperties properties;
    private final AuditTrail audit;
    private final Clock clock;

    RentalPartyService(
            RentalBookingMapper bookings,
            RentalPhotoMapper photos,
            RentalAccess access,
            RentalViews views,
            RentalProperties properties,
            AuditTrail audit,
            Clock clock) {
        this.bookings = bookings;
        this.photos = photos;
        this.access = access;
        this.views = views;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    private BookingView done(RentalAccess.Booking b, String event, Caller caller, Object... details) {
        audit.record(AuditEntry.of(event)
                .user(caller.staffUser())
                .subject(PublicIds.booking(b.row().id))
                .details(details));
        return views.booking(new RentalAccess.Booking(bookings.find(b.row().id), b.item(), b.party()));
    }

    /** A customer owner confirms or declines (with a reason) before the hold lapses. */
    @Transactional
    public BookingView answer(Caller caller, String id, Boolean confirm, String reason) {
        RentalAccess.Booking b = access.booking(caller, id, RentalAccess.Party.OWNER, true);
        boolean yes = RentalChecks.flag(confirm, "confirm");
        DeclineReason why = yes ? null : RentalChecks.choice(DeclineReason.class, reason, "reason");
        if (b.item().utilityOwned() || !access.waits(b.row().id, ProcessConstants.MESSAGE_OWNER_ANSWERED)) {
            throw Refusal.conflict("NOT_NOW", "confirm", "the booking does not wait for the owner's answer now");
        }
        Instant now = clock.instant();
        bookings.answer(
                b.row().id,
                yes ? "CONFIRMED" : "DECLINED",
                why == null ? null : why.name(),
                "owner",
                yes ? now : null,
                now);
        access.correlate(b.row().id, ProcessConstants.MESSAGE_OWNER_ANSWERED, "confirm");
        return done(b, yes ? "RENTAL_CONFIRMED" : "RENTAL_DECLINED", caller, "reason", why);
    }

    /** The owner (or rental staff for the utility's items) records that price and deposit were paid. */
    @Transactional
    public BookingView payment(Caller caller, String id, String method) {
        RentalAccess.Booking b = access.booking(caller, id, RentalAccess.Party.OWNER, true);
        PaymentMethod how = RentalChecks.choice(PaymentMethod.class, method, "method");
        if (!access.waits(b.row().id, ProcessConstants.MESSAGE_PAYMENT_RECORDED)) {
            throw Refusal.conflict("NOT_NOW", "method", "the booking does not wait for a payment now");
        }
        bookings.paid(b.row().id, how.name(), caller.actor(), clock.instant());
        BigDecimal total = b.row().priceTotal.add(b.row().deposit);
        access.tellRenter(b.row(), "RENTAL_PAID", "rental.paid", PublicIds.booking(b.row().id), total.toPlainString());
        access.correlate(b.row().id, ProcessConstants.MESSAGE_PAYMENT_RECORDED, "method");
        return done(b, "RENTAL_PAID", caller, "method", how, "amount", total);
    }

    private BigDecimal reading(RentalAccess.Booking b, Number reading) {
        RentalItemType type = RentalItemType.valueOf(b.item().type());
        if (type.reading == RentalItemType.Reading.NONE) {
            if (reading != null) {
                throw Refusal.invalid("INVALID_FIELD", "reading", "a " + type.name() + " has no meter to read");
            }
            return null;
        }
        BigDecimal value = RentalChecks.money(reading, "reading", 0, 10_000_000);
        BigDecimal before = b.row().handoverReading;
        if (b.row().handoverOwnerAt != null
                && before != null
                && b.row().handedOverAt != null
                && value.compareTo(before) < 0) {
            throw Refusal.invalid(
                    "INVALID_FIELD", "reading", "reading must not be below the handover's " + before.toPlainString());
        }
        return value.setScale(1, java.math.RoundingMode.HALF_UP);
    }

    /** The owner's handover checklist; the renter signs it next (the owner may correct it until then). */
    @Transactional
    public BookingView handover(Caller caller, String id, Checklist checklist) {
        RentalAccess.Booking b = access.booking(caller, id, RentalAccess.Party.OWNER, true);
        if (checklist == null) {
            throw Refusal.invalid("MISSING_FIELD", "body", "the checklist is required");
        }
        Condition condition = RentalChecks.choice(Condition.class, checklist.condition(), "condition");
        BigDecimal reading = reading(b, checklist.reading());
        String notes = RentalChecks.optionalText(checklist.notes(), "notes", 500);
        if (checklist.damageAmount() != null) {
            throw Refusal.invalid("INVALID_FIELD", "damageAmount", "damage is recorded on the return, not at handover");
        }
        if (!access.waits(b.row().id, ProcessConstants.MESSAGE_HANDED_OVER)) {
            throw Refusal.conflict("NOT_NOW", "condition", "the booking is not at its handover");
        }
        bookings.handoverChecked(b.row().id, condition.name(), reading, notes, clock.instant());
        access.tellRenter(
                b.row(),
                "RENTAL_HANDOVER_CHECKED",
                "rental.handover_checked",
                PublicIds.booking(b.row().id),
                condition.zh);
        return done(b, "RENTAL_HANDOVER_CHECKED", caller, "condition", condition, "reading", reading);
    }

    /** The renter signs the owner's checklist: the item is handed over. */
    @Transactional
    public BookingView signHandover(Caller caller, String id) {
        RentalAccess.Booking b = access.booking(caller, id, RentalAccess.Party.RENTER, true);
        if (b.row().handoverOwnerAt == null) {
            throw Refusal.conflict("NOT_NOW", "signature", "the owner has not filled the handover checklist yet");
        }
        if (!access.waits(b.row().id, ProcessConstants.MESSAGE_HANDED_OVER)) {
            throw Refusal.conflict("NOT_NOW", "signature", "the booking is not at its handover");
        }
        bookings.handedOver(b.row().id, clock.instant());
        access.note(b.row(), "RENTAL_HANDED_OVER", "rental.handed_over", PublicIds.booking(b.row().id));
        access.tellOwner(b.row(), b.item(), "RENTAL_HANDED_OVER", "rental.handed_over", PublicIds.booking(b.row().id));
        access.correlate(b.row().id, ProcessConstants.MESSAGE_HANDED_OVER, "signature");
        return done(b, "RENTAL_HANDED_OVER", caller);
    }

    /** The owner's return check: condition, reading and the damage to take from the deposit. */
    @Transactional
    public BookingView returned(Caller caller, String id, Checklist check) {
        RentalAccess.Booking b = access.booking(caller, id, RentalAccess.Party.OWNER, true);
        if (check == null) {
            throw Refusal.invalid("MISSING_FIELD", "body", "the return check is required");
        }
        Condition condition = RentalChecks.choice(Condition.class, check.condition(), "condition");
        BigDecimal reading = reading(b, check.reading());
        String notes = RentalChecks.optionalText(check.notes(), "notes", 500);
        BigDecimal damage = check.damageAmount() == null
                ? BigDecimal.ZERO.setScale(2)
                : RentalChecks.money(check.damageAmount(), "damageAmount", 0, 1_000_000);
        if (damage.signum() > 0 && condition != Condition.DAMAGED) {
            throw Refusal.invalid("INVALID_FIELD", "damageAmount", "a damage amount needs the condition DAMAGED");
        }
        if (condition == Condition.DAMAGED && notes == null) {
            throw Refusal.invalid("MISSING_FIELD", "notes", "say what is damaged in notes");
        }
        if (!access.waits(b.row().id, ProcessConstants.MESSAGE_RETURNED)) {
            throw Refusal.conflict("NOT_NOW", "condition", "the item is not out on this booking");
        }
        bookings.returned(b.row().id, condition.name(), reading, notes, damage, clock.instant());
        access.tellRenter(b.row(), "RENTAL_RETURNED", "rental.returned", PublicIds.booking(b.row().id), condition.zh);
        access.correlate(b.row().id, ProcessConstants.MESSAGE_RETURNED, "condition");
        return done(b, "RENTAL_RETURNED", caller, "condition", condition, "reading", reading, "damage", damage);
    }

    /** The renter cancels until the handover; the days are freed by the process. */
    @Transactional
    public BookingView cancel(Caller caller, String id) {
        RentalAccess.Booking b = access.booking(caller, id, RentalAccess.Party.RENTER, true);
        if (!List.of("HELD", "CONFIRMED", "PAID").contains(b.row().status) || b.row().handoverRenterAt != null) {
            throw Refusal.conflict("NOT_NOW", "booking", "a booking can be cancelled until the handover only");
        }
        access.correlate(b.row().id, ProcessConstants.MESSAGE_BOOKING_CANCELLED, "booking");
        return done(b, "RENTAL_CANCEL_ASKED", caller);
    }

    /** The renter accepts the deduction, or disputes it with a reason for rental staff. */
    @Transactional
    public BookingView settlement(Caller caller, String id, Boolean accept, String reason) {
        RentalAccess.Booking b = access.booking(caller, id, RentalAccess.Party.RENTER, true);
        boolean yes = RentalChecks.flag(accept, "accept");
        String why = yes ? null : RentalChecks.text(reason, "reason", 500);
        if (!access.waits(b.row().id, ProcessConstants.MESSAGE_SETTLEMENT_ACCEPTED)) {
            throw Refusal.conflict("NOT_NOW", "accept", "no settlement waits for your answer");
        }
        if (!yes) {
            bookings.disputed(b.row().id, why, clock.instant());
            access.note(b.row(), "RENTAL_DISPUTED", "rental.disputed", PublicIds.booking(b.row().id));
        }
        access.correlate(
                b.row().id,
                yes ? ProcessConstants.MESSAGE_SETTLEMENT_ACCEPTED : ProcessConstants.MESSAGE_SETTLEMENT_DISPUTED,
                "accept");
        return done(b, yes ? "RENTAL_SETTLEMENT_ACCEPTED" : "RENTAL_DISPUTED", caller);
    }

    /** Each side rates the other once the booking is closed: the renter the item, the owner the renter. */
    @Transactional
    public BookingView rate(Caller caller, String id, Integer stars, String comment) {
        RentalAccess.Booking b = access.booking(caller, id, true);
        int given = RentalChecks.stars(stars);
        String text = RentalChecks.optionalText(comment, "comment", 300);
        boolean renter = b.party() == RentalAccess.Party.RENTER;
        String message = renter ? ProcessConstants.MESSAGE_RATED_BY_RENTER : ProcessConstants.MESSAGE_RATED_BY_OWNER;
        if (!access.waits(b.row().id, message)) {
            throw Refusal.conflict("NOT_NOW", "stars", "the booking waits for no rating from you now");
        }
        if (renter) {
            bookings.ratedByRenter(b.row().id, given, text, clock.instant());
        } else {
            bookings.ratedByOwner(b.row().id, given, text, clock.instant());
        }
        access.correlate(b.row().id, message, "stars");
        return done(b, renter ? "RENTAL_RATED_BY_RENTER" : "RENTAL_RATED_BY_OWNER", caller, "stars", given);
    }

    /** A photo for the handover or return checklist, by either side while the item is being handed or is out. */
    @Transactional
    public long addPhoto(Caller caller, String id, byte[] data) {
        RentalAccess.Booking b = access.booking(caller, id, true);
        String stage = switch (b.row().status) {
            case "PAID" -> "HANDOVER";
            case "HANDED_OVER", "RETURNED", "SETTLING", "DISPUTED" -> "RETURN";
            default -> throw Refusal.conflict("NOT_NOW", "file", "photos are taken at the handover and the return");
        };
        if (photos.ofBooking(b.row().id).size() >= 2L * properties.maxPhotos()) {
            throw Refusal.conflict(
                    "TOO_MANY_PHOTOS", "file", "at most " + properties.maxPhotos() + " photos each time");
        }
        PhotoCleaner.Photo photo = PhotoCleaner.accept(data, properties.photoMaxBytes());
        photos.insert(
                b.item().id(), b.row().id, stage, photo.type(), photo.data().length, photo.data(), clock.instant());
        List<RentalPhotoMapper.Photo> all = photos.ofBooking(b.row().id);
        audit.record(AuditEntry.of("RENTAL_PHOTO")
                .user(caller.staffUser())
                .subject(PublicIds.booking(b.row().id))
                .detail("stage", stage)
                .detail("by", b.party()));
        return all.get(all.size() - 1).id();
    }

    @Transactional(readOnly = true)
    public RentalPhoto photo(Caller caller, String id, long photoId) {
        RentalAccess.Booking b = access.booking(caller, id, false);
        RentalPhotoMapper.PhotoData data = photos.ofBookingData(b.row().id, photoId);
        if (data == null) {
            throw Refusal.notFound("photo", String.valueOf(photoId));
        }
        return new RentalPhoto(data.contentType(), data.data());
    }
}
