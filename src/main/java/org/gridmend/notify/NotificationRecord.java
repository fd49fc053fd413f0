package org.gridmend.notify;

import java.time.Instant;

import org.gridmend.core.Pii;

/** An outbox row as dispatchers and auditors see it (the phone masked). */
public record NotificationRecord(
        long id,
        String messageId,
        String eventType,
        Long incidentId,
        Long reportId,
        Long noticeId,
        String customerNo,
        String phone,
        String channel,
        String status,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Integer gatewayStatus,
        Instant createdAt,
        Instant sentAt) {

    public NotificationRecord masked() {
        return new NotificationRecord(
                id,
                messageId,
                eventType,
                incidentId,
                reportId,
                noticeId,
                customerNo,
                Pii.maskPhone(phone),
                channel,
                status,
                attempts,
                nextAttemptAt,
                lastError,
                gatewayStatus,
                createdAt,
                sentAt);
    }
}
