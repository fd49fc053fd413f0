package org.gridmend.notify;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridmend.core.PublicIds;
import org.gridmend.core.Refusal;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The outbox for dispatchers: what was sent, what waits, what failed, and sending a failed message again. */
@RestController
@RequestMapping(path = "/api/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Notifications", description = "Customer notifications and their delivery (dispatchers, auditors)")
class NotificationController {

    private static final Set<String> STATUSES = Set.of("PENDING", "SENT", "FAILED", "WITHDRAWN");

    private final NotificationAdminService admin;

    NotificationController(NotificationAdminService admin) {
        this.admin = admin;
    }

    @GetMapping
    @Operation(
            summary =
                    "Notifications, newest first; status PENDING, SENT, FAILED or WITHDRAWN; incidentId R-…; phones masked")
    List<NotificationRecord> list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String incidentId,
            @RequestParam(defaultValue = "100") int limit) {
        String s = status == null || status.isBlank() ? null : status.trim().toUpperCase(Locale.ROOT);
        if (s != null && !STATUSES.contains(s)) {
            throw Refusal.invalid("INVALID_FIELD", "status", "status must be PENDING, SENT, FAILED or WITHDRAWN");
        }
        Long incident = null;
        if (incidentId != null && !incidentId.isBlank()) {
            long parsed = PublicIds.parseIncident(incidentId);
            if (parsed < 0) {
                throw Refusal.invalid("INVALID_FIELD", "incidentId", "incidentId must look like R-00000042");
            }
            incident = parsed;
        }
        if (limit < 1 || limit > 1000) {
            throw Refusal.invalid("INVALID_FIELD", "limit", "limit must be between 1 and 1000");
        }
        return admin.list(s, incident, limit);
    }

    @GetMapping("/summary")
    @Operation(summary = "How many notifications are pending, sent and failed")
    List<StatusCount> summary() {
        return admin.counts();
    }

    @PostMapping("/{id}/retry")
    @Operation(summary = "Send a FAILED notification again (same messageId); its Cockpit incident is resolved")
    NotificationRecord retry(@PathVariable long id) {
        return admin.retry(id);
    }
}
