package org.gridmend.security;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gridmend.web.ApiError;
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
        // a page's own script (it says so, as browsers' XMLHttpRequest convention goes) shows its own sign-in; the
        // header would make the browser pop up its login dialog over it
        if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"GridMend\", charset=\"UTF-8\"");
        }
        write(response, HttpServletResponse.SC_UNAUTHORIZED, new ApiError("UNAUTHORIZED",
                "sign in with HTTP Basic as a GridMend staff user (the Camunda user of Tasklist and Cockpit)", null));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (e instanceof CsrfException) {
            write(response, HttpServletResponse.SC_FORBIDDEN, new ApiError("CSRF_TOKEN_MISSING",
                    "a request with a session cookie must echo the XSRF-TOKEN cookie in the X-XSRF-TOKEN header", null));
            return;
        }
        write(response, HttpServletResponse.SC_FORBIDDEN, new ApiError("FORBIDDEN",
                "your groups do not allow " + request.getMethod() + " " + request.getRequestURI(), null));
    }

    private void write(HttpServletResponse response, int status, ApiError error) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), error);
    }
}
