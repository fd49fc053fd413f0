package org.gridmend.rental;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.gridmend.core.Refusal;
import org.gridmend.core.StaffGroups;
import org.gridmend.core.StaffUser;
import org.gridmend.customer.CustomerSessions;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Equipment rental for customers (Authorization: Bearer gmc_…): the public catalogue, listing one's idle equipment,
 * booking, and each side's steps of a booking. Rental staff (staff session or HTTP Basic, group rental) act here as
 * the owner of the utility's items.
 */
@RestController
@RequestMapping(path = "/api/rental", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Rental", description = "Rent the utility's and other customers' idle equipment")
@SecurityRequirements
class RentalController {

    record Availability(String action) {}

    record Answer(Boolean confirm, String reason) {}

    record Payment(String method) {}

    record SettlementAnswer(Boolean accept, String reason) {}

    record Rating(Integer stars, String comment) {}

    private final RentalCatalogueService catalogue;
    private final RentalListingService listings;
    private final RentalBookingService bookings;
    private final RentalPartyService parties;
    private final CustomerSessions sessions;

    RentalController(
            RentalCatalogueService catalogue,
            RentalListingService listings,
            RentalBookingService bookings,
            RentalPartyService parties,
            CustomerSessions sessions) {
        this.catalogue = catalogue;
        this.listings = listings;
        this.bookings = bookings;
        this.parties = parties;
        this.sessions = sessions;
    }

    private Caller caller(HttpServletRequest request) {
        String staff = StaffUser.current();
        return new Caller(
                sessions.current(request).orElse(null),
                staff,
                staff != null
                        && StaffGroups.isMember(
                                SecurityContextHolder.getContext().getAuthentication(), StaffGroups.RENTAL));
    }

    private static byte[] bytes(MultipartFile file) throws IOException {
        if (file == null) {
            throw Refusal.invalid("MISSING_FIELD", "file", "file is required: a JPEG or PNG photo");
        }
        return file.getBytes();
    }

    private static ResponseEntity<byte[]> image(RentalPhoto photo) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.noStore())
                .body(photo.data());
    }

    @GetMapping("/items")
    @Operation(
            summary = "Available items near a place for the days from–to (in the utility's zone), nearest first, with "
                    + "the price for the period",
            description = "type: EV, EV_CHARGER, GENERATOR, TRANSFORMER, SWITCHGEAR, CABLE_REEL, MEASURING_INSTRUMENT")
    List<ItemView> search(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) Double lat,
            @RequestParam(required = false) Double lng,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) Double radiusKm) {
        return catalogue.search(type, lat, lng, from, to, radiusKm);
    }

    @GetMapping("/items/{id}")
    @Operation(summary = "One item with the days booked in the next 120 days")
    ItemView item(@PathVariable String id) {
        return catalogue.item(id);
    }

    @GetMapping(
            path = "/items/{id}/photos/{photoId}",
            produces = {MediaType.IMAGE_JPEG_VALUE, MediaType.IMAGE_PNG_VALUE})
    @Operation(summary = "A photo of an item in the catalogue (its owner and rental staff also see one under review)")
    ResponseEntity<byte[]> itemPhoto(@PathVariable String id, @PathVariable long photoId, HttpServletRequest request) {
        return image(catalogue.photo(id, photoId, caller(request)));
    }

    @PostMapping(path = "/items", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "List the signed-in customer's idle equipment; rental staff review it before it appears",
            description = "400 names the field; OWNERSHIP_NOT_DECLARED unless ownershipDeclared is true")
    ResponseEntity<ItemView> list(@RequestBody ItemListing body, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(listings.list(sessions.current(request).orElse(null), body));
    }

    @GetMapping("/my-items")
    @Operation(summary = "The signed-in customer's listed items and their review")
    List<ItemView> myItems(HttpServletRequest request) {
        return listings.mine(sessions.current(request).orElse(null));
    }

    @PostMapping(path = "/items/{id}/availability", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "The owner pauses, resumes or withdraws an item {action: PAUSE|RESUME|WITHDRAW}",
            description = "409 BOOKING_RUNNING while a booking is handed over, BOOKINGS_OPEN for a withdrawal")
    ItemView availability(@PathVariable String id, @RequestBody Availability body, HttpServletRequest request) {
        return listings.availability(caller(request), id, body.action());
    }

    @PostMapping(path = "/items/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "A photo of the owner's item (part file: JPEG or PNG); 6 at most")
    ResponseEntity<Map<String, Long>> itemPhoto(
            @PathVariable String id,
            @RequestPart(name = "file", required = false) MultipartFile file,
            HttpServletRequest request)
            throws IOException {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Map.of("id", listings.addPhoto(caller(request), id, bytes(file))));
    }

    @PostMapping(path = "/bookings", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Book an item for days from–to: the days are held at once, the owner confirms within a window",
            description = "409 DAYS_TAKEN with conflictingDays; idempotent by requestId")
    ResponseEntity<BookingView> book(@RequestBody BookingRequest body, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(bookings.book(sessions.current(request).orElse(null), body));
    }

    @GetMapping("/bookings")
    @Operation(summary = "The signed-in customer's bookings (rented) and the bookings of their items (ofMyItems)")
    Map<String, List<BookingView>> mine(HttpServletRequest request) {
        return bookings.mine(sessions.current(request).orElse(null));
    }

    @GetMapping("/bookings/{id}")
    @Operation(summary = "One booking with its stages and timeline, for its renter or the item's owner")
    BookingView booking(@PathVariable String id, HttpServletRequest request) {
        return bookings.view(caller(request), id);
    }

    @PostMapping(path = "/bookings/{id}/answer", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A customer owner confirms or declines {confirm, reason: NOT_AVAILABLE|MAINTENANCE|…}")
    BookingView answer(@PathVariable String id, @RequestBody Answer body, HttpServletRequest request) {
        return parties.answer(caller(request), id, body.confirm(), body.reason());
    }

    @PostMapping(path = "/bookings/{id}/payment", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The owner records price and deposit as paid {method: CASH|BANK_TRANSFER|WECHAT|ALIPAY|OTHER}")
    BookingView payment(@PathVariable String id, @RequestBody Payment body, HttpServletRequest request) {
        return parties.payment(caller(request), id, body.method());
    }

    @PostMapping(path = "/bookings/{id}/handover", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The owner's handover checklist {condition: GOOD|WORN|DAMAGED, reading, notes}")
    BookingView handover(@PathVariable String id, @RequestBody Checklist body, HttpServletRequest request) {
        return parties.handover(caller(request), id, body);
    }

    @PostMapping("/bookings/{id}/handover/signature")
    @Operation(summary = "The renter signs the handover checklist: the item is handed over")
    BookingView sign(@PathVariable String id, HttpServletRequest request) {
        return parties.signHandover(caller(request), id);
    }

    @PostMapping(path = "/bookings/{id}/return", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The owner's return check {condition, reading, notes, damageAmount}")
    BookingView returned(@PathVariable String id, @RequestBody Checklist body, HttpServletRequest request) {
        return parties.returned(caller(request), id, body);
    }

    @PostMapping("/bookings/{id}/cancel")
    @Operation(summary = "The renter cancels, until the handover")
    BookingView cancel(@PathVariable String id, HttpServletRequest request) {
        return parties.cancel(caller(request), id);
    }

    @PostMapping(path = "/bookings/{id}/settlement", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The renter accepts the deduction, or disputes it {accept: false, reason}")
    BookingView settlement(@PathVariable String id, @RequestBody SettlementAnswer body, HttpServletRequest request) {
        return parties.settlement(caller(request), id, body.accept(), body.reason());
    }

    @PostMapping(path = "/bookings/{id}/rating", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Rate the other side once the booking is closed {stars: 1–5, comment}")
    BookingView rate(@PathVariable String id, @RequestBody Rating body, HttpServletRequest request) {
        return parties.rate(caller(request), id, body.stars(), body.comment());
    }

    @PostMapping(path = "/bookings/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "A photo for the handover or return checklist (part file: JPEG or PNG)")
    ResponseEntity<Map<String, Long>> bookingPhoto(
            @PathVariable String id,
            @RequestPart(name = "file", required = false) MultipartFile file,
            HttpServletRequest request)
            throws IOException {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Map.of("id", parties.addPhoto(caller(request), id, bytes(file))));
    }

    @GetMapping(
            path = "/bookings/{id}/photos/{photoId}",
            produces = {MediaType.IMAGE_JPEG_VALUE, MediaType.IMAGE_PNG_VALUE})
    @Operation(summary = "A photo of the booking's handover or return")
    ResponseEntity<byte[]> bookingPhoto(
            @PathVariable String id, @PathVariable long photoId, HttpServletRequest request) {
        return image(parties.photo(caller(request), id, photoId));
    }
}
