package org.gridmend.electrician;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.gridmend.core.StaffUser;
import org.gridmend.customer.CustomerSessions;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/electricians", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Social electricians", description = "The registry of social electricians (社会电工) behind the meter")
class ElectricianController {

    record Renewal(String certificateNo, String certificateExpires) {}

    private final ElectricianRegistryService registry;
    private final CustomerSessions sessions;

    ElectricianController(ElectricianRegistryService registry, CustomerSessions sessions) {
        this.registry = registry;
        this.sessions = sessions;
    }

    @PostMapping(path = "/applications", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Apply as a social electrician, with the phone verified by a customer sign-in "
                    + "(Authorization: Bearer gmc_…): a dispatcher reviews it in Tasklist",
            description = "401 without a customer session; 409 ALREADY_REGISTERED for a phone with an application")
    @SecurityRequirements
    ResponseEntity<ElectricianRegistryService.Applied> apply(
            @RequestBody ElectricianApplication application, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(registry.apply(sessions.current(request).orElse(null), application));
    }

    @GetMapping("/nearby")
    @Operation(
            summary = "Approved electricians whose service area holds the place, nearest first: masked name, skills, "
                    + "rating, jobs done and distance; never a phone number")
    @SecurityRequirements
    List<ElectricianRegistryService.Nearby> nearby(
            @RequestParam(required = false) Double lat,
            @RequestParam(required = false) Double lng,
            @RequestParam(required = false) String skill) {
        return registry.nearby(lat, lng, skill);
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in electrician's registration: status, certificate, area, rating")
    ElectricianRegistryService.Mine me() {
        return registry.mine(StaffUser.current());
    }

    @PutMapping(path = "/me/certificate", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "A renewed certificate: a dispatcher reviews it; a suspended electrician works again once "
                    + "approved")
    ElectricianRegistryService.Mine renew(@RequestBody Renewal renewal) {
        return registry.renew(StaffUser.current(), renewal.certificateNo(), renewal.certificateExpires());
    }
}
