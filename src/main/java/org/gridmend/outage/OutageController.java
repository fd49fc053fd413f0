package org.gridmend.outage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridmend.core.Refusal;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Customers look up outages at their place before calling; no login. */
@RestController
@Tag(name = "Outage notices")
class OutageController {

    private final OutageLookupService lookup;

    OutageController(OutageLookupService lookup) {
        this.lookup = lookup;
    }

    @GetMapping(path = "/api/outages", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Outages at a customer's place (?customerNo=) or a location (?lat=&lng=[&coordSys=GCJ02]): "
                    + "notices in effect or planned, and the repair order of a fault already known there")
    OutageLookupService.Outages outages(
            @RequestParam(required = false) String customerNo,
            @RequestParam(required = false) Double lat,
            @RequestParam(required = false) Double lng,
            @RequestParam(required = false) String coordSys) {
        if (customerNo != null && !customerNo.isBlank()) {
            return lookup.forCustomer(customerNo);
        }
        if (lat == null && lng == null) {
            throw Refusal.invalid("MISSING_FIELD", "customerNo", "give customerNo, or lat and lng");
        }
        return lookup.forLocation(lat, lng, coordSys);
    }
}
