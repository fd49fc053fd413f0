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
 * Short messages to one named person's phone (SMS, through the outbox like every message; the development gateway's
 * inbox shows them in the demo): to a crew, a new fault in its grid or a customer's message on its order; to a social
 * electrician or a service customer, the steps of their job. Each is sent once per key.
 */
@Service
public class DirectMessageService {

    private static final Logger log = LoggerFactory.getLogger(DirectMessageService.class);

    private final NotificationMapper mapper;
    private final CustomerTexts texts;
    private final NotifyProperties properties;
    private final Clock clock;

    DirectMessageService(NotificationMapper mapper, CustomerTexts texts, NotifyProperties properties, Clock clock) {
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
        return send("C:" + crewId, "notify.title.crew", phone, incidentId, event, key, template, args);
    }

    /**
     * Tells a person of a service (an electrician, a customer of a job): {@code recipient} names them
     * ({@code E:el00042}, {@code J:E-00000007}).
     */
    @Transactional
    public boolean tellPerson(
            String recipient, String phone, String event, String key, String template, Object... args) {
        return send(recipient, "notify.title.service", phone, null, event, key, template, args);
    }

    private boolean send(
            String recipient,
            String title,
            String phone,
            Long incidentId,
            String event,
            String key,
            String template,
            Object... args) {
        if (phone == null || phone.isBlank()) {
            log.info("no phone to tell recipient={} event={}", recipient, event);
            return false;
        }
        if (phone.startsWith("+86")) {
            phone = phone.substring(3); // the outbox and the gateways take national numbers
        }
        Instant now = clock.instant();
        NotificationMapper.NewNotification row = new NotificationMapper.NewNotification();
        row.messageId = UUID.randomUUID().toString();
        row.dedupeKey = recipient + "|" + event + "|" + key;
        row.eventType = event;
        row.incidentId = incidentId;
        row.phone = phone;
        row.channel = "SMS";
        row.template = template;
        row.title = texts.text(title);
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
