package org.gridmend.security;

import java.io.IOException;
import java.util.Date;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.util.ServletContextUtil;
import org.gridmend.core.StaffGroups;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One sign-in for Camunda's webapps and GridMend's staff pages: the session's Camunda webapp authentication is the
 * staff member's sign-in for both. Signing in to Tasklist (or Cockpit, Admin) signs in to the board, the desk and
 * the crew's briefing in the same browser; signing in on a GridMend page writes the same authentication, so
 * Tasklist opens without a second login; signing out of either signs out of both. The groups are Camunda's, read
 * again when Camunda's authentication cache expires ({@code camunda.bpm.webapp.auth.cache}).
 */
@Component
class SharedStaffSession {

    private final ProcessEngine engine;

    SharedStaffSession(ProcessEngine engine) {
        this.engine = engine;
    }

    /** After the password was checked: the session's webapp authentication for this engine is now this user's. */
    void signIn(HttpServletRequest request, String userId) {
        UserAuthentication authentication = AuthenticationUtil.createAuthentication(engine, userId);
        if (authentication == null) {
            throw new IllegalStateException("user " + userId + " vanished while signing in");
        }
        Date validUntil = ServletContextUtil.getAuthCacheValidationTime(request.getServletContext());
        if (validUntil != null) {
            authentication.setCacheValidationTime(validUntil);
        }
        HttpSession session = request.getSession(true);
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        authentications.addOrReplace(authentication);
        AuthenticationUtil.updateSession(session, authentications);
    }

    /** The staff member signed in to this browser session (through Tasklist or a GridMend page), if any. */
    Authentication current(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute("authenticatedUser") instanceof Authentications all)) {
            return null;
        }
        UserAuthentication user = (UserAuthentication) all.getAuthenticationForProcessEngine(engine.getName());
        if (user == null) {
            return null;
        }
        Date validUntil = user.getCacheValidationTime();
        if (validUntil != null && new Date().after(validUntil)) {
            // as Camunda's own filter does: groups read again, and a deleted user signed out
            Date next = ServletContextUtil.getAuthCacheValidationTime(request.getServletContext());
            long ttl = next == null ? 0 : Math.max(0, next.getTime() - System.currentTimeMillis());
            AuthenticationUtil.updateCache(all, session, ttl);
            AuthenticationUtil.updateSession(session, all);
            user = (UserAuthentication) all.getAuthenticationForProcessEngine(engine.getName());
            if (user == null) {
                return null;
            }
        }
        List<SimpleGrantedAuthority> roles = user.getGroupIds().stream()
                .map(StaffGroups::role)
                .map(SimpleGrantedAuthority::new)
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(user.getIdentityId(), null, roles);
    }

    /**
     * Puts the session's staff member into Spring Security's context for this request. A request with its own
     * credentials (HTTP Basic, an API key) is left to them.
     */
    static final class Filter extends OncePerRequestFilter {

        private final SharedStaffSession sessions;

        Filter(SharedStaffSession sessions) {
            this.sessions = sessions;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication existing = SecurityContextHolder.getContext().getAuthentication();
            boolean anonymous = existing == null || existing instanceof AnonymousAuthenticationToken;
            if (anonymous && request.getHeader("Authorization") == null) {
                Authentication staff = sessions.current(request);
                if (staff != null) {
                    var context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(staff);
                    SecurityContextHolder.setContext(context);
                }
            }
            chain.doFilter(request, response);
        }
    }
}
