package org.gridmend.notify;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.gridmend.core.UtilityZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The outbox's writing side: one row per recipient and event, deduplicated by its key (a customer hears of one
 * event on one incident, report or notice once), due at once or after the quiet hours. {@link NotificationDispatcher}
 * delivers the rows after commit.
 */
@Component
class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    private static final int CHUNK = NotificationService.CHUNK;

    private final NotificationMapper mapper;
    private final NotifyProperties properties;
    private final AuditTrail audit;
    private final Clock clock;
    private final UtilityZone zone;

    Outbox(NotificationMapper mapper, NotifyProperties properties, AuditTrail audit, Clock clock, UtilityZone zone) {
        this.zone = zone;
        this.mapper = mapper;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** What one event says to whom: the rows to write, before deduplication. */
    record Message(Scope scope, Long incidentId, Long reportId, Long noticeId, String title, String text) {}

    /**
     * What a message is about, in its dedupe key: a customer hears of one event once per scope (a report, an
     * incident, one line of an incident's timeline, or a notice). The keys' form is kept in the outbox's rows.
     */
    record Scope(String key) {

        static Scope report(long reportId) {
            return new Scope("R" + reportId);
        }

        static Scope incident(long incidentId) {
            return new Scope("I" + incidentId);
        }

        /** One line of the incident's timeline: each new line (a new ETR, say) is news again. */
        static Scope incidentLine(long incidentId, long lineId) {
            return new Scope("I" + incidentId + "#" + lineId);
        }

        static Scope notice(long noticeId) {
            return new Scope("N" + noticeId);
        }

        @Override
        public String toString() {
            return key;
        }
    }

    int write(NotificationEvent event, Message message, Collection<Recipient> recipients) {
        Instant now = clock.instant();
        // what a cascade of roll-ups can make untrue within seconds waits a moment, then goes only if still true
        Instant due = event.quiet() ? afterQuietHours(now) : event.settles() ? now.plus(properties.settle()) : now;
        List<NotificationMapper.NewNotification> rows = new ArrayList<>();
        for (Recipient recipient : recipients) {
            String channel = recipient.channel();
            if (channel == null) {
                continue;
            }
            NotificationMapper.NewNotification row = new NotificationMapper.NewNotification();
            row.messageId = UUID.randomUUID().toString();
            row.dedupeKey =
                    recipient.key() + "|" + event.name() + "|" + message.scope().key();
            row.eventType = event.name();
            row.incidentId = message.incidentId();
            row.reportId = message.reportId();
            row.noticeId = message.noticeId();
            row.customerNo = recipient.customerNo();
            row.phone = recipient.phone();
            row.channel = channel;
            row.template = "notify." + event.name().toLowerCase(Locale.ROOT);
            row.title = message.title();
            row.text = "SMS".equals(channel) ? properties.smsSignature() + message.text() : message.text();
            row.nextAttemptAt = due;
            row.createdAt = now;
            rows.add(row);
        }
        int written = 0;
        for (int i = 0; i < rows.size(); i += CHUNK) {
            written += insertNew(rows.subList(i, Math.min(i + CHUNK, rows.size())));
        }
        if (written > 0) {
            audit.record(AuditEntry.of("NOTIFICATIONS_QUEUED")
                    .at(now)
                    .report(message.reportId())
                    .incident(message.incidentId())
                    .notice(message.noticeId())
                    .about(rows.size() == 1 ? rows.get(0).customerNo : null)
                    .detail("event", event)
                    .detail("recipients", rows.size())
                    .detail("written", written)
                    .detail(
                            "sms",
                            rows.stream().filter(r -> "SMS".equals(r.channel)).count())
                    .detail(
                            "push",
                            rows.stream().filter(r -> "PUSH".equals(r.channel)).count()));
        }
        if (rows.size() > 1) {
            log.info(
                    "notifications written event={} scope={} recipients={} written={}",
                    event,
                    message.scope().key(),
                    rows.size(),
                    written);
        } else {
            // one reporter's message: thousands of these in a restoration would drown the log
            log.debug(
                    "notification written event={} scope={} written={}",
                    event,
                    message.scope().key(),
                    written);
        }
        return written;
    }

    /**
     * Inserts the rows whose dedupe key is new. A concurrent writer may win the race for a key in between: then the
     * rows go one by one and the duplicates are skipped (a failed statement leaves the transaction usable on H2 and
     * MariaDB).
     */
    private int insertNew(List<NotificationMapper.NewNotification> chunk) {
        Set<String> existing = new HashSet<>(
                mapper.existingKeys(chunk.stream().map(r -> r.dedupeKey).toList()));
        List<NotificationMapper.NewNotification> fresh =
                chunk.stream().filter(r -> !existing.contains(r.dedupeKey)).toList();
        if (fresh.isEmpty()) {
            return 0;
        }
        try {
            mapper.insertAll(fresh);
            return fresh.size();
        } catch (DuplicateKeyException raced) {
            int written = 0;
            for (NotificationMapper.NewNotification row : fresh) {
                try {
                    mapper.insertOne(row);
                    written++;
                } catch (DuplicateKeyException duplicate) {
                    // told already by the writer that won
                }
            }
            return written;
        }
    }

    /** Now, or the end of the quiet hours when now is inside them. */
    Instant afterQuietHours(Instant now) {
        ZonedDateTime local = now.atZone(zone.zone());
        LocalTime start = properties.quietHours().start();
        LocalTime end = properties.quietHours().end();
        LocalTime time = local.toLocalTime();
        boolean quiet = start.isAfter(end)
                ? !time.isBefore(start) || time.isBefore(end)
                : !time.isBefore(start) && time.isBefore(end);
        if (!quiet) {
            return now;
        }
        LocalDate day =
                time.isBefore(end) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        return day.atTime(end).atZone(zone.zone()).toInstant();
    }
}
