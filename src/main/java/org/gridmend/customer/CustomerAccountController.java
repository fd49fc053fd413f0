package org.gridmend.customer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.gridmend.core.Refusal;
import org.gridmend.core.StaffUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Customer accounts", description = "Sign in with an SMS code; a signed-in customer's reports are verified")
class CustomerAccountController {

    record Phone(String phone) {}

    record SignIn(String phone, String code) {}

    record Me(String phone, List<String> customerNos, Instant expiresAt) {}

    private final CustomerAccountService accounts;
    private final CustomerSessions sessions;

    CustomerAccountController(CustomerAccountService accounts, CustomerSessions sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @PostMapping(
            path = "/api/customer/otp",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Send a sign-in code by SMS to a mainland mobile (the same answer for any valid number)")
    @SecurityRequirements
    ResponseEntity<CustomerAccountService.CodeSent> sendCode(@RequestBody Phone phone, HttpServletRequest request) {
        return ResponseEntity.accepted().body(accounts.sendCode(phone.phone(), request.getRemoteAddr()));
    }

    @PostMapping(
            path = "/api/customer/session",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Sign in with the code: a bearer token (Authorization: Bearer gmc_…) with its expiry and "
                    + "the customer numbers of the phone")
    @SecurityRequirements
    CustomerAccountService.SignedIn signIn(@RequestBody SignIn signIn) {
        return accounts.signIn(signIn.phone(), signIn.code());
    }

    @GetMapping(path = "/api/customer/me", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The signed-in customer: masked phone and customer numbers")
    @SecurityRequirements
    Me me(HttpServletRequest request) {
        CustomerSession session = sessions.current(request)
                .orElseThrow(() -> new Refusal(
                        Refusal.Kind.UNAUTHENTICATED, "UNAUTHORIZED", "sign in with POST /api/customer/session", null));
        return new Me(CustomerAccountService.mask(session.phone()), session.customerNos(), session.expiresAt());
    }

    @DeleteMapping("/api/customer/session")
    @Operation(summary = "Sign out")
    @SecurityRequirements
    ResponseEntity<Void> signOut(HttpServletRequest request) {
        accounts.signOut(CustomerSessions.token(request));
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/api/customers/{customerNo}/phones", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A dispatcher adds a phone for a customer number after checking (a tenant, a relative)")
    ResponseEntity<Map<String, String>> addPhone(@PathVariable String customerNo, @RequestBody Phone phone) {
        accounts.addPhone(customerNo, phone.phone(), StaffUser.current());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("customerNo", customerNo));
    }
}
