package org.gridmend.security;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Staff sign-in")
class PasswordLinkController {

    record NewPassword(String token, String password) {}

    private final StaffAccountService accounts;

    PasswordLinkController(StaffAccountService accounts) {
        this.accounts = accounts;
    }

    @PostMapping(
            path = "/api/staff/password",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Set a password with the one-time link sent by SMS (/password#token=gmp_…); the link works once "
                    + "and for 72 hours",
            description = "400 LINK_EXPIRED naming token; 400 WEAK_PASSWORD naming password (Camunda's policy)")
    @SecurityRequirements
    Map<String, String> set(@RequestBody NewPassword body) {
        return Map.of("userId", accounts.setPassword(body.token(), body.password()));
    }
}
