package org.gridmend.security;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gridmend.web.ApiError;
import org.gridmend.web.DatabaseDown;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/** 401 and 403 in the same JSON shape as every other API error. */
@Component
class JsonSecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper json;

    JsonSecurityErrors(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (DatabaseDown.isCause(e)) {
            // the password could not be checked: the caller is not wrong, GridMend is unable
            response.setHeader("Retry-After", Integer.toString(DatabaseDown.RETRY_AFTER_SECONDS));
            write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, DatabaseDown.error());
            return;
        }
        // never a WWW-Authenticate challenge: a browser would show its own login dialog and then cache the
        // credentials, which any other site's form could ride on
        write(
                response,
                HttpServletResponse.SC_UNAUTHORIZED,
                new ApiError(
                        "UNAUTHORIZED",
                        "sign in: API clients with HTTP Basic as a GridMend staff user (the Camunda user of Tasklist and "
                                + "Cockpit) or a machine's API key, pages with the staff session",
                        null));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (e instanceof CsrfException) {
            write(
                    response,
                    HttpServletResponse.SC_FORBIDDEN,
                    new ApiError(
                            "CSRF_TOKEN_MISSING",
                            "a request with a session cookie must echo the GM-XSRF-TOKEN cookie in the X-GM-XSRF-TOKEN header",
                            null));
            return;
        }
        write(
                response,
                HttpServletResponse.SC_FORBIDDEN,
                new ApiError(
                        "FORBIDDEN",
                        "your groups do not allow " + request.getMethod() + " " + request.getRequestURI(),
                        null));
    }

    private void write(HttpServletResponse response, int status, ApiError error) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), error);
    }
}
