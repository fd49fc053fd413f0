package org.gridmend.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.gridmend.core.CustomerTexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Short messages to a crew's phone (SMS, through the outbox like every message; the development gateway's inbox shows
 * them in the demo): a new fault in its grid, a customer's message on its order. Each is sent once per key.
 */
@Service
public class CrewMessageService {

    private static final Logger log = LoggerFactory.getLogger(CrewMessageService.class);

    private final NotificationMapper mapper;
    private final CustomerTexts texts;
    private final NotifyProperties properties;
    private final Clock clock;

    CrewMessageService(NotificationMapper mapper, CustomerTexts texts, NotifyProperties properties, Clock clock) {
        this.mapper = mapper;
        this.texts = texts;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Tells a crew: {@code event} names what of (GRID_INCIDENT, ORDER_MESSAGE), {@code key} which one, so that a
     * retried step does not say it twice; {@code incidentId} the order it is about, for the outbox's listing. Returns false when the crew has no phone or was told already.
     */
    @Transactional
    public boolean tell(
            String crewId, String phone, Long incidentId, String event, String key, String template, Object... args) {
        if (phone == null || phone.isBlank()) {
            log.info("crew has no phone to tell crewId={} event={}", crewId, event);
            return false;
        }
        Instant now = clock.instant();
        NotificationMapper.NewNotification row = new NotificationMapper.NewNotification();
        row.messageId = UUID.randomUUID().toString();
        row.dedupeKey = "C:" + crewId + "|" + event + "|" + key;
        row.eventType = event;
        row.incidentId = incidentId;
        row.phone = phone;
        row.channel = "SMS";
        row.template = template;
        row.title = texts.text("notify.title.crew");
        row.text = properties.smsSignature() + texts.text(template, args);
        row.nextAttemptAt = now;
        row.createdAt = now;
        try {
            mapper.insertOne(row);
            return true;
        } catch (DuplicateKeyException told) {
            return false;
        }
    }
}
