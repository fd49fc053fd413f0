package org.gridmend.triage;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.gridmend.report.ReportRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** "我家有电": a customer in an area told of an outage says power is on at home, which can move the outage down. */
@RestController
@Tag(name = "Fault reports")
@SecurityRequirements
class PowerStatusController {

    /** {@code POST /api/power-status}: where (customer number or location) and that power is on. */
    record PowerStatus(String customerNo, @Valid ReportRequest.Location location, Boolean powered) {}

    private final PowerObservationService observations;

    PowerStatusController(PowerObservationService observations) {
        this.observations = observations;
    }

    @PostMapping(
            path = "/api/power-status",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Say that power is on at home (我家有电)",
            description = "202 with a thank-you. Needs customerNo or location, and powered: true (a power cut is "
                    + "reported with POST /api/reports). Power on below a predicted device moves the prediction down.")
    ResponseEntity<Map<String, Object>> powerOn(@Valid @RequestBody PowerStatus status, HttpServletRequest http) {
        String message = observations.customerSaysPowerOn(
                status.customerNo(), status.location(), status.powered(), http.getRemoteAddr());
        return ResponseEntity.accepted().body(Map.of("message", message));
    }
}
