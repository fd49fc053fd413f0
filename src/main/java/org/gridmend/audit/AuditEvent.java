package org.gridmend.audit;

import java.time.Instant;

/**
 * An audit event as stored: {@code seq}, {@code prevHash} and {@code hash} are null until the chain has sealed it
 * (within about a second of its commit).
 */
public record AuditEvent(
        long id,
        Long seq,
        Instant at,
        ActorType actorType,
        String actor,
        String type,
        Long reportId,
        Long incidentId,
        Long noticeId,
        Long notificationId,
        String customerNo,
        String crewId,
        String deviceId,
        String details,
        String prevHash,
        String hash) {}
