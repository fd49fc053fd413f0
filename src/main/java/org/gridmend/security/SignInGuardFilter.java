package org.gridmend.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gridmend.core.Refusal;
import org.gridmend.web.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of every password check (HTTP Basic on GridMend's API and on {@code /engine-rest}, and the login of
 * Camunda's webapps): a sign-in the {@link SignInThrottle} refuses is answered 429 with {@code Retry-After} before
 * any password is looked at; afterwards a 401 counts as a failure. And HTTP Basic is for API clients, never a
 * browser's cached credentials: a Basic request that carries cookies, or a body a cross-site HTML form could send
 * (form, multipart or plain text, without the {@code X-Requested-With} header no form can set), is refused.
 */
class SignInGuardFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SignInGuardFilter.class);

    private static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+");

    private final SignInThrottle throttle;
    private final ObjectMapper json;

    SignInGuardFilter(SignInThrottle throttle, ObjectMapper json) {
        this.throttle = throttle;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        boolean basic = header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
        if (basic && fromBrowser(request)) {
            write(
                    response,
                    HttpServletResponse.SC_FORBIDDEN,
                    new ApiError(
                            "BASIC_FROM_BROWSER",
                            "HTTP Basic is for "
                                    + "API clients: a request with cookies or a form body must use the staff session "
                                    + "(POST /api/staff/session) and its CSRF token",
                            null));
            return;
        }
        String user = basic
                ? basicUser(header)
                : "POST".equals(request.getMethod())
                                && WEBAPP_LOGIN.matcher(request.getRequestURI()).matches()
                        ? request.getParameter("username")
                        : null;
        if (user == null || user.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        SignInThrottle.Verdict verdict = throttle.check(user, address);
        if (verdict.refused()) {
            response.setHeader("Retry-After", Long.toString(verdict.retryAfterSeconds()));
            write(
                    response,
                    429,
                    new ApiError(
                            "SIGN_IN_THROTTLED",
                            "too many failed sign-ins from here; try again in " + verdict.retryAfterSeconds() + " s",
                            null));
            return;
        }
        chain.doFilter(request, response);
        try {
            if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED
                    && request.getAttribute(Refusal.ANSWERED) == null) {
                throttle.failed(user, address);
            } else if (response.getStatus() < 500) {
                throttle.succeeded(user, address);
            }
        } catch (RuntimeException e) {
            // the answer is given already; a count that could not be written must not turn it into a 500
            log.warn("sign-in outcome not counted address={}: {}", address, e.toString());
        }
    }

    /** What a browser sends by itself, or a cross-site form can: cookies, or a "simple" body without a custom header. */
    static boolean fromBrowser(HttpServletRequest request) {
        if (request.getHeader("Cookie") != null) {
            return true;
        }
        String type = request.getContentType();
        if (type == null || request.getHeader("X-Requested-With") != null) {
            return false;
        }
        String t = type.toLowerCase(Locale.ROOT);
        return t.startsWith("application/x-www-form-urlencoded")
                || t.startsWith("multipart/form-data")
                || t.startsWith("text/plain");
    }

    private static String basicUser(String header) {
        try {
            String decoded =
                    new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon > 0 ? decoded.substring(0, colon) : null;
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    private void write(HttpServletResponse response, int status, ApiError error) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), error);
    }
}
