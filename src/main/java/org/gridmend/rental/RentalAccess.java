package org.gridmend.rental;

import java.time.Clock;

import org.camunda.bpm.engine.RuntimeService;
import org.gridmend.core.CustomerTexts;
import org.gridmend.core.ProcessConstants;
import org.gridmend.core.PublicIds;
import org.gridmend.core.Refusal;
import org.gridmend.customer.CustomerSession;
import org.gridmend.notify.DirectMessageService;
import org.springframework.stereotype.Component;

/**
 * Who may see and act on a booking or an item, what the renter and owner are told (SMS through the outbox and a line
 * on the booking's timeline), and the messages the RentalBooking process waits for.
 */
@Component
class RentalAccess {

    /** Which side of a booking the caller is on. */
    enum Party {
        RENTER,
        OWNER
    }

    /** A booking with its item and the caller's side of it. */
    record Booking(BookingRow row, RentalItemMapper.ItemRow item, Party party) {}

    private final RentalBookingMapper bookings;
    private final RentalItemMapper items;
    private final DirectMessageService messages;
    private final CustomerTexts texts;
    private final RuntimeService runtime;
    private final Clock clock;

    RentalAccess(
            RentalBookingMapper bookings,
            RentalItemMapper items,
            DirectMessageService messages,
            CustomerTexts texts,
            RuntimeService runtime,
            Clock clock) {
        this.bookings = bookings;
        this.items = items;
        this.messages = messages;
        this.texts = texts;
        this.runtime = runtime;
        this.clock = clock;
    }

    static CustomerSession signedIn(CustomerSession session) {
        if (session == null) {
            throw new Refusal(
                    Refusal.Kind.UNAUTHENTICATED,
                    "UNAUTHORIZED",
                    "sign in with POST /api/customer/session first",
                    null);
        }
        return session;
    }

    static void signedIn(Caller caller) {
        if (caller.session() == null && caller.staffUser() == null) {
            signedIn((CustomerSession) null);
        }
    }

    /**
     * The booking as the caller may see it, locked when {@code lock}: its renter, the customer owning its item, or
     * rental staff for the utility's items; 404 for anyone else, so that ids are not probed.
     */
    Booking booking(Caller caller, String publicId, boolean lock) {
        signedIn(caller);
        long id = PublicIds.parseBooking(publicId);
        BookingRow row = id < 0 ? null : lock ? bookings.lock(id) : bookings.find(id);
        if (row != null) {
            RentalItemMapper.ItemRow item = items.find(row.itemId);
            String phone = caller.phone();
            if (phone != null && phone.equals(row.renterPhone)) {
                return new Booking(row, item, Party.RENTER);
            }
            if ((phone != null && phone.equals(item.ownerPhone())) || (item.utilityOwned() && caller.rentalStaff())) {
                return new Booking(row, item, Party.OWNER);
            }
        }
        throw Refusal.notFound("rental booking", PublicIds.shorten(publicId));
    }

    Booking booking(Caller caller, String publicId, Party needed, boolean lock) {
        Booking booking = booking(caller, publicId, lock);
        if (booking.party() != needed) {
            throw Refusal.forbidden(
                    needed == Party.OWNER ? "only the item's owner does this" : "only the renter does this");
        }
        return booking;
    }

    /** The item as its owner (the listing customer, or rental staff for the utility's) may change it. */
    RentalItemMapper.ItemRow ownedItem(Caller caller, String publicId) {
        signedIn(caller);
        long id = PublicIds.parseRentalItem(publicId);
        RentalItemMapper.ItemRow item = id < 0 ? null : items.lock(id);
        if (item == null
                || !((caller.phone() != null && caller.phone().equals(item.ownerPhone()))
                        || (item.utilityOwned() && caller.rentalStaff()))) {
            throw Refusal.notFound("rental item", PublicIds.shorten(publicId));
        }
        return item;
    }

    /** A line on the booking's timeline, and the same by SMS to the renter. */
    void tellRenter(BookingRow row, String event, String template, Object... args) {
        String id = PublicIds.booking(row.id);
        bookings.event(row.id, clock.instant(), event, texts.text(template, args));
        messages.tellPerson("Z:" + id, row.renterPhone, event, id, template, args);
    }

    /** The owner by SMS (a customer; the utility's rental staff work from Tasklist and the admin page). */
    void tellOwner(BookingRow row, RentalItemMapper.ItemRow item, String event, String template, Object... args) {
        if (!item.utilityOwned()) {
            String id = PublicIds.booking(row.id);
            messages.tellPerson("Q:" + id, item.ownerPhone(), event, id, template, args);
        }
    }

    /** A line on the timeline that nobody is sent (what the owner did, seen by both). */
    void note(BookingRow row, String event, String template, Object... args) {
        bookings.event(row.id, clock.instant(), event, texts.text(template, args));
    }

    void tellItemOwner(RentalItemMapper.ItemRow item, String event, String template, Object... args) {
        if (!item.utilityOwned()) {
            String id = PublicIds.rentalItem(item.id());
            messages.tellPerson("Q:" + id, item.ownerPhone(), event, id, template, args);
        }
    }

    boolean waits(long bookingId, String message) {
        return runtime.createExecutionQuery()
                        .processDefinitionKey(ProcessConstants.RENTAL_BOOKING)
                        .processInstanceBusinessKey(PublicIds.booking(bookingId))
                        .messageEventSubscriptionName(message)
                        .count()
                > 0;
    }

    /** Moves the booking's process on, or 409 NOT_NOW when it does not wait for this. */
    void correlate(long bookingId, String message, String field) {
        if (!waits(bookingId, message)) {
            throw Refusal.conflict("NOT_NOW", field, "the booking does not wait for this now");
        }
        runtime.createMessageCorrelation(message)
                .processInstanceBusinessKey(PublicIds.booking(bookingId))
                .correlate();
    }
}
