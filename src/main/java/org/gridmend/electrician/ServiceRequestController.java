package org.gridmend.electrician;

import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.gridmend.core.Refusal;
import org.gridmend.customer.CustomerSession;
import org.gridmend.customer.CustomerSessions;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer's side of a service job: with the job's tracking token ({@code ?token=}) or the signed-in
 * customer's session (Authorization: Bearer gmc_…).
 */
@RestController
@RequestMapping(path = "/api/service-requests", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Service requests", description = "A social electrician behind the meter, followed like a repair")
class ServiceRequestController {

    record QuoteAnswer(Boolean accept) {}

    record MessageRequest(String text) {}

    private final JobRequestService requests;
    private final JobCustomerService customers;
    private final CustomerSessions sessions;

    ServiceRequestController(JobRequestService requests, JobCustomerService customers, CustomerSessions sessions) {
        this.requests = requests;
        this.customers = customers;
        this.sessions = sessions;
    }

    private Optional<CustomerSession> session(HttpServletRequest request) {
        return sessions.current(request);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Ask for a social electrician (kind ELECTRICIAN; signed-in customer): the job is offered to the "
                    + "best electrician near you; the same requestId gives the same job")
    @SecurityRequirements
    ResponseEntity<JobRequestService.Requested> request(@RequestBody ServiceRequest body, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(requests.request(session(request).orElse(null), body));
    }

    @GetMapping
    @Operation(summary = "The signed-in customer's jobs, newest first")
    @SecurityRequirements
    List<JobView> mine(HttpServletRequest request) {
        return customers.mine(session(request)
                .orElseThrow(() -> new Refusal(
                        Refusal.Kind.UNAUTHENTICATED,
                        "UNAUTHORIZED",
                        "sign in with POST /api/customer/session",
                        null)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A job as its customer follows it: stages, electrician, quote, timeline, photos, actions")
    @SecurityRequirements
    JobView view(@PathVariable String id, @RequestParam(required = false) String token, HttpServletRequest request) {
        return customers.view(id, token, session(request));
    }

    @PostMapping(path = "/{id}/quote-answer", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Accept or decline the electrician's quote {accept: true|false}; 409 NOT_NOW without one")
    @SecurityRequirements
    JobView answerQuote(
            @PathVariable String id,
            @RequestParam(required = false) String token,
            @RequestBody QuoteAnswer body,
            HttpServletRequest request) {
        return customers.answerQuote(id, token, session(request), body.accept());
    }

    @PostMapping(path = "/{id}/confirmation", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Confirm the completed job and rate it {rating: 1..5, comment?}")
    @SecurityRequirements
    JobView confirm(
            @PathVariable String id,
            @RequestParam(required = false) String token,
            @RequestBody JobCustomerService.Rating body,
            HttpServletRequest request) {
        return customers.confirm(id, token, session(request), body);
    }

    @PostMapping(path = "/{id}/dispute", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Dispute the completed job {kind: NOT_FIXED|OVERCHARGED, text?}: a dispatcher decides")
    @SecurityRequirements
    JobView dispute(
            @PathVariable String id,
            @RequestParam(required = false) String token,
            @RequestBody JobCustomerService.Dispute body,
            HttpServletRequest request) {
        return customers.dispute(id, token, session(request), body);
    }

    @PostMapping("/{id}/cancellation")
    @Operation(summary = "Cancel the job before an electrician accepted it")
    @SecurityRequirements
    JobView cancel(@PathVariable String id, @RequestParam(required = false) String token, HttpServletRequest request) {
        return customers.cancel(id, token, session(request));
    }

    @GetMapping("/{id}/messages")
    @Operation(summary = "Messages with the electrician, oldest first")
    @SecurityRequirements
    List<JobMessage> messages(
            @PathVariable String id, @RequestParam(required = false) String token, HttpServletRequest request) {
        return customers.messages(id, token, session(request));
    }

    @PostMapping(path = "/{id}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Tell the electrician something (at most 500 characters; they get it by SMS)")
    @SecurityRequirements
    ResponseEntity<JobMessage> send(
            @PathVariable String id,
            @RequestParam(required = false) String token,
            @RequestBody MessageRequest body,
            HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(customers.send(id, token, session(request), body.text()));
    }

    @GetMapping(
            path = "/{id}/photos/{photoId}",
            produces = {MediaType.IMAGE_JPEG_VALUE, MediaType.IMAGE_PNG_VALUE})
    @Operation(summary = "A photo of the finished work")
    @SecurityRequirements
    ResponseEntity<byte[]> photo(
            @PathVariable String id,
            @PathVariable long photoId,
            @RequestParam(required = false) String token,
            HttpServletRequest request) {
        JobPhoto photo = customers.photo(id, token, session(request), photoId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.noStore())
                .body(photo.data());
    }
}
