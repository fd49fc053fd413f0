package org.gridmend.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.gridmend.grid.TopologyService;
import org.gridmend.core.PublicIds;
import org.gridmend.core.CustomerTexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the notifications an event causes into the outbox, in the caller's transaction (the process step's): one
 * row per customer, each customer once per event whatever the number of their reports, by app push when they have
 * the app and by SMS otherwise. Nothing is sent here; {@link NotificationDispatcher} delivers after commit.
 * The message is the same sentence the customer reads on the timeline.
 */
@Service
public class NotificationService {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final int CHUNK = 500;

    private final NotificationMapper mapper;
    private final TopologyService topology;
    private final CustomerTexts texts;
    private final NotifyProperties properties;
    private final AuditTrail audit;
    private final Clock clock;

    NotificationService(NotificationMapper mapper, TopologyService topology, CustomerTexts texts,
                        NotifyProperties properties, AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.mapper = mapper;
        this.topology = topology;
        this.texts = texts;
        this.properties = properties;
        this.clock = clock;
    }

    /** What one event says to whom: the rows to write, before deduplication. */
    private record Message(String scopeKey, Long incidentId, Long reportId, Long noticeId, String title, String text) {
    }

    /**
     * Notifies everyone {@code event} concerns. {@code reportId}, {@code incidentId} or {@code noticeId} names what it
     * is about, by the event's scope. Returns the number of notifications written (0 when all were told already).
     */
    @Transactional
    public int notify(NotificationEvent event, Long reportId, Long incidentId, Long noticeId) {
        return switch (event.scope()) {
            case REPORT -> notifyReporter(event, required(reportId, "reportId", event));
            case INCIDENT -> notifyIncident(event, required(incidentId, "incidentId", event));
            case NOTICE -> notifyNotice(event, required(noticeId, "noticeId", event));
        };
    }

    private static long required(Long id, String name, NotificationEvent event) {
        if (id == null) {
            throw new IllegalArgumentException(event + " needs the process variable " + name);
        }
        return id;
    }

    private int notifyReporter(NotificationEvent event, long reportId) {
        NotificationMapper.ReportFacts report = mapper.report(reportId);
        Recipient recipient = mapper.reporterOf(reportId);
        NotificationMapper.TimelineLine line = mapper.latestReportLine(reportId, event.timelineType());
        if (report == null || recipient == null || line == null) {
            return 0;
        }
        String scope = event == NotificationEvent.OUTAGE_NOTICE_ANSWER && report.noticeId() != null
                ? "N" + report.noticeId()
                : report.incidentId() != null ? "I" + report.incidentId() : "R" + reportId;
        Message message = new Message(scope, report.incidentId(), reportId, report.noticeId(),
                texts.text("notify.title.report"), line.text());
        return write(event, message, List.of(recipient));
    }

