package org.gridmend.rental;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.gridmend.core.Pii;
import org.gridmend.core.ProcessConstants;
import org.gridmend.core.PublicIds;
import org.gridmend.core.Refusal;
import org.gridmend.core.UtilityZone;
import org.gridmend.customer.CustomerSession;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Booking: the days are held in the same transaction that records the booking and starts its RentalBooking process,
 * one row per item-day under a primary key, so that two bookings can never hold one item on one day, whichever node
 * they come through; a booking that finds a day taken is answered 409 with the days. A deadlock or a Galera
 * certification failure is tried again, never lost or doubled.
 */
@Service
public class RentalBookingService {

    static final int TRIES = 5;
    static final Duration MIN_CONFIRM = Duration.ofHours(1);

    private final RentalItemMapper items;
    private final RentalBookingMapper bookings;
    private final RentalCatalogueService catalogue;
    private final RentalAccess access;
    private final RentalViews views;
    private final RentalProperties properties;
    private final RuntimeService runtime;
    private final AuditTrail audit;
    private final UtilityZone zone;
    private final Clock clock;
    private final TransactionTemplate transaction;

    RentalBookingService(
            RentalItemMapper items,
            RentalBookingMapper bookings,
            RentalCatalogueService catalogue,
            RentalAccess access,
            RentalViews views,
            RentalProperties properties,
            RuntimeService runtime,
            AuditTrail audit,
            UtilityZone zone,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.items = items;
        this.bookings = bookings;
        this.catalogue = catalogue;
        this.access = access;
        this.views = views;
        this.properties = properties;
        this.runtime = runtime;
        this.audit = audit;
        this.zone = zone;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Holds the days and starts the booking's process; the same booking again for the same {@code requestId}. */
    public BookingView book(CustomerSession session, BookingRequest request) {
        RentalAccess.signedIn(session);
        if (request == null) {
            throw Refusal.invalid("MISSING_FIELD", "body", "the booking is required");
        }
        RentalBookingMapper.NewBooking booking = checked(session, request);
        for (int attempt = 1; ; attempt++) {
            BookingRow earlier = bookings.byRequest(session.phone(), booking.requestId);
            if (earlier != null) {
                return view(session, earlier.id);
            }
            try {
                Long id = transaction.execute(status -> hold(booking));
                return view(session, id);
            } catch (DuplicateKeyException taken) {
                List<String> days = bookings.held(booking.itemId, booking.fromDay, booking.toDay).stream()
                        .map(d -> d.day().toString())
                        .toList();
                if (!days.isEmpty()) {
                    throw Refusal.conflict(
                                    "DAYS_TAKEN",
                                    "from",
                                    "the item is booked on " + String.join(", ", days) + "; choose other days")
                            .conflictingDays(days);
                }
                // the same request won on another node, or the other booking was released meanwhile: look again
            } catch (PessimisticLockingFailureException deadlock) {
                if (attempt >= TRIES) {
                    throw new Refusal(
                                    Refusal.Kind.UNAVAILABLE,
                                    "BUSY",
                                    "too many bookings of this item at once; try again in a moment",
                                    null)
                            .retryAfter(2);
                }
            }
            if (attempt >= TRIES) {
                throw new Refusal(Refusal.Kind.UNAVAILABLE, "BUSY", "try the booking again in a moment", null)
                        .retryAfter(2);
            }
        }
    }

    private RentalBookingMapper.NewBooking checked(CustomerSession session, BookingRequest request) {
        RentalBookingMapper.NewBooking b = new RentalBookingMapper.NewBooking();
        b.requestId = RentalChecks.requestId(request.requestId());
        long itemId = PublicIds.parseRentalItem(request.itemId());
        RentalItemMapper.ItemRow item = itemId < 0 ? null : items.find(itemId);
        if (item == null || !("AVAILABLE".equals(item.status()) || "PAUSED".equals(item.status()))) {
            throw Refusal.invalid(
                    "UNKNOWN_ITEM",
                    "itemId",
                    "itemId " + PublicIds.shorten(request.itemId()) + " is not in the catalogue");
        }
        LocalDate[] days = catalogue.period(request.from(), request.to());
        b.fromDay = days[0];
        b.toDay = days[1];
        b.days = (int) ChronoUnit.DAYS.between(days[0], days[1]) + 1;
        if (b.days < item.minDays() || b.days > item.maxDays()) {
            throw Refusal.invalid(
                    "INVALID_FIELD",
                    "to",
                    "this item is rented for " + item.minDays() + " to " + item.maxDays() + " days, not " + b.days);
        }
        if (session.phone().equals(item.ownerPhone())) {
            throw Refusal.invalid("OWN_ITEM", "itemId", "you cannot rent your own item");
        }
        b.itemId = item.id();
        b.renterPhone = session.phone();
        b.installation = RentalChecks.flag(request.installation(), "installation");
        b.deliveryAddress = RentalChecks.optionalText(request.deliveryAddress(), "deliveryAddress", 200);
        if (request.lat() != null || request.lng() != null) {
            b.placeLat = RentalChecks.latitude(request.lat(), "lat");
            b.placeLng = RentalChecks.longitude(request.lng(), "lng");
        } else if (b.installation && b.deliveryAddress != null) {
            throw Refusal.invalid(
                    "MISSING_FIELD", "lat", "an installation at the delivery address needs its lat and lng");
        } else {
            b.placeLat = item.lat();
            b.placeLng = item.lng();
        }
        b.dailyPrice = item.dailyPrice();
        b.priceTotal = item.dailyPrice().multiply(BigDecimal.valueOf(b.days));
        b.deposit = item.deposit();
        return b;
    }

    /** One try: the item locked (so that a withdrawal waits), the booking, its days, its process. */
    private Long hold(RentalBookingMapper.NewBooking b) {
        RentalItemMapper.ItemRow item = items.lock(b.itemId);
        if (!"AVAILABLE".equals(item.status())) {
            throw Refusal.conflict(
                    "NOT_AVAILABLE", "itemId", "the item is not available for booking now (" + item.status() + ")");
        }
        Instant now = clock.instant();
        Instant firstDay = b.fromDay.atStartOfDay(zone.zone()).toInstant();
        Instant deadline = now.plus(properties.confirmWindow());
        if (deadline.isAfter(firstDay)) {
            deadline = firstDay.isAfter(now.plus(MIN_CONFIRM)) ? firstDay : now.plus(MIN_CONFIRM);
        }
        b.confirmDeadline = deadline;
        b.now = now;
        bookings.insert(b);
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = b.fromDay; !d.isAfter(b.toDay); d = d.plusDays(1)) {
            days.add(d);
        }
        bookings.hold(b.itemId, days, b.id);
        String id = PublicIds.booking(b.id);
        audit.record(AuditEntry.of("RENTAL_BOOKED")
                .subject(id)
                .detail("item", PublicIds.rentalItem(b.itemId))
                .detail("from", b.fromDay)
                .detail("to", b.toDay)
                .detail("price", b.priceTotal)
                .detail("deposit", b.deposit)
                .detail("installation", b.installation)
                .detail("renter", Pii.maskPhone(b.renterPhone)));
        BookingRow row = bookings.find(b.id);
        access.tellRenter(
                row,
                "RENTAL_BOOKED",
                "rental.booked",
                id,
                item.title(),
                b.fromDay.toString(),
                b.toDay.toString(),
                zone.show(deadline));
        runtime.startProcessInstanceByKey(
                ProcessConstants.RENTAL_BOOKING,
                id,
                Map.of("utilityOwned", item.utilityOwned(), "installationAsked", b.installation));
        return b.id;
    }

    private BookingView view(CustomerSession session, long id) {
        return views.booking(access.booking(Caller.customer(session), PublicIds.booking(id), false));
    }

    /** The booking as its renter or owner sees it. */
    @Transactional(readOnly = true)
    public BookingView view(Caller caller, String publicId) {
        return views.booking(access.booking(caller, publicId, false));
    }

    /** The signed-in customer's bookings as a renter, and of the items they own, newest first. */
    @Transactional(readOnly = true)
    public Map<String, List<BookingView>> mine(CustomerSession session) {
        RentalAccess.signedIn(session);
        Caller caller = Caller.customer(session);
        // the rows are read once here: the renter's own, and those of items the phone owns
        return Map.of(
                "rented",
                bookings.byRenter(session.phone()).stream()
                        .limit(50)
                        .map(r -> views.booking(
                                new RentalAccess.Booking(r, items.find(r.itemId), RentalAccess.Party.RENTER)))
                        .toList(),
                "ofMyItems",
                bookings.byOwner(session.phone()).stream()
                        .limit(50)
                        .map(r -> views.booking(
                                new RentalAccess.Booking(r, items.find(r.itemId), RentalAccess.Party.OWNER)))
                        .toList());
    }
}
