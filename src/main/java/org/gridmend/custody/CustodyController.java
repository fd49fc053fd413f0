package org.gridmend.custody;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.gridmend.customer.CustomerSessions;
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

/** A business customer's custody of its distribution room, signed in with its phone (Authorization: Bearer gmc_…). */
@RestController
@RequestMapping(path = "/api/custody", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Custody", description = "Distribution rooms and equipment of large customers kept by electricians")
class CustodyController {

    record Answer(Boolean accept) {}

    private final CustodyService custody;
    private final CustodyAssignmentService assignments;
    private final CustomerSessions sessions;

    CustodyController(CustodyService custody, CustodyAssignmentService assignments, CustomerSessions sessions) {
        this.custody = custody;
        this.assignments = assignments;
        this.sessions = sessions;
    }

    @GetMapping("/assignments")
    @Operation(
            summary = "The contracts the signed-in electrician keeps: customer, address, phone, equipment and the "
                    + "inspection waiting in Tasklist")
    List<CustodyAssignmentService.Assignment> assignments() {
        return assignments.mine(org.gridmend.core.StaffUser.current());
    }

    @PostMapping(path = "/applications", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Apply for custody of a business customer number the phone holds: equipment and service level",
            description = "400 NOT_A_BUSINESS for a household, NOT_YOUR_CUSTOMER_NO; 409 CUSTODY_EXISTS")
    @SecurityRequirements
    ResponseEntity<ContractView> apply(@RequestBody CustodyApplication body, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(custody.apply(sessions.current(request).orElse(null), body));
    }

    @GetMapping("/contracts")
    @Operation(summary = "The signed-in customer's custody applications and contracts, newest first")
    @SecurityRequirements
    List<ContractView> mine(HttpServletRequest request) {
        return custody.mine(sessions.current(request).orElse(null));
    }

    @GetMapping("/contracts/{id}")
    @Operation(summary = "One contract: terms, electricians, equipment, inspections and what the customer may do")
    @SecurityRequirements
    ContractView one(@PathVariable String id, HttpServletRequest request) {
        return custody.view(sessions.current(request).orElse(null), id);
    }

    @PostMapping(path = "/contracts/{id}/acceptance", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Accept or decline the offered contract {accept}; 409 NOT_NOW when none waits")
    @SecurityRequirements
    ContractView accept(@PathVariable String id, @RequestBody Answer body, HttpServletRequest request) {
        return custody.answerOffer(sessions.current(request).orElse(null), id, body.accept());
    }

    @PostMapping("/contracts/{id}/renewal")
    @Operation(summary = "Accept the renewal offered 30 days before the end; 409 NOT_NOW when none is offered")
    @SecurityRequirements
    ContractView renew(@PathVariable String id, HttpServletRequest request) {
        return custody.acceptRenewal(sessions.current(request).orElse(null), id);
    }

    @GetMapping("/contracts/{id}/summary")
    @Operation(summary = "The month's inspections and defects (?month=2026-11), for the printable summary")
    @SecurityRequirements
    CustodyService.Summary summary(
            @PathVariable String id, @RequestParam(required = false) String month, HttpServletRequest request) {
        return custody.summary(sessions.current(request).orElse(null), id, month);
    }
}
