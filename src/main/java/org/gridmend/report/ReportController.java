package org.gridmend.report;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.gridmend.core.Refusal;
import org.gridmend.core.StaffGroups;
import org.gridmend.customer.CustomerSessions;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The customer side: no login; a report's tracking token is its key. */
@RestController
@RequestMapping(path = "/api/reports", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Fault reports", description = "Report a fault, follow it, confirm restoration, rate the repair")
@SecurityRequirements
class ReportController {

    private final ReportIntakeService intake;
    private final ReportService reports;
    private final CustomerSessions customers;

    ReportController(ReportIntakeService intake, ReportService reports, CustomerSessions customers) {
        this.customers = customers;
        this.intake = intake;
        this.reports = reports;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Report a fault",
            description = "201 with the new report; the same requestId and body again gives the same answer with 200, "
                    + "a different body 409. Needs customerNo or location.")
    ResponseEntity<ReportAnswer> submit(
            @Valid @RequestBody ReportRequest request, HttpServletRequest http, Authentication caller) {
        if (request.channel() == Channel.AMI && !StaffGroups.isMember(caller, StaffGroups.INTEGRATIONS)) {
            // a meter's report: only the AMI head-end, with its API key; it skips the customers' rate limits
            throw new Refusal(
                    Refusal.Kind.FORBIDDEN,
                    "FORBIDDEN",
                    "channel AMI is the AMI head-end's, with its " + "API key (POST /api/meter-events)",
                    "channel");
        }
        ReportIntakeService.Submitted submitted = intake.submit(
                request, http.getRemoteAddr(), customers.current(http).orElse(null));
        ReportAnswer answer = submitted.answer();
        URI location = URI.create("/api/reports/" + answer.reportId());
        return submitted.created()
                ? ResponseEntity.created(location).body(answer)
                : ResponseEntity.ok().location(location).body(answer);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Follow a report: status, repair order and timeline (404 for a wrong token)")
    TrackingView track(@PathVariable String id, @RequestParam(required = false) String token) {
        return reports.track(id, token);
    }

    @GetMapping(
            path = "/{id}/photos/{photoId}",
            produces = {MediaType.IMAGE_JPEG_VALUE, MediaType.IMAGE_PNG_VALUE})
    @Operation(summary = "An on-site photo of the report's repair order (the links come with the tracking view)")
    ResponseEntity<byte[]> photo(
            @PathVariable String id, @PathVariable long photoId, @RequestParam(required = false) String token) {
        RepairProgress.Photo photo = reports.photo(id, token, photoId);
        if (photo == null) {
            throw Refusal.notFound("photo", id + "/" + photoId);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.noStore())
                .body(photo.data());
    }

    record Confirmation(Boolean powerRestored) {}

    @PostMapping(path = "/{id}/confirmation", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Answer \"is your power back?\"")
    ResponseEntity<Void> confirm(
            @PathVariable String id, @RequestParam(required = false) String token, @RequestBody Confirmation body) {
        if (body.powerRestored() == null) {
            throw Refusal.invalid("MISSING_FIELD", "powerRestored", "powerRestored is required (true or false)");
        }
        reports.confirm(id, token, body.powerRestored());
        return ResponseEntity.accepted().build();
    }

    record Rating(Integer stars, String comment) {}

    @PostMapping(path = "/{id}/rating", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Rate the repair (1 to 5 stars) when the process asks for it")
    ResponseEntity<Void> rate(
            @PathVariable String id, @RequestParam(required = false) String token, @RequestBody Rating body) {
        reports.rate(id, token, body.stars(), body.comment());
        return ResponseEntity.accepted().build();
    }

    record BehindMeterAnswer(ReportService.BehindMeterChoice choice) {}

    @PostMapping(path = "/{id}/behind-meter-choice", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Answer the behind-the-meter offer: a social electrician, or insist on a utility crew")
    ResponseEntity<Void> chooseBehindMeter(
            @PathVariable String id,
            @RequestParam(required = false) String token,
            @RequestBody BehindMeterAnswer body) {
        reports.chooseBehindMeter(id, token, body.choice());
        return ResponseEntity.accepted().build();
    }
}
