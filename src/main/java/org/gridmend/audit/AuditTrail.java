package org.gridmend.audit;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * Appends to GridMend's audit trail, in the caller's transaction: the event exists exactly when the step it
 * describes committed. {@link AuditChain} seals it into the hash chain afterwards.
 */
@Component
public class AuditTrail {

    static final int MAX_DETAILS_CHARS = 4000;

    private final AuditMapper mapper;
    private final ObjectMapper json;
    private final Clock clock;

    AuditTrail(AuditMapper mapper, ObjectMapper json, Clock clock) {
        this.mapper = mapper;
        this.json = json;
        this.clock = clock;
    }

    public void record(AuditEntry entry) {
        String details;
        try {
            details = json.writeValueAsString(entry.details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details of " + entry.type + " are not JSON", e);
        }
        if (details.length() > MAX_DETAILS_CHARS) {
            // a long free text (a comment, a gateway's error) keeps its start; the event itself is never dropped
            details = json.createObjectNode()
                    .put("truncated", details.substring(0, MAX_DETAILS_CHARS - 100))
                    .toString();
        }
        mapper.insert(entry, (entry.at == null ? clock.instant() : entry.at).truncatedTo(ChronoUnit.MILLIS), details);
    }
}
