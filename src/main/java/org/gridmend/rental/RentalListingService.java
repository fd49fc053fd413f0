package org.gridmend.rental;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.gridmend.core.PhotoCleaner;
import org.gridmend.core.Pii;
import org.gridmend.core.ProcessConstants;
import org.gridmend.core.PublicIds;
import org.gridmend.core.Refusal;
import org.gridmend.customer.CustomerSession;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Listing equipment: a customer's idle equipment (reviewed by rental staff in the RentalListing process before it
 * appears), the utility's items added by rental staff, their photos, and pausing, resuming or withdrawing an item.
 */
@Service
public class RentalListingService {

    static final String UTILITY = "utility";

    /** What an owner does with an item's availability. */
    public enum Availability {
        PAUSE,
        RESUME,
        WITHDRAW
    }

    private final RentalItemMapper items;
    private final RentalBookingMapper bookings;
    private final RentalPhotoMapper photos;
    private final RentalViews views;
    private final RentalAccess access;
    private final RentalProperties properties;
    private final RuntimeService runtime;
    private final AuditTrail audit;
    private final Clock clock;

    RentalListingService(
            RentalItemMapper items,
            RentalBookingMapper bookings,
            RentalPhotoMapper photos,
            RentalViews views,
            RentalAccess access,
            RentalProperties properties,
            RuntimeService runtime,
            AuditTrail audit,
            Clock clock) {
        this.items = items;
        this.bookings = bookings;
        this.photos = photos;
        this.views = views;
        this.access = access;
        this.properties = properties;
        this.runtime = runtime;
        this.audit = audit;
        this.clock = clock;
    }

    /** A customer's listing: held for review by rental staff; once per {@code requestId}. */
    @Transactional
    public ItemView list(CustomerSession session, ItemListing listing) {
        RentalAccess.signedIn(session);
        RentalItemMapper.NewItem item = checked(listing);
        if (!Boolean.TRUE.equals(listing.ownershipDeclared())) {
            throw Refusal.invalid(
                    "OWNERSHIP_NOT_DECLARED",
                    "ownershipDeclared",
                    "ownershipDeclared must be true: you declare that the equipment is yours to rent out");
        }
        item.ownerKey = session.phone();
        item.ownerPhone = session.phone();
        item.status = "PENDING_REVIEW";
        return insert(item, "RENTAL_ITEM_LISTED", "customer", Pii.maskPhone(session.phone()), true);
    }

    /** One of the utility's own items, available at once. */
    @Transactional
    public ItemView addUtilityItem(String staffUser, ItemListing listing) {
        RentalItemMapper.NewItem item = checked(listing);
        item.ownerKey = UTILITY;
        item.status = "AVAILABLE";
        return insert(item, "RENTAL_ITEM_ADDED", staffUser, null, false);
    }

    private ItemView insert(RentalItemMapper.NewItem item, String event, String user, String owner, boolean review) {
        RentalItemMapper.ItemRow earlier = items.byRequest(item.ownerKey, item.requestId);
        if (earlier != null) {
            return views.item(earlier, null, null, null, true);
        }
        item.now = clock.instant();
        try {
            items.insert(item);
        } catch (DuplicateKeyException again) {
            return views.item(items.byRequest(item.ownerKey, item.requestId), null, null, null, true);
        }
        String id = PublicIds.rentalItem(item.id);
        audit.record(AuditEntry.of(event)
                .user(review ? null : user)
                .subject(id)
                .detail("type", item.type)
                .detail("dailyPrice", item.dailyPrice)
                .detail("deposit", item.deposit)
                .detail("owner", owner));
        if (review) {
            runtime.startProcessInstanceByKey(ProcessConstants.RENTAL_LISTING, id);
        }
        return views.item(items.find(item.id), null, null, null, true);
    }