    private int notifyIncident(NotificationEvent event, long incidentId) {
        NotificationMapper.IncidentFacts incident = mapper.incident(incidentId);
        if (incident == null) {
            return 0;
        }
        String orderId = PublicIds.incident(incidentId);
        Message message;
        switch (event) {
            case OUTAGE_KNOWN -> {
                if (!corroborated(incidentId)) {
                    // one customer's unverified word does not text a whole area: held until something corroborates
                    mapper.markOutageKnown(incidentId, "HELD");
                    log.info("outage known held incidentId={}: not corroborated yet", incidentId);
                    return 0;
                }
                mapper.markOutageKnown(incidentId, "TOLD");
                incident = mapper.incident(incidentId);
                message = new Message("I" + incidentId, incidentId, null, null,
                        texts.text("notify.title.outage"), texts.text("notify.outage_known", orderId));
            }
            case MERGED_UPSTREAM -> {
                if (incident.mergedIntoId() == null) {
                    return 0;
                }
                NotificationMapper.IncidentFacts parent = mapper.incident(incident.mergedIntoId());
                NotificationMapper.TimelineLine now = mapper.latestIncidentLine(parent.id(), null);
                message = new Message("I" + incidentId, incidentId, null, null, texts.text("notify.title.outage"),
                        texts.text("notify.merged_upstream", PublicIds.incident(parent.id()), parent.reports(),
                                now == null ? "" : now.text()));
            }
            default -> {
                NotificationMapper.TimelineLine line = mapper.latestIncidentLine(incidentId, event.timelineType());
                if (line == null) {
                    log.warn("nothing to tell for event={} incidentId={}: no {} line on the timeline", event,
                            incidentId, event.timelineType());
                    return 0;
                }
                if (event == NotificationEvent.ETR_CHANGED && !etrMovedEnough(incident)) {
                    return 0;
                }
                if (event == NotificationEvent.ETR_CHANGED || event == NotificationEvent.DIAGNOSED) {
                    mapper.updateEtrNotified(incidentId, incident.etr());
                }
                message = new Message("I" + incidentId + "#" + line.id(), incidentId, null, null,
                        texts.text("notify.title.repair"), line.text());
            }
        }
        Map<String, Recipient> reporters = reportersOf(incident);
        int written = write(event, message, incidentRecipients(event, incident, reporters));
        if (event == NotificationEvent.RESTORED) {
            written += askReportersToConfirm(incident, reporters.values());
        }
        return written;
    }

    /**
     * Whether something beyond one customer's unverified word says the outage is real: reports from at least
     * {@code corroboration.minCustomers} customers, a signed-in customer's report or a meter's last gasp, an outage
     * notice, a meter that answered dark, a crew's or dispatcher's finding, or the crew on site.
     */
    boolean corroborated(long incidentId) {
        NotificationMapper.Corroboration c = mapper.corroboration(incidentId);
        return c.customers() >= properties.corroboration().minCustomers() || c.verified() > 0 || c.notices() > 0
                || c.darkMeters() > 0 || c.findings() > 0 || c.confirmed() > 0;
    }

    /**
     * Tells the area of an incident whose "outage known" was held, once it is corroborated (called wherever new
     * evidence lands on it); each customer hears it once, whoever calls first.
     */
    @Transactional
    public int announceIfCorroborated(long incidentId) {
        NotificationMapper.IncidentFacts incident = mapper.incident(incidentId);
        if (incident == null || !"HELD".equals(incident.outageKnown()) || !"OPEN".equals(incident.state())
                || !corroborated(incidentId)) {
            return 0;
        }
        return notify(NotificationEvent.OUTAGE_KNOWN, null, incidentId, null);
    }

    /**
     * The restoration tells the reporters too, at the same moment and in one step: "power restored, please confirm",
     * the words their FaultReport's *Ask whether power is back* adds to their timeline. That step's own
     * confirmation request then finds them told (same dedupe key) and writes nothing, so ten thousand reporters do not
     * wait for ten thousand process steps to hear that power is back.
     */
    private int askReportersToConfirm(NotificationMapper.IncidentFacts incident, Collection<Recipient> reporters) {
        Message confirm = new Message("I" + incident.id(), incident.id(), null, null, texts.text("notify.title.report"),
                texts.text("report.restored", PublicIds.incident(incident.id())));
        return write(NotificationEvent.CONFIRMATION_REQUEST, confirm, reporters);
    }

    /** A new ETR is worth a message only when it moved by at least {@code etrMinChange} since the last one told. */
    private boolean etrMovedEnough(NotificationMapper.IncidentFacts incident) {
        if (incident.etr() == null) {
            return false;
        }
        if (incident.etrNotified() == null) {
            return true;
        }
        return Duration.between(incident.etrNotified(), incident.etr()).abs().compareTo(properties.etrMinChange()) >= 0;
    }

