package org.gridmend.security;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gridmend.core.StaffGroups;
import org.gridmend.web.ApiError;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A machine's API key ({@code X-API-Key: gmk_…}, or {@code Authorization: Bearer gmk_…}) signs it in as
 * {@code key:<id>} with the role of the {@code integrations} group. A wrong or revoked key is answered 401.
 */
class ApiKeyFilter extends OncePerRequestFilter {

    private final ApiKeyService keys;
    private final ObjectMapper json;

    ApiKeyFilter(ApiKeyService keys, ObjectMapper json) {
        this.keys = keys;
        this.json = json;
    }

    static String keyOf(HttpServletRequest request) {
        String header = request.getHeader("X-API-Key");
        if (header != null) {
            return header;
        }
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.startsWith("Bearer gmk_") ? authorization.substring(7) : null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = keyOf(request);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        var id = keys.authenticate(key);
        if (id.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(
                    response.getOutputStream(),
                    new ApiError("INVALID_API_KEY", "the API key is unknown or revoked", null));
            return;
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(
                "key:" + id.get(),
                null,
                List.of(new SimpleGrantedAuthority(StaffGroups.role(StaffGroups.INTEGRATIONS))));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
