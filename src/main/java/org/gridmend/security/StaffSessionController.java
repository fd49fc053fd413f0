package org.gridmend.security;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.gridmend.core.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * GridMend's staff pages sign in to a session (a cookie the browser keeps, with the CSRF token every change must
 * echo), never with HTTP Basic a browser would cache. The sign-in is throttled like every other password check. It
 * is one sign-in with Camunda's webapps ({@link SharedStaffSession}).
 */
@RestController
@RequestMapping(path = "/api/staff/session", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Staff session", description = "Sign in to GridMend's staff pages")
class StaffSessionController {

    record SignIn(String user, String password) {}

    private final CamundaIdentityAuthenticationProvider provider;
    private final SignInThrottle throttle;
    private final SharedStaffSession sessions;

    StaffSessionController(
            CamundaIdentityAuthenticationProvider provider, SignInThrottle throttle, SharedStaffSession sessions) {
        this.provider = provider;
        this.throttle = throttle;
        this.sessions = sessions;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Sign in with the Camunda user: a session cookie for the staff pages")
    ResponseEntity<Map<String, Object>> signIn(
            @RequestBody SignIn signIn, HttpServletRequest request, HttpServletResponse response) {
        if (signIn.user() == null || signIn.user().isBlank() || signIn.password() == null) {
            throw Refusal.invalid("MISSING_FIELD", "user", "user and password are required");
        }
        String address = request.getRemoteAddr();
        SignInThrottle.Verdict verdict = throttle.check(signIn.user(), address);
        if (verdict.refused()) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header("Retry-After", Long.toString(verdict.retryAfterSeconds()))
                    .body(Map.of(
                            "error",
                            "SIGN_IN_THROTTLED",
                            "message",
                            "too many failed sign-ins from here; " + "try again in " + verdict.retryAfterSeconds()
                                    + " s"));
        }
        Authentication authentication;
        try {
            authentication = provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                    signIn.user().trim(), signIn.password()));
        } catch (AuthenticationException wrong) {
            throttle.failed(signIn.user(), address);
            throw new Refusal(Refusal.Kind.UNAUTHENTICATED, "UNAUTHORIZED", "wrong user or password", null);
        }
        throttle.succeeded(signIn.user(), address);
        HttpSession existing = request.getSession(false);
        if (existing != null) {
            request.changeSessionId(); // no session fixation
        } else {
            request.getSession(true);
        }
        // the same sign-in as Tasklist's: Camunda's webapps open without a second login
        sessions.signIn(request, authentication.getName());
        return ResponseEntity.ok(me(authentication));
    }

    @GetMapping
    @Operation(summary = "Who is signed in (401 when nobody)")
    Map<String, Object> current(Authentication authentication) {
        if (authentication == null) {
            throw new Refusal(Refusal.Kind.UNAUTHENTICATED, "UNAUTHORIZED", "nobody is signed in", null);
        }
        return me(authentication);
    }

    @DeleteMapping
    @Operation(summary = "Sign out")
    ResponseEntity<Void> signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return ResponseEntity.noContent().build();
    }

    private static Map<String, Object> me(Authentication authentication) {
        List<String> groups = authentication.getAuthorities().stream()
                .map(a -> a.getAuthority())
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .sorted()
                .toList();
        return Map.of("user", authentication.getName(), "groups", groups);
    }
}