    /** The incident's reporters, each customer once however many reports they made. */
    private Map<String, Recipient> reportersOf(NotificationMapper.IncidentFacts incident) {
        Map<String, Recipient> reporters = new LinkedHashMap<>();
        mapper.reportersOfIncident(incident.id()).forEach(r -> reporters.putIfAbsent(r.key(), r));
        return reporters;
    }

    private Collection<Recipient> incidentRecipients(NotificationEvent event, NotificationMapper.IncidentFacts incident,
                                                     Map<String, Recipient> reporters) {
        Map<String, Recipient> all = new LinkedHashMap<>();
        if (event.audience() == NotificationEvent.Audience.ALL) {
            all.putAll(reporters);
        }
        // customers who did not report hear of an incident only once its outage is corroborated (and told)
        boolean area = event == NotificationEvent.OUTAGE_KNOWN || incident.areaTold();
        if (event == NotificationEvent.MERGED_UPSTREAM && !area) {
            // the merged order never told its area: only its own reporters (now on the upstream order) hear
            Map<String, Recipient> upstream = incident.mergedIntoId() == null ? Map.of()
                    : reportersOf(mapper.incident(incident.mergedIntoId()));
            for (Recipient r : below(incident.deviceId())) {
                if (upstream.containsKey(r.key())) {
                    all.putIfAbsent(r.key(), upstream.get(r.key()));
                }
            }
            return all.values();
        }
        if (incident.deviceId() != null && area) {
            for (Recipient r : below(incident.deviceId())) {
                if (event.audience() == NotificationEvent.Audience.ALL || !reporters.containsKey(r.key())) {
                    all.putIfAbsent(r.key(), r);
                }
            }
        }
        if (event == NotificationEvent.OUTAGE_KNOWN) {
            // customers of incidents merged into this one heard of the outage already: no repeat
            mapper.toldOnMergedChildren(incident.id(), event.name()).forEach(all::remove);
            mapper.toldOnMergedChildren(incident.id(), NotificationEvent.ACKNOWLEDGED.name()).forEach(all::remove);
            // and customers a fault outage notice on this incident told already
            mapper.toldByFaultNotice(incident.id()).forEach(all::remove);
        }
        return all.values();
    }

    private List<Recipient> below(String deviceId) {
        List<String> transformers = topology.find(deviceId).map(n -> topology.downstream(deviceId).transformerIds())
                .orElse(List.of());
        List<Recipient> recipients = new ArrayList<>();
        for (int i = 0; i < transformers.size(); i += CHUNK) {
            recipients.addAll(mapper.customersOfTransformers(transformers.subList(i, Math.min(i + CHUNK,
                    transformers.size()))));
        }
        return recipients;
    }

    private int notifyNotice(NotificationEvent event, long noticeId) {
        NotificationMapper.NoticeFacts notice = mapper.notice(noticeId);
        if (notice == null) {
            return 0;
        }
        String key = switch (event) {
            case NOTICE_WEEK_BEFORE, NOTICE_DAY_BEFORE -> "notify.notice_planned";
            case NOTICE_FAULT -> "notify.notice_fault";
            case NOTICE_CANCELLED -> "notify.notice_cancelled";
            default -> "notify.notice_ended";
        };
        String text = texts.text(key, CustomerTexts.time(notice.startsAt()), CustomerTexts.time(notice.expectedEndAt()),
                notice.reason() == null ? "" : notice.reason());
        Message message = new Message("N" + noticeId, null, null, noticeId, texts.text("notify.title.notice"), text);
        return write(event, message, below(notice.deviceId()));
    }

