package org.gridmend.notify;

import java.time.Clock;
import java.util.List;

import org.springframework.context.annotation.Profile;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** The development gateway's inboxes (demo profile): each message id is taken once, as a real gateway does. */
@Service
@Profile("demo")
public class DevGatewayService {

    private final NotificationMapper mapper;
    private final Clock clock;

    DevGatewayService(NotificationMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Puts the message in the address's inbox; false when this message id arrived before (a retry). */
    public boolean receive(
            String messageId, String channel, String address, String template, String title, String text) {
        try {
            mapper.insertDevMessage(
                    messageId,
                    channel,
                    truncate(address, 32),
                    truncate(template, 64),
                    truncate(title, 100),
                    truncate(text, 1000),
                    clock.instant());
            return true;
        } catch (DuplicateKeyException again) {
            return false;
        }
    }

    /** The inboxes, most recent first; with a search, those whose number or a message contains it. */
    public List<DevInbox> phones(String search) {
        String like = search == null || search.isBlank()
                ? null
                : "%" + search.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return mapper.devInboxes(like, 500);
    }

    public List<DevMessage> messages(String address, int limit) {
        return mapper.devMessages(address, limit);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
