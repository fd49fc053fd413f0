package org.gridmend.audit;

import java.time.Instant;
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
        Map<String, Object> details) {}
