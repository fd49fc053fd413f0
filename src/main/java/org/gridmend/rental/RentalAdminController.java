package org.gridmend.rental;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridmend.core.StaffUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Rental staff's overview (group rental): items, bookings, each item's month and overdue returns. */
@RestController
@RequestMapping(path = "/api/rental/admin", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Rental", description = "Rent the utility's and other customers' idle equipment")
class RentalAdminController {

    private final RentalAdminService admin;
    private final RentalListingService listings;

    RentalAdminController(RentalAdminService admin, RentalListingService listings) {
        this.admin = admin;
        this.listings = listings;
    }

    @GetMapping("/items")
    @Operation(summary = "Every item, the utility's and customers', with its status (PENDING_REVIEW, AVAILABLE, …)")
    List<ItemView> items() {
        return admin.items();
    }

    @PostMapping(path = "/items", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add one of the utility's items: available at once")
    ResponseEntity<ItemView> add(@RequestBody ItemListing body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(listings.addUtilityItem(StaffUser.current(), body));
    }

    @GetMapping("/bookings")
    @Operation(summary = "Bookings, newest first, of one status or all (200 at most)")
    List<RentalAdminService.BookingLine> bookings(@RequestParam(required = false) String status) {
        return admin.bookings(status);
    }

    @GetMapping("/months")
    @Operation(summary = "Each item's booked days, utilisation and the money recorded in a month (?month=2026-12)")
    RentalAdminService.Month month(@RequestParam(required = false) String month) {
        return admin.month(month);
    }

    @GetMapping("/overdue")
    @Operation(summary = "Items out past their return time")
    List<RentalAdminService.BookingLine> overdue() {
        return admin.overdue();
    }
}
