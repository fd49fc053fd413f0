package org.gridmend.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridmend.audit.AuditTrail;
import org.gridmend.core.CustomerTexts;
import org.gridmend.core.PublicIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the notifications an event causes into the outbox, in the caller's transaction (the process step's): one
 * row per customer, once per event whatever the number of their reports, by app push or else SMS, with the sentence
 * of the timeline. Nothing is sent here; {@link NotificationDispatcher} delivers after commit.
 */
@Service
public class NotificationService {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);
    static final int CHUNK = 500;

    private final NotificationMapper mapper;
    private final Recipients recipients;
    private final Outbox outbox;
    private final CustomerTexts texts;
    private final NotifyProperties properties;
    private final AuditTrail audit;
    private final Clock clock;

    NotificationService(
            NotificationMapper mapper,
            Recipients recipients,
            Outbox outbox,
            CustomerTexts texts,
            NotifyProperties properties,
            AuditTrail audit,
            Clock clock) {
        this.audit = audit;
        this.mapper = mapper;
        this.recipients = recipients;
        this.outbox = outbox;
        this.texts = texts;
        this.properties = properties;
        this.clock = clock;
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
        if (event == NotificationEvent.ACKNOWLEDGED && mapper.acknowledged(reportId)) {
            return 0; // a report is acknowledged once, whichever order it is on when its step runs again
        }
        Outbox.Scope scope = event == NotificationEvent.OUTAGE_NOTICE_ANSWER && report.noticeId() != null
                ? Outbox.Scope.notice(report.noticeId())
                : report.incidentId() != null
                        ? Outbox.Scope.incident(report.incidentId())
                        : Outbox.Scope.report(reportId);
        Outbox.Message message = new Outbox.Message(
                scope,
                report.incidentId(),
                reportId,
                report.noticeId(),
                texts.text("notify.title.report"),
                line.text());
        return outbox.write(event, message, List.of(recipient));
    }

    private int notifyIncident(NotificationEvent event, long incidentId) {
        NotificationMapper.IncidentFacts incident = mapper.incident(incidentId);
        if (incident == null) {
            return 0;
        }
        String orderId = PublicIds.incident(incidentId);
        Outbox.Message message;
        switch (event) {
            case OUTAGE_KNOWN -> {
                if (!corroborated(incidentId)) {
                    // one customer's unverified word does not text a whole area: held until something corroborates
                    told(incidentId);
                    mapper.markOutageKnown(incidentId, "HELD");
                    log.info("outage known held incidentId={}: not corroborated yet", incidentId);
                    return 0;
                }
                told(incidentId);
                mapper.markOutageKnown(incidentId, "TOLD");
                incident = mapper.incident(incidentId);
                message = new Outbox.Message(
                        Outbox.Scope.incident(incidentId),
                        incidentId,
                        null,
                        null,
                        texts.text("notify.title.outage"),
                        texts.text("notify.outage_known", orderId));
            }
            case MERGED_UPSTREAM -> {
                if (incident.mergedIntoId() == null) {
                    return 0;
                }
                NotificationMapper.IncidentFacts parent = mapper.incident(incident.mergedIntoId());
                NotificationMapper.TimelineLine now = mapper.latestIncidentLine(parent.id(), null);
                message = new Outbox.Message(
                        Outbox.Scope.incident(incidentId),
                        incidentId,
                        null,
                        null,
                        texts.text("notify.title.outage"),
                        texts.text(
                                "notify.merged_upstream",
                                PublicIds.incident(parent.id()),
                                parent.reports(),
                                now == null ? "" : now.text()));
            }
            default -> {
                NotificationMapper.TimelineLine line = mapper.latestIncidentLine(incidentId, event.timelineType());
                if (line == null) {
                    log.warn(
                            "nothing to tell for event={} incidentId={}: no {} line on the timeline",
                            event,
                            incidentId,
                            event.timelineType());
                    return 0;
                }
                if (event == NotificationEvent.ETR_CHANGED && !etrMovedEnough(incident)) {
                    return 0;
                }
                if (event == NotificationEvent.ETR_CHANGED || event == NotificationEvent.DIAGNOSED) {
                    told(incidentId);
                    mapper.updateEtrNotified(incidentId, incident.etr());
                }
                message = new Outbox.Message(
                        Outbox.Scope.incidentLine(incidentId, line.id()),
                        incidentId,
                        null,
                        null,
                        texts.text("notify.title.repair"),
                        line.text());
            }
        }
        Map<String, Recipient> reporters = recipients.reportersOf(incident);
        int written = outbox.write(event, message, recipients.ofIncident(event, incident, reporters));
        if (event == NotificationEvent.RESTORED) {
            written += askReportersToConfirm(incident, reporters.values());
        }
        return written;
    }

    /** Makes sure the incident has its row of what its customers were told (a concurrent writer may make it). */
    private void told(long incidentId) {
        try {
            mapper.ensureTold(incidentId);
        } catch (DuplicateKeyException raced) {
            // created by a concurrent step on the same incident
        }
    }

    /**
     * Whether something beyond one customer's unverified word says the outage is real: reports from at least
     * {@code corroboration.minCustomers} customers, a signed-in customer's report or a meter's last gasp, an outage
     * notice, a meter that answered dark, a crew's or dispatcher's finding, or the crew on site.
     */
    boolean corroborated(long incidentId) {
        NotificationMapper.Corroboration c = mapper.corroboration(incidentId);
        return c.customers() >= properties.corroboration().minCustomers()
                || c.verified() > 0
                || c.notices() > 0
                || c.darkMeters() > 0
                || c.findings() > 0
                || c.confirmed() > 0;
    }

    /**
     * Tells the area of an incident whose "outage known" was held, once it is corroborated (called wherever new
     * evidence lands on it); each customer hears it once, whoever calls first.
     */
    @Transactional
    public int announceIfCorroborated(long incidentId) {
        NotificationMapper.IncidentFacts incident = mapper.incident(incidentId);
        if (incident == null
                || !"HELD".equals(incident.outageKnown())
                || !"OPEN".equals(incident.state())
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
        Outbox.Message confirm = new Outbox.Message(
                Outbox.Scope.incident(incident.id()),
                incident.id(),
                null,
                null,
                texts.text("notify.title.report"),
                texts.text("report.restored", PublicIds.incident(incident.id())));
        return outbox.write(NotificationEvent.CONFIRMATION_REQUEST, confirm, reporters);
    }

    /** A new ETR is worth a message only when it moved by at least {@code etrMinChange} since the last one told. */
    private boolean etrMovedEnough(NotificationMapper.IncidentFacts incident) {
        return incident.etr() != null
                && (incident.etrNotified() == null
                        || Duration.between(incident.etrNotified(), incident.etr())
                                        .abs()
                                        .compareTo(properties.etrMinChange())
                                >= 0);
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
        String text = texts.text(
                key,
                texts.time(notice.startsAt()),
                texts.time(notice.expectedEndAt()),
                notice.reason() == null ? "" : notice.reason());
        Outbox.Message message = new Outbox.Message(
                Outbox.Scope.notice(noticeId), null, null, noticeId, texts.text("notify.title.notice"), text);
        return outbox.write(event, message, recipients.below(notice.deviceId()));
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
