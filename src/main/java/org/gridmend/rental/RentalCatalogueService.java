package org.gridmend.rental;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.gridmend.core.PublicIds;
import org.gridmend.core.Refusal;
import org.gridmend.core.UtilityZone;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The public catalogue: available items near a place for some days, one item with its booked days, photos. */
@Service
public class RentalCatalogueService {

    static final int CALENDAR_DAYS = 120;
    static final int MAX_RESULTS = 50;
    private static final Set<String> SHOWN = Set.of("AVAILABLE", "PAUSED");

    private final RentalItemMapper items;
    private final RentalBookingMapper bookings;
    private final RentalPhotoMapper photos;
    private final RentalViews views;
    private final RentalProperties properties;
    private final UtilityZone zone;
    private final Clock clock;

    RentalCatalogueService(
            RentalItemMapper items,
            RentalBookingMapper bookings,
            RentalPhotoMapper photos,
            RentalViews views,
            RentalProperties properties,
            UtilityZone zone,
            Clock clock) {
        this.items = items;
        this.bookings = bookings;
        this.photos = photos;
        this.views = views;
        this.properties = properties;
        this.zone = zone;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone.zone()));
    }

    /** The days asked for: from today on, not too far ahead, at most the longest rental. */
    LocalDate[] period(String from, String to) {
        LocalDate first = RentalChecks.day(from, "from");
        LocalDate last = RentalChecks.day(to, "to");
        LocalDate today = today();
        if (first.isBefore(today)) {
            throw Refusal.invalid("INVALID_FIELD", "from", "from must be today (" + today + ") or later");
        }
        if (first.isAfter(today.plusDays(properties.bookAheadDays()))) {
            throw Refusal.invalid(
                    "INVALID_FIELD", "from", "from must be within " + properties.bookAheadDays() + " days from today");
        }
        if (last.isBefore(first)) {
            throw Refusal.invalid("INVALID_FIELD", "to", "to must be on or after from");
        }
        if (ChronoUnit.DAYS.between(first, last) + 1 > properties.maxDays()) {
            throw Refusal.invalid("INVALID_FIELD", "to", "a rental lasts at most " + properties.maxDays() + " days");
        }
        return new LocalDate[] {first, last};
    }

    /**
     * Available items of the type near the place that hold none of the days, nearest first, with the period's price;
     * without days (neither from nor to), every available item near the place.
     */
    @Transactional(readOnly = true)
    public List<ItemView> search(String type, Double lat, Double lng, String from, String to, Double radiusKm) {
        String kind = type == null || type.isBlank()
                ? null
                : RentalItemType.parse(type, "type").name();
        double la = RentalChecks.latitude(lat, "lat");
        double ln = RentalChecks.longitude(lng, "lng");
        double radius = radiusKm == null ? properties.radiusKm() : radiusKm;
        if (!Double.isFinite(radius) || radius <= 0 || radius > properties.maxRadiusKm()) {
            throw Refusal.invalid(
                    "INVALID_FIELD", "radiusKm", "radiusKm must be above 0 and at most " + properties.maxRadiusKm());
        }
        boolean anyDays = (from == null || from.isBlank()) && (to == null || to.isBlank());
        LocalDate[] days = anyDays ? new LocalDate[] {null, null} : period(from, to);
        Integer count = anyDays ? null : (int) ChronoUnit.DAYS.between(days[0], days[1]) + 1;
        double dLat = radius / 111.0;
        double dLng = radius / (111.0 * Math.max(0.01, Math.cos(Math.toRadians(la))));
        return items.available(kind, la - dLat, la + dLat, ln - dLng, ln + dLng, count, days[0], days[1]).stream()
                .map(row -> new Object[] {row, RentalChecks.km(la, ln, row.lat(), row.lng())})
                .filter(pair -> (double) pair[1] <= radius)
                .sorted(Comparator.comparingDouble(pair -> (double) pair[1]))
                .limit(MAX_RESULTS)
                .map(pair -> views.item((RentalItemMapper.ItemRow) pair[0], (Double) pair[1], count, null, false))
                .toList();
    }

    /** One item with the days booked in the next months; 404 for one not in the catalogue. */
    @Transactional(readOnly = true)
    public ItemView item(String publicId) {
        RentalItemMapper.ItemRow row = shown(publicId);
        LocalDate today = today();
        List<LocalDate> booked = bookings.held(row.id(), today, today.plusDays(CALENDAR_DAYS)).stream()
                .map(RentalBookingMapper.DayRow::day)
                .toList();
        return views.item(row, null, null, booked, false);
    }

    private RentalItemMapper.ItemRow shown(String publicId) {
        long id = PublicIds.parseRentalItem(publicId);
        RentalItemMapper.ItemRow row = id < 0 ? null : items.find(id);
        if (row == null || !SHOWN.contains(row.status())) {
            throw Refusal.notFound("rental item", PublicIds.shorten(publicId));
        }
        return row;
    }

    /**
     * An item's photo: anyone's for an item in the catalogue; the owner's and rental staff's (who review it) for
     * any item; a checklist's photos only through the booking.
     */
    @Transactional(readOnly = true)
    public RentalPhoto photo(String publicId, long photoId, Caller caller) {
        long id = PublicIds.parseRentalItem(publicId);
        RentalItemMapper.ItemRow row = id < 0 ? null : items.find(id);
        boolean mayLook = row != null
                && (SHOWN.contains(row.status())
                        || caller.rentalStaff()
                        || (caller.phone() != null && caller.phone().equals(row.ownerPhone())));
        RentalPhotoMapper.PhotoData data = mayLook ? photos.listing(row.id(), photoId) : null;
        if (data == null) {
            throw Refusal.notFound("photo", String.valueOf(photoId));
        }
        return new RentalPhoto(data.contentType(), data.data());
    }
}
