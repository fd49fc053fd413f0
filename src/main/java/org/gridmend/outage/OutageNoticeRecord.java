package org.gridmend.outage;

import java.time.Instant;

public record OutageNoticeRecord(
        long id,
        NoticeType type,
        String deviceId,
        String feederId,
        Instant startsAt,
        Instant expectedEndAt,
        String reason,
        String state,
        String createdBy,
        Instant createdAt,
        Long incidentId,
        Instant endedAt,
        String endReason) {

    public boolean activeAt(Instant when) {
        return "ACTIVE".equals(state) && !when.isBefore(startsAt) && when.isBefore(expectedEndAt);
    }
}