    private RentalItemMapper.NewItem checked(ItemListing listing) {
        if (listing == null) {
            throw Refusal.invalid("MISSING_FIELD", "body", "the listing is required");
        }
        RentalItemMapper.NewItem item = new RentalItemMapper.NewItem();
        item.requestId = RentalChecks.requestId(listing.requestId());
        RentalItemType type = RentalItemType.parse(listing.type(), "type");
        item.type = type.name();
        item.title = RentalChecks.text(listing.title(), "title", 60);
        item.rating = RentalChecks.text(listing.rating(), "rating", 40);
        Map<String, Object> spec = type.check(listing.spec(), "spec");
        item.spec = RentalViews.json(spec);
        item.lat = RentalChecks.latitude(listing.lat(), "lat");
        item.lng = RentalChecks.longitude(listing.lng(), "lng");
        item.place = RentalChecks.text(listing.place(), "place", 100);
        item.dailyPrice = RentalChecks.money(listing.dailyPrice(), "dailyPrice", 1, 100_000);
        item.deposit = RentalChecks.money(listing.deposit(), "deposit", 0, 1_000_000);
        item.minDays = RentalChecks.count(listing.minDays(), "minDays", 1, properties.maxDays());
        item.maxDays = RentalChecks.count(listing.maxDays(), "maxDays", 1, properties.maxDays());
        if (item.maxDays < item.minDays) {
            throw Refusal.invalid("INVALID_FIELD", "maxDays", "maxDays must not be below minDays");
        }
        item.needsInstallation = RentalChecks.flag(listing.needsInstallation(), "needsInstallation");
        return item;
    }

    /** The signed-in customer's listed items, newest first, with why a refused one was refused. */
    @Transactional(readOnly = true)
    public List<ItemView> mine(CustomerSession session) {
        return items.byOwner(RentalAccess.signedIn(session).phone()).stream()
                .map(row -> views.item(row, null, null, null, true))
                .toList();
    }

    /**
     * Pause (no new bookings), resume, or withdraw an item. Never while a booking is running (handed over); a
     * withdrawal also waits until no booking is held, confirmed or paid. A listing withdrawn during review ends it.
     */
    @Transactional
    public ItemView availability(Caller caller, String publicId, String action) {
        Availability what = RentalChecks.choice(Availability.class, action, "action");
        RentalItemMapper.ItemRow item = access.ownedItem(caller, publicId);
        String status = item.status();
        if (bookings.running(item.id()) > 0 && what != Availability.RESUME) {
            throw Refusal.conflict(
                    "BOOKING_RUNNING", "action", "a booking of this item is running; wait for the return");
        }
        String next;
        switch (what) {
            case PAUSE -> {
                require(status, "AVAILABLE", "only an available item can be paused");
                next = "PAUSED";
            }
            case RESUME -> {
                require(status, "PAUSED", "only a paused item can be resumed");
                next = "AVAILABLE";
            }
            default -> {
                if (bookings.open(item.id()) > 0) {
                    throw Refusal.conflict(
                            "BOOKINGS_OPEN", "action", "the item has bookings to honour; they must end first");
                }
                if ("WITHDRAWN".equals(status) || "REFUSED".equals(status)) {
                    throw Refusal.conflict("NOT_NOW", "action", "the item is " + status.toLowerCase());
                }
                next = "WITHDRAWN";
            }
        }
        items.setStatus(item.id(), next, null, clock.instant());
        String id = PublicIds.rentalItem(item.id());
        if ("PENDING_REVIEW".equals(status)) {
            runtime.createMessageCorrelation(ProcessConstants.MESSAGE_LISTING_WITHDRAWN)
                    .processInstanceBusinessKey(id)
                    .correlate();
        }
        audit.record(AuditEntry.of("RENTAL_ITEM_" + next)
                .user(caller.staffUser())
                .subject(id)
                .detail("was", status));
        return views.item(items.find(item.id()), null, null, null, true);
    }

    private static void require(String status, String needed, String message) {
        if (!needed.equals(status)) {
            throw Refusal.conflict("NOT_NOW", "action", message + "; it is " + status);
        }
    }

    /** A photo of the item for its listing (JPEG or PNG, cleaned of metadata), by its owner. */
    @Transactional
    public long addPhoto(Caller caller, String publicId, byte[] data) {
        RentalItemMapper.ItemRow item = access.ownedItem(caller, publicId);
        if (photos.ofItem(item.id()).size() >= properties.maxPhotos()) {
            throw Refusal.conflict("TOO_MANY_PHOTOS", "file", "at most " + properties.maxPhotos() + " photos per item");
        }
        PhotoCleaner.Photo photo = PhotoCleaner.accept(data, properties.photoMaxBytes());
        photos.insert(item.id(), null, "ITEM", photo.type(), photo.data().length, photo.data(), clock.instant());
        List<RentalPhotoMapper.Photo> all = photos.ofItem(item.id());
        audit.record(AuditEntry.of("RENTAL_ITEM_PHOTO")
                .user(caller.staffUser())
                .subject(PublicIds.rentalItem(item.id()))
                .detail("bytes", photo.data().length));
        return all.get(all.size() - 1).id();
    }
}
