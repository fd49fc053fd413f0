package org.gridmend.notify;

import java.time.Instant;

/** One message received by the development gateway. */
public record DevMessage(
        long id,
        String messageId,
        String channel,
        String address,
        String template,
        String title,
        String text,
        Instant receivedAt) {}
