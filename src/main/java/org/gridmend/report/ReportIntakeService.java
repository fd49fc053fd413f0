package org.gridmend.report;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.gridmend.core.CustomerTexts;
import org.gridmend.core.PublicIds;
import org.gridmend.core.Refusal;
import org.gridmend.core.StaffUser;
import org.gridmend.customer.CustomerSession;
import org.gridmend.customer.PhoneNumbers;
import org.gridmend.grid.GeoPoint;
import org.gridmend.notify.NotificationService;
import org.gridmend.outage.NoticeType;
import org.gridmend.outage.OutageNoticeRecord;
import org.gridmend.outage.OutageNoticeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Intake: what happens before the customer gets an answer, and nothing more. The report is validated, checked
 * against the rate limits and its request id, and stored, in one transaction that commits before the answer is
 * sent; its FaultReport process is started right after by {@link FaultReportStarter}, which picks up every stored
 * report whose process has not started (the report row is the outbox). The answer tells what is already known: an
 * outage notice that covers the place, or the open incident the report will join. Locating, judging and merging
 * run in the process.
 */
@Service
public class ReportIntakeService {

    private static final Logger log = LoggerFactory.getLogger(ReportIntakeService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ReportMapper reports;
    private final IntakeChecks checks;
    private final IncidentDirectory incidents;
    private final OutageNoticeService notices;
    private final IntakeRateLimiter rateLimiter;
    private final FaultReportStarter starter;
    private final CustomerTexts texts;
    private final NotificationService notifications;
    private final AuditTrail audit;
    private final Clock clock;
    private final ObjectMapper json;
    private final ObjectMapper canonical;

    ReportIntakeService(
            ReportMapper reports,
            IntakeChecks checks,
            IncidentDirectory incidents,
            OutageNoticeService notices,
            IntakeRateLimiter rateLimiter,
            FaultReportStarter starter,
            CustomerTexts texts,
            NotificationService notifications,
            AuditTrail audit,
            Clock clock,
            ObjectMapper json) {
        this.audit = audit;
        this.reports = reports;
        this.checks = checks;
        this.incidents = incidents;
        this.notices = notices;
        this.rateLimiter = rateLimiter;
        this.starter = starter;
        this.texts = texts;
        this.notifications = notifications;
        this.clock = clock;
        this.json = json;
        this.canonical = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    /** The answer, and whether this request created the report (201) or repeated an earlier one (200). */
    public record Submitted(ReportAnswer answer, boolean created) {}

    @Transactional
    public Submitted submit(ReportRequest request, String clientAddress) {
        return submit(request, clientAddress, null);
    }

    /**
     * A report, from a signed-in customer when {@code session} is given: for one of the session's customer numbers it
     * is verified (messages may then reach the verified phone, and an APP report binds the app for pushes).
     */
    @Transactional
    public Submitted submit(ReportRequest typed, String clientAddress, CustomerSession session) {
        ReportRequest request = checks.withMobile(typed);
        if (blank(request.customerNo()) && request.location() == null) {
            throw Refusal.invalid(
                    "MISSING_FIELD", "customerNo", "give customerNo or location (or both): a report needs a place");
        }
        boolean unknownCustomer = checks.unknownCustomer(request);
        String hash = hash(request);
        if (request.channel() != Channel.AMI) {
            try {
                rateLimiter.check(request, clientAddress);
            } catch (Refusal limited) {
                // A request that was already accepted is a replay, not one report too many.
                ReportRecord original = reports.findByRequestId(request.requestId());
                if (original != null) {
                    return replay(original, hash);
                }
                throw limited;
            }
        }
        Instant now = clock.instant();
        GeoPoint wgs84 = request.location() == null
                ? null
                : request.location()
                        .system()
                        .toWgs84(request.location().lat(), request.location().lng());

        ReportMapper.NewReport report = new ReportMapper.NewReport();
        report.requestId = request.requestId();
        report.requestHash = hash;
        report.trackingToken = newToken();
        report.channel = request.channel();
        report.customerNo = trimToNull(request.customerNo());
        report.phone = trimToNull(request.phone());
        report.lat = wgs84 == null ? null : wgs84.lat();
        report.lng = wgs84 == null ? null : wgs84.lng();
        report.coordSys =
                request.location() == null ? null : request.location().system().name();
        report.address = trimToNull(request.address());
        report.description = trimToNull(request.description());
        report.onlyMyHome = request.onlyMyHome();
        report.verifiedPhone =
                session != null && session.holds(report.customerNo) ? PhoneNumbers.national(session.phone()) : null;
        report.clientAddress = clientAddress;
        report.status = ReportStatus.RECEIVED;
        report.createdAt = now;

        IncidentDirectory.Foresight foresight = incidents.foresee(ReportRecord.beforeTriage(report));
        StoredAnswer stored = answer(foresight);
        if (unknownCustomer) {
            stored = stored.withMessage(texts.text("report.customer_unknown", report.customerNo) + stored.message());
        }
        report.answer = toJson(stored);
        try {
            reports.insert(report);
        } catch (DuplicateKeyException sameRequestAgain) {
            // The request id is taken: a retry (same answer) or a reuse for another report (409).
            return replay(reports.findByRequestId(request.requestId()), hash);
        }
        if (request.channel() == Channel.APP && report.verifiedPhone != null) {
            // a signed-in customer's app is bound to this customer number: pushes instead of SMS from now on
            notifications.registerApp(report.customerNo);
        }
        // from the customer, the hotline agent who took the call, or (channel AMI, the system) a meter's last gasp
        AuditEntry received = AuditEntry.of("REPORT_RECEIVED")
                .about(report.customerNo)
                .detail("verified", report.verifiedPhone != null);
        String agent = StaffUser.current();
        if (request.channel() != Channel.AMI) {
            received = agent != null ? received.user(agent) : received.customer(report.customerNo);
        }
        audit.record(received.at(now)
                .report(report.id)
                .detail("channel", request.channel())
                .detail("requestId", report.requestId)
                .detail("location", report.coordSys)
                .detail("onlyMyHome", report.onlyMyHome)
                .detail("foreseenIncident", PublicIds.incident(foresight.incidentId()))
                .detail("foreseenNotice", PublicIds.notice(foresight.noticeId())));
        starter.startAfterCommit();
        log.info(
                "report received reportId={} channel={} foreseenIncidentId={} foreseenNoticeId={}",
                report.id,
                request.channel(),
                foresight.incidentId(),
                foresight.noticeId());
        return new Submitted(stored.answer(PublicIds.report(report.id), report.trackingToken), true);
    }

    private Submitted replay(ReportRecord earlier, String hash) {
        if (!earlier.requestHash().equals(hash)) {
            throw new Refusal(
                    Refusal.Kind.CONFLICT,
                    "REQUEST_ID_REUSED",
                    "requestId " + earlier.requestId()
                            + " was already used for a different report; choose a new requestId for a new report",
                    "requestId");
        }
        return new Submitted(StoredAnswer.of(json, earlier).answer(earlier.publicId(), earlier.trackingToken()), false);
    }

    private StoredAnswer answer(IncidentDirectory.Foresight foresight) {
        if (foresight.noticeId() != null) {
            OutageNoticeRecord notice = notices.find(foresight.noticeId()).orElseThrow();
            String key = notice.type() == NoticeType.PLANNED ? "report.planned" : "report.fault_notice";
            return new StoredAnswer(
                    ReportStatus.RECEIVED,
                    null,
                    false,
                    texts.text(
                            key,
                            texts.time(notice.startsAt()),
                            texts.time(notice.expectedEndAt()),
                            notice.reason() == null ? "" : notice.reason()));
        }
        if (foresight.incidentId() != null) {
            String incident = PublicIds.incident(foresight.incidentId());
            return new StoredAnswer(
                    ReportStatus.RECEIVED,
                    incident,
                    true,
                    texts.text("report.joined", incident, foresight.reportsOnIncident()));
        }
        return new StoredAnswer(ReportStatus.RECEIVED, null, false, texts.text("report.received"));
    }

    /** SHA-256 of the request in a canonical form: the same fields give the same hash, whatever their order. */
    private String hash(ReportRequest request) {
        try {
            Map<?, ?> fields = canonical.convertValue(request, TreeMap.class);
            byte[] bytes = canonical.writeValueAsBytes(fields);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String toJson(StoredAnswer answer) {
        try {
            return json.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 256 random bits: the tracking token is the only key to a report's page. */
    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trimToNull(String s) {
        return blank(s) ? null : s.trim();
    }
}
