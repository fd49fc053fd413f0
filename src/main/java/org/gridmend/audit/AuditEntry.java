package org.gridmend.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One thing that happened, as the code that made it happen describes it to {@link AuditTrail#record}: what (type),
 * who (a customer, a staff user, or the system), what it concerned (report, incident, notice, notification,
 * customer, crew, device) and the details worth keeping. Never a phone number, name or address in the details:
 * personal data stays in its own table and is joined in, masked or not, when an auditor reads the trace.
 */
public final class AuditEntry {

    final String type;
    ActorType actorType = ActorType.SYSTEM;
    String actor;
    Instant at;
    Long reportId;
    Long incidentId;
    Long noticeId;
    Long notificationId;
    String customerNo;
    String crewId;
    String deviceId;
    String subject;
    final Map<String, Object> details = new LinkedHashMap<>();

    private AuditEntry(String type) {
        this.type = type;
    }

    public static AuditEntry of(String type) {
        return new AuditEntry(type);
    }

    /** A staff user (by Camunda user id); the system when null. */
    public AuditEntry user(String userId) {
        if (userId != null && !userId.isBlank()) {
            this.actorType = ActorType.USER;
            this.actor = userId;
        }
        return this;
    }

    /** The customer (by customer number, when known). */
    public AuditEntry customer(String customerNo) {
        this.actorType = ActorType.CUSTOMER;
        this.actor = customerNo;
        return about(customerNo);
    }

    public AuditEntry at(Instant at) {
        this.at = at;
        return this;
    }

    public AuditEntry report(Long reportId) {
        this.reportId = reportId;
        return this;
    }

    public AuditEntry incident(Long incidentId) {
        this.incidentId = incidentId;
        return this;
    }

    public AuditEntry notice(Long noticeId) {
        this.noticeId = noticeId;
        return this;
    }

    public AuditEntry notification(Long notificationId) {
        this.notificationId = notificationId;
        return this;
    }

    /** The customer this is about, without making them the actor. */
    public AuditEntry about(String customerNo) {
        if (customerNo != null && !customerNo.isBlank()) {
            this.customerNo = customerNo;
        }
        return this;
    }

    public AuditEntry crew(String crewId) {
        this.crewId = crewId;
        return this;
    }

    /**
     * What a service event is about by its public id (a job E-…, an electrician EL…): indexed for its trace, and a
     * detail too, so that the hash chain covers it.
     */
    public AuditEntry subject(String publicId) {
        this.subject = publicId;
        return detail("subject", publicId);
    }

    public AuditEntry device(String deviceId) {
        this.deviceId = deviceId;
        return this;
    }

    /** A detail; null values are left out. */
    public AuditEntry detail(String name, Object value) {
        if (value != null) {
            details.put(name, value instanceof Instant || value instanceof Enum<?> ? value.toString() : value);
        }
        return this;
    }

    /** Details from name/value pairs ({@code "cause", cause, "etr", etr}); null values are left out. */
    public AuditEntry details(Object... pairs) {
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            detail((String) pairs[i], pairs[i + 1]);
        }
        return this;
    }
}
