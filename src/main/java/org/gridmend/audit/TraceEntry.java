package org.gridmend.audit;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of a trace. {@code source} says where it comes from: {@code AUDIT} (GridMend's hash-chained audit
 * events; {@code ref} is the chain position), {@code TRACKING} (a line the customer saw on the tracking page),
 * {@code OUTBOX} (a message as written for the customer), or one of Camunda's history tables ({@code CAMUNDA_*}).
 */
public record TraceEntry(
        Instant at,
        ActorType actorType,
        String actor,
        String source,
        String type,
        String subject,
        String ref,
        Map<String, Object> details) {

    /** Details from name/value pairs; null values are left out, times as ISO-8601. */
    static Map<String, Object> details(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            if (value instanceof Date date) {
                value = date.toInstant();
            }
            if (value instanceof Instant instant) {
                value = instant.toString();
            }
            if (value != null) {
                map.put((String) pairs[i], value);
            }
        }
        return map;
    }
}
