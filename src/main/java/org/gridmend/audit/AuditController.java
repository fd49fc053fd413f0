package org.gridmend.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.gridmend.core.PlausibleTime;
import org.gridmend.core.Refusal;
import org.gridmend.core.StaffGroups;
import org.gridmend.core.UtilityZone;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The auditors' API: traces of reports and repair orders (JSON or CSV), search, and the audit chain's check. */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    private final TraceService traces;
    private final AuditChain chain;
    private final ObjectMapper json;
    private final PlausibleTime plausible;
    /** Dates without a time are days in the utility's zone. */
    private final UtilityZone zone;

    private final ServiceTraceService services;

    AuditController(
            TraceService traces,
            ServiceTraceService services,
            AuditChain chain,
            ObjectMapper json,
            PlausibleTime plausible,
            UtilityZone zone) {
        this.services = services;
        this.zone = zone;
        this.plausible = plausible;
        this.traces = traces;
        this.chain = chain;
        this.json = json;
    }

    @GetMapping("/reports/{id}/trace")
    ResponseEntity<?> reportTrace(
            @PathVariable String id,
            @RequestParam(defaultValue = "json") String format,
            @RequestParam(defaultValue = "false") boolean unmask,
            Authentication user) {
        checkFormat(format);
        return answer(traces.report(id, unmasked(unmask, user), user.getName()), format);
    }

    @GetMapping("/incidents/{id}/trace")
    ResponseEntity<?> incidentTrace(
            @PathVariable String id,
            @RequestParam(defaultValue = "json") String format,
            @RequestParam(defaultValue = "false") boolean unmask,
            Authentication user) {
        checkFormat(format);
        return answer(traces.incident(id, unmasked(unmask, user), user.getName()), format);
    }

    @GetMapping("/jobs/{id}/trace")
    ResponseEntity<?> jobTrace(
            @PathVariable String id,
            @RequestParam(defaultValue = "json") String format,
            @RequestParam(defaultValue = "false") boolean unmask,
            Authentication user) {
        checkFormat(format);
        return answer(services.job(id, unmasked(unmask, user), user.getName()), format);
    }

    @GetMapping("/electricians/{id}/trace")
    ResponseEntity<?> electricianTrace(
            @PathVariable String id,
            @RequestParam(defaultValue = "json") String format,
            @RequestParam(defaultValue = "false") boolean unmask,
            Authentication user) {
        checkFormat(format);
        return answer(services.electrician(id, unmasked(unmask, user), user.getName()), format);
    }

    @GetMapping("/custody/{id}/trace")
    ResponseEntity<?> custodyTrace(
            @PathVariable String id,
            @RequestParam(defaultValue = "json") String format,
            @RequestParam(defaultValue = "false") boolean unmask,
            Authentication user) {
        checkFormat(format);
        return answer(services.custody(id, unmasked(unmask, user), user.getName()), format);
    }

    @GetMapping("/rentals/{id}/trace")
    ResponseEntity<?> rentalTrace(
            @PathVariable String id,
            @RequestParam(defaultValue = "json") String format,
            @RequestParam(defaultValue = "false") boolean unmask,
            Authentication user) {
        checkFormat(format);
        return answer(services.rental(id, unmasked(unmask, user), user.getName()), format);
    }

    @GetMapping("/search")
    AuditSearch.Result search(
            @RequestParam(required = false) String customerNo,
            @RequestParam(required = false) String crewId,
            @RequestParam(required = false) String deviceId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return traces.search(new AuditSearch.Query(
                blankToNull(customerNo),
                blankToNull(crewId),
                blankToNull(deviceId),
                time(from, "from", false),
                time(to, "to", true)));
    }

    /** Who is signed in, and whether they may ask for personal data unmasked. */
    @GetMapping("/me")
    Map<String, Object> me(Authentication user) {
        return Map.of("user", user.getName(), "pii", StaffGroups.isMember(user, StaffGroups.PII));
    }

    @GetMapping("/verify")
    ChainVerification verify() {
        return chain.verify();
    }

    /** Unmasked personal data only for holders of the pii group, and only when asked for. */
    private static boolean unmasked(boolean unmask, Authentication user) {
        if (!unmask) {
            return false;
        }
        if (!StaffGroups.isMember(user, StaffGroups.PII)) {
            throw new Refusal(
                    Refusal.Kind.FORBIDDEN,
                    "FORBIDDEN",
                    "unmasked personal data needs membership of " + "the group " + StaffGroups.PII,
                    "unmask");
        }
        return true;
    }

    private static void checkFormat(String format) {
        if (!format.equals("json") && !format.equals("csv")) {
            throw Refusal.invalid("INVALID_FIELD", "format", "format must be json or csv");
        }
    }

    private ResponseEntity<?> answer(Trace trace, String format) {
        if (format.equals("json")) {
            return ResponseEntity.ok(trace);
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"trace-" + trace.subject() + ".csv\"")
                .body(TraceCsv.write(trace.entries(), json));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** ISO-8601 with offset, or a date (a whole day: "to" then means the end of that day). */
    private Instant time(String value, String field, boolean endOfDay) {
        Instant at = parsedTime(value, field, endOfDay);
        return at == null ? null : plausible.bound(field, at);
    }

    private Instant parsedTime(String value, String field, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.trim().length() == 10) {
                LocalDate day = LocalDate.parse(value.trim());
                return (endOfDay ? day.plusDays(1) : day)
                        .atStartOfDay(zone.zone())
                        .toInstant();
            }
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw Refusal.invalid(
                    "INVALID_FIELD",
                    field,
                    field + " must be a date (2026-11-30) or a time with offset (2026-11-30T08:00:00+08:00)");
        }
    }
}