    private int write(NotificationEvent event, Message message, Collection<Recipient> recipients) {
        Instant now = clock.instant();
        Instant due = event.quiet() ? afterQuietHours(now) : now;
        List<NotificationMapper.NewNotification> rows = new ArrayList<>();
        for (Recipient recipient : recipients) {
            String channel = recipient.channel();
            if (channel == null) {
                continue;
            }
            NotificationMapper.NewNotification row = new NotificationMapper.NewNotification();
            row.messageId = UUID.randomUUID().toString();
            row.dedupeKey = recipient.key() + "|" + event.name() + "|" + message.scopeKey();
            row.eventType = event.name();
            row.incidentId = message.incidentId();
            row.reportId = message.reportId();
            row.noticeId = message.noticeId();
            row.customerNo = recipient.customerNo();
            row.phone = recipient.phone();
            row.channel = channel;
            row.template = "notify." + event.name().toLowerCase(java.util.Locale.ROOT);
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
            audit.record(AuditEntry.of("NOTIFICATIONS_QUEUED").at(now).report(message.reportId())
                    .incident(message.incidentId()).notice(message.noticeId())
                    .about(rows.size() == 1 ? rows.get(0).customerNo : null).detail("event", event)
                    .detail("recipients", rows.size()).detail("written", written)
                    .detail("sms", rows.stream().filter(r -> "SMS".equals(r.channel)).count())
                    .detail("push", rows.stream().filter(r -> "PUSH".equals(r.channel)).count()));
        }
        if (rows.size() > 1) {
            log.info("notifications written event={} scope={} recipients={} written={}", event, message.scopeKey(),
                    rows.size(), written);
        } else {
            // one reporter's message: thousands of these in a restoration would drown the log
            log.debug("notification written event={} scope={} written={}", event, message.scopeKey(), written);
        }
        return written;
    }

    /**
     * Inserts the rows whose dedupe key is new. A concurrent writer may win the race for a key in between: then the
     * rows go one by one and the duplicates are skipped (a failed statement leaves the transaction usable on H2 and
     * MariaDB).
     */
    private int insertNew(List<NotificationMapper.NewNotification> chunk) {
        Set<String> existing = new HashSet<>(mapper.existingKeys(chunk.stream().map(r -> r.dedupeKey).toList()));
        List<NotificationMapper.NewNotification> fresh = chunk.stream().filter(r -> !existing.contains(r.dedupeKey))
                .toList();
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
        ZonedDateTime local = now.atZone(CHINA);
        LocalTime start = properties.quietHours().start();
        LocalTime end = properties.quietHours().end();
        LocalTime time = local.toLocalTime();
        boolean quiet = start.isAfter(end) ? !time.isBefore(start) || time.isBefore(end)
                : !time.isBefore(start) && time.isBefore(end);
        if (!quiet) {
            return now;
        }
        LocalDate day = time.isBefore(end) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        return day.atTime(end).atZone(CHINA).toInstant();
    }

    /**
     * A customer's sign-in code, by SMS through the outbox like every message (the development gateway's inbox shows
     * it in the demo). The code is in this message only: GridMend keeps just its hash.
     */
    @Transactional
    public void sendSignInCode(String phone, String code, long codeId, long minutes) {
        Instant now = clock.instant();
        NotificationMapper.NewNotification row = new NotificationMapper.NewNotification();
        row.messageId = UUID.randomUUID().toString();
        row.dedupeKey = "P:" + phone + "|SIGN_IN_CODE|" + codeId;
        row.eventType = "SIGN_IN_CODE";
        row.phone = phone;
        row.channel = "SMS";
        row.template = "notify.sign_in_code";
        row.title = texts.text("notify.title.sign_in");
        row.text = properties.smsSignature() + texts.text("notify.sign_in_code", code, minutes);
        row.nextAttemptAt = now;
        row.createdAt = now;
        mapper.insertOne(row);
    }

    /** A customer using the app: pushes instead of SMS from now on. */
    @Transactional
    public void registerApp(String customerNo) {
        if (customerNo != null && mapper.isRegistered(customerNo) == 0) {
            try {
                mapper.register(customerNo, clock.instant());
            } catch (DuplicateKeyException raced) {
                // registered by a concurrent report
            }
        }
    }
}
