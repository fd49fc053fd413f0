package org.gridmend.security;

import static org.gridmend.core.StaffGroups.ADMINS;
import static org.gridmend.core.StaffGroups.AUDITORS;
import static org.gridmend.core.StaffGroups.CREWS;
import static org.gridmend.core.StaffGroups.DISPATCHERS;
import static org.gridmend.core.StaffGroups.ELECTRICIANS;
import static org.gridmend.core.StaffGroups.INTEGRATIONS;
import static org.gridmend.core.StaffGroups.LEADS;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.gridmend.core.StaffGroups;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may call what. Camunda's webapps and REST API guard themselves (session login with their own CSRF
 * protection; HTTP Basic through Camunda's filter, with authorization checks on); GridMend's own API takes HTTP
 * Basic against the same Camunda users and checks their groups.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String[] STAFF = {CREWS, DISPATCHERS, AUDITORS, ADMINS};

    /**
     * Matches patterns against the whole request path. The default MVC matcher only sees what Spring MVC serves,
     * and so misses the webapps and REST API that Camunda serves through its own servlets and filters.
     */
    @Bean
    PathPatternRequestMatcher.Builder pathPatterns() {
        return PathPatternRequestMatcher.withDefaults();
    }

    /** Tasklist, Cockpit, Admin and /engine-rest: left to Camunda, which authenticates and authorizes them itself. */
    @Bean
    @Order(1)
    SecurityFilterChain camunda(HttpSecurity http) throws Exception {
        return http.securityMatcher("/camunda/**", "/engine-rest/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(
                        AbstractHttpConfigurer
                                ::disable) // the webapps' own CSRF filter stays on (camunda.bpm.webapp.csrf)
                .headers(AbstractHttpConfigurer::disable) // the webapps send their own security headers
                .requestCache(AbstractHttpConfigurer::disable)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain gridmend(
            HttpSecurity http,
            JsonSecurityErrors errors,
            ApiKeyService keys,
            ObjectMapper json,
            SharedStaffSession staffSessions)
            throws Exception {
        return http.addFilterBefore(new ApiKeyFilter(keys, json), BasicAuthenticationFilter.class)
                .addFilterAfter(new SharedStaffSession.Filter(staffSessions), ApiKeyFilter.class)
                .authorizeHttpRequests(requests -> requests.requestMatchers("/api/staff/session", "/api/staff/password")
                        .permitAll()
                        // social electricians: applicants sign in with the customer SMS code (checked by the service);
                        // the look-up is public; a registered electrician reads and renews their own registration
                        // (also while suspended, which takes them out of the group)
                        .requestMatchers(HttpMethod.POST, "/api/electricians/applications")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/electricians/nearby")
                        .permitAll()
                        .requestMatchers("/api/electricians/me", "/api/electricians/me/certificate")
                        .authenticated()
                        .requestMatchers("/api/electricians/**")
                        .denyAll()
                        .requestMatchers("/api/electrician-jobs", "/api/electrician-jobs/**")
                        .hasRole(ELECTRICIANS)
                        // custody: the electricians' own contracts; the business customer's session, checked per
                        // contract
                        .requestMatchers("/api/custody/assignments")
                        .hasRole(ELECTRICIANS)
                        .requestMatchers("/api/custody/**")
                        .permitAll()
                        // a job's customer: its tracking token or the customer session, checked per job
                        // rental: rental staff's overview; the catalogue is public, and each booking's sides (customer
                        // sessions, or rental staff for the utility's items) are checked by the service
                        .requestMatchers("/api/rental/admin", "/api/rental/admin/**")
                        .hasRole(StaffGroups.RENTAL)
                        .requestMatchers("/api/rental/**")
                        .permitAll()
                        .requestMatchers("/api/service-requests", "/api/service-requests/**")
                        .permitAll()
                        // customers sign in with an SMS code; their bearer token is checked by the customer side
                        .requestMatchers("/api/customer/otp", "/api/customer/session", "/api/customer/me")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/customers/*/phones")
                        .hasAnyRole(DISPATCHERS, ADMINS)
                        .requestMatchers("/api/integrations/**")
                        .hasRole(ADMINS)
                        .requestMatchers(HttpMethod.POST, "/api/grid/import")
                        .hasRole(ADMINS)
                        // crews see customers only through their own orders' briefings, not the archive
                        .requestMatchers("/api/grid/**")
                        .hasAnyRole(DISPATCHERS, AUDITORS, ADMINS)
                        // customers: no login; the tracking token is the key to a report
                        .requestMatchers(HttpMethod.POST, "/api/reports", "/api/power-status")
                        .permitAll()
                        .requestMatchers(
                                HttpMethod.GET, "/api/reports/*", "/api/reports/*/events", "/api/reports/*/photos/*")
                        .permitAll()
                        .requestMatchers(
                                HttpMethod.POST,
                                "/api/reports/*/confirmation",
                                "/api/reports/*/rating",
                                "/api/reports/*/behind-meter-choice",
                                "/api/reports/*/messages")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/reports/*/messages", "/api/reports/*/call")
                        .permitAll()
                        .requestMatchers("/api/meter-events")
                        .hasAnyRole(INTEGRATIONS, ADMINS)
                        // a repair order's crew works on it too; which crew is checked per order
                        .requestMatchers(
                                "/api/repair-orders/*/briefing",
                                "/api/repair-orders/*/photos",
                                "/api/repair-orders/*/photos/*",
                                "/api/repair-orders/*/notes",
                                "/api/repair-orders/*/etr",
                                "/api/repair-orders/*/messages",
                                "/api/repair-orders/*/calls",
                                "/api/incidents/*/calls",
                                "/api/incidents/*/messages",
                                "/api/incidents/*/briefing",
                                "/api/incidents/*/photos",
                                "/api/incidents/*/photos/*",
                                "/api/incidents/*/notes",
                                "/api/incidents/*/etr")
                        .hasAnyRole(CREWS, DISPATCHERS, AUDITORS, ADMINS)
                        // correcting the prediction is a dispatcher's decision; auditors only read
                        .requestMatchers(HttpMethod.POST, "/api/incidents/*/move", "/api/incidents/*/split")
                        .hasAnyRole(DISPATCHERS, ADMINS)
                        .requestMatchers("/api/incidents/**", "/api/repair-orders/**")
                        .hasAnyRole(DISPATCHERS, AUDITORS, ADMINS)
                        .requestMatchers("/api/crews/**")
                        .hasAnyRole(CREWS, DISPATCHERS, AUDITORS, ADMINS, INTEGRATIONS)
                        // learning: admins import courses, station leads and admins assign them, crews study
                        .requestMatchers(HttpMethod.POST, "/api/learning/courses")
                        .hasRole(ADMINS)
                        .requestMatchers(HttpMethod.POST, "/api/learning/assignments")
                        .hasAnyRole(ADMINS, LEADS)
                        .requestMatchers(
                                "/api/learning/me", "/api/learning/*/lessons/*/time", "/api/learning/*/studied")
                        .hasRole(CREWS)
                        .requestMatchers(HttpMethod.GET, "/api/learning/courses", "/api/learning/crews/*")
                        .hasAnyRole(CREWS, DISPATCHERS, AUDITORS, ADMINS, LEADS)
                        .requestMatchers("/api/learning/**")
                        .denyAll()
                        // a crew sees its own performance, dispatchers and auditors everyone's (checked per crew)
                        .requestMatchers(HttpMethod.GET, "/api/performance/crews", "/api/performance/crews/*/months")
                        .hasAnyRole(CREWS, DISPATCHERS, AUDITORS, ADMINS)
                        .requestMatchers("/api/performance/**")
                        .denyAll()
                        // a crew reads its own grid; dispatchers draw them
                        .requestMatchers(HttpMethod.GET, "/api/grids/*")
                        .hasAnyRole(CREWS, DISPATCHERS, AUDITORS, ADMINS)
                        .requestMatchers(HttpMethod.GET, "/api/grids")
                        .hasAnyRole(DISPATCHERS, AUDITORS, ADMINS)
                        .requestMatchers("/api/grids/**")
                        .hasAnyRole(DISPATCHERS, ADMINS)
                        .requestMatchers("/api/outage-notices/**")
                        .hasAnyRole(DISPATCHERS, ADMINS)
                        // customers look up outages without a login, like they report
                        .requestMatchers(HttpMethod.GET, "/api/outages")
                        .permitAll()
                        .requestMatchers("/api/demo/**")
                        .hasAnyRole(DISPATCHERS, ADMINS)
                        .requestMatchers(HttpMethod.GET, "/api/board", "/api/board/map")
                        .hasAnyRole(DISPATCHERS, AUDITORS, ADMINS)
                        .requestMatchers(HttpMethod.GET, "/api/notifications", "/api/notifications/**")
                        .hasAnyRole(DISPATCHERS, AUDITORS, ADMINS)
                        .requestMatchers("/api/notifications/**")
                        .hasAnyRole(DISPATCHERS, ADMINS)
                        .requestMatchers("/api/audit/**")
                        .hasRole(AUDITORS)
                        .requestMatchers("/api/**")
                        .authenticated()
                        .requestMatchers(
                                "/actuator/health",
                                "/actuator/health/liveness",
                                "/actuator/health/readiness",
                                "/actuator/info")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole(ADMINS)
                        .anyRequest()
                        .permitAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(errors))
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens())
                        .csrfTokenRequestHandler(new PageCsrfTokenRequestHandler())
                        .ignoringRequestMatchers(SecurityConfiguration::withoutAmbientCredentials))
                .build();
    }

    /**
     * The staff pages' CSRF token: cookie GM-XSRF-TOKEN, echoed in X-GM-XSRF-TOKEN (names of its own, so that it
     * never collides with the XSRF-TOKEN cookie of Camunda's webapps in the same session).
     */
    static CookieCsrfTokenRepository csrfTokens() {
        CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookieName("GM-XSRF-TOKEN");
        tokens.setHeaderName("X-GM-XSRF-TOKEN");
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
        return tokens;
    }

    /** In front of every password check: throttling, and no HTTP Basic from browsers ({@link SignInGuardFilter}). */
    @Bean
    FilterRegistrationBean<SignInGuardFilter> signInGuard(SignInThrottle throttle, ObjectMapper json) {
        FilterRegistrationBean<SignInGuardFilter> registration =
                new FilterRegistrationBean<>(new SignInGuardFilter(throttle, json));
        registration.setName("sign-in-guard");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 100);
        return registration;
    }

    /**
     * CSRF rides on credentials a browser sends by itself (a session cookie). A request that brings its own
     * Authorization header (HTTP Basic comes only from API clients: {@link SignInGuardFilter}), or has no session at
     * all, cannot be forged that way.
     */
    static boolean withoutAmbientCredentials(HttpServletRequest request) {
        return request.getHeader("Authorization") != null || request.getRequestedSessionId() == null;
    }

    /**
     * Without this filter Camunda's REST API answers anyone; with it, HTTP Basic against Camunda's users
     * ({@link StaffPasswords}), without a challenge ({@link EngineRestBasicAuthentication}).
     */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addInitParameter("authentication-provider", EngineRestBasicAuthentication.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }
}
