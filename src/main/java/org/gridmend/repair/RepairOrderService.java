package org.gridmend.repair;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.RuntimeService;
import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.gridmend.grid.GeoMath;
import org.gridmend.notify.CustomerTexts;
import org.gridmend.notify.NotificationService;
import org.gridmend.privacy.Pii;
import org.gridmend.process.FormTimes;
import org.gridmend.process.ProcessConstants;
import org.gridmend.security.StaffUser;
import org.gridmend.triage.FaultFindingService;
import org.gridmend.triage.IncidentService;
import org.gridmend.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of a repair order, each recorded on the incident and, where customers care, on its timeline: accepted,
 * declined or lapsed, arrived (checked against the crew's position), late, diagnosed, ETR changed, restored (and
 * every report told, batch by batch), reviewed, and the crew's rating once the customers have rated.
 */
@Service
public class RepairOrderService {

    private static final Logger log = LoggerFactory.getLogger(RepairOrderService.class);
    static final int MAX_NOTE_CHARS = 2000;

    private final RepairOrderMapper orders;
    private final CrewMapper crews;
    private final DispatchService dispatch;
    private final IncidentService incidents;
    private final FaultFindingService findings;
    private final NotificationService notifications;
    private final RuntimeService runtime;
    private final CustomerTexts texts;
    private final RepairProperties properties;
    private final AuditTrail audit;
    private final Clock clock;

    RepairOrderService(RepairOrderMapper orders, CrewMapper crews, DispatchService dispatch,
                       IncidentService incidents, FaultFindingService findings, RuntimeService runtime,
                       CustomerTexts texts, RepairProperties properties, AuditTrail audit,
                       NotificationService notifications, Clock clock) {
        this.notifications = notifications;
        this.findings = findings;
        this.audit = audit;
        this.orders = orders;
        this.crews = crews;
        this.dispatch = dispatch;
        this.incidents = incidents;
        this.runtime = runtime;
        this.texts = texts;
        this.properties = properties;
        this.clock = clock;
    }

    public RepairOrderRecord order(long incidentId) {
        return orders.find(incidentId);
    }

    /**
     * The crew's answer in "Accept repair order": accepted (the customers hear who comes and when) or declined with
     * a reason (the next crew is tried). Returns whether it accepted.
     */
    @Transactional
    public boolean recordAnswer(long incidentId, Object decision, Object reason, String actor) {
        if (!"ACCEPT".equals(decision) && !"DECLINE".equals(decision)) {
            throw TaskRefusal.refuse(ProcessConstants.ACCEPT_DECISION, "请选择接单或拒单",
                    "acceptDecision must be ACCEPT or DECLINE");
        }
        if ("DECLINE".equals(decision)) {
            Codes.DeclineReason why = Codes.parse(Codes.DeclineReason.class, reason, null,
                    ProcessConstants.DECLINE_REASON);
            release(incidentId, "DECLINED", why.name(), actor);
            return false;
        }
        RepairOrderRecord order = orders.find(incidentId);
        CrewRecord crew = crews.crew(order.crewId());
        Instant now = clock.instant();
        orders.endAttempt(incidentId, crew.id(), "ACCEPTED", null, now);
        orders.accept(incidentId, now);
        event(incidentId, "ACCEPTED", texts.text("incident.accepted", crew.employeeNo(), Pii.maskName(crew.name()),
                CustomerTexts.time(order.eta())), actor, "crew", crew.id(), "eta", order.eta());
        log.info("repair order accepted incidentId={} crewId={}", incidentId, crew.id());
        return true;
    }

    /** The accept window passed without an answer: the offer lapses and the next crew is tried. */
    @Transactional
    public void lapse(long incidentId) {
        release(incidentId, "LAPSED", null, null);
    }

    /**
     * Merged into an upstream incident: an open offer is withdrawn and the crew is free again (a merged incident
     * no longer counts towards its open orders). A crew that had accepted stays on record as the one that came.
     */
    @Transactional
    public void releaseCrew(long incidentId) {
        release(incidentId, "CANCELLED", "MERGED", null);
    }

    private void release(long incidentId, String outcome, String reason, String byUser) {
        RepairOrderRecord order = orders.find(incidentId);
        if (order.crewId() == null) {
            return;
        }
        orders.endAttempt(incidentId, order.crewId(), outcome, reason, clock.instant());
        audit.record(AuditEntry.of("OFFER_" + outcome).incident(incidentId).crew(order.crewId()).user(byUser)
                .detail("reason", reason));
        if (order.acceptedAt() == null) {
            orders.clearCrew(incidentId);
        }
        log.info("repair order released incidentId={} crewId={} outcome={}", incidentId, order.crewId(), outcome);
    }

    /**
     * "Confirm arrival": the crew's last reported position must be fresh and within the arrival radius of the
     * fault, else the confirmation is refused with a message the crew sees in Tasklist and the task stays open.
     */
    @Transactional
    public void arrive(long incidentId, String actor) {
        RepairOrderRecord order = orders.find(incidentId);
        CrewRecord crew = crews.crew(order.crewId());
        long freshMinutes = properties.positionFreshness().toMinutes();
        Instant fresh = clock.instant().minus(properties.positionFreshness());
        if (crew.lastLat() == null || crew.lastPositionAt() == null || crew.lastPositionAt().isBefore(fresh)) {
            throw TaskRefusal.refuse("position", "没有收到您最近 " + freshMinutes + " 分钟内的位置，请打开定位后重试。",
                    "no position from your phone in the last " + freshMinutes
                            + " minutes: share your location, then try again");
        }
        double distance = order.lat() == null ? 0
                : GeoMath.distanceM(crew.lastLat(), crew.lastLng(), order.lat(), order.lng());
        if (!(distance <= properties.arrivalRadiusM())) { // a NaN position is never "here"
            throw TaskRefusal.refuse("position",
                    String.format(Locale.ROOT, "您距离故障点还有 %.1f 公里，到达后再确认。", distance / 1000),
                    String.format(Locale.ROOT, "you are %.1f km from the fault; confirm when you are within %d m",
                            distance / 1000, Math.round(properties.arrivalRadiusM())));
        }
        orders.arrive(incidentId, clock.instant(), distance);
        notifications.announceIfCorroborated(incidentId); // the crew on site confirms the outage
        event(incidentId, "ARRIVED", texts.text("incident.arrived"), actor, "crew", crew.id(),
                "crewLat", crew.lastLat(), "crewLng", crew.lastLng(), "positionAt", crew.lastPositionAt(),
                "distanceM", Math.round(distance), "deadline", order.arrivalDeadline());
        log.info("crew arrived incidentId={} crewId={} distanceM={}", incidentId, crew.id(), Math.round(distance));
    }

    /** The arrival commitment passed: customers hear of the delay with a new ETA. */
    @Transactional
    public void announceDelay(long incidentId) {
        RepairOrderRecord order = orders.find(incidentId);
        Instant eta = newEta(order);
        orders.markLate(incidentId, eta);
        event(incidentId, "DELAYED", texts.text("incident.delayed", CustomerTexts.time(eta)), null,
                "crew", order.crewId(), "eta", eta, "deadline", order.arrivalDeadline());
        log.info("arrival commitment missed incidentId={} crewId={}", incidentId, order.crewId());
    }

    private Instant newEta(RepairOrderRecord order) {
        Instant now = clock.instant();
        if (order.crewId() == null) {
            return now.plus(Duration.ofMinutes(30));
        }
        CrewRecord crew = crews.crew(order.crewId());
        double[] at = dispatch.position(crew);
        if (at == null || order.lat() == null) {
            return now.plus(Duration.ofMinutes(30));
        }
        double metres = GeoMath.distanceM(at[0], at[1], order.lat(), order.lng()) * properties.roadFactor();
        double metresPerSecond = properties.speedKmh().of(order.areaType()) / 3.6;
        return now.plus(Duration.ofSeconds(Math.round(metres / metresPerSecond) + 300));
    }

    /** "Diagnose fault": a cause from the standard list and an ETR that is not in the past. */
    @Transactional
    public void diagnose(long incidentId, Object cause, Object etr, String faultDeviceId, String byUser) {
        Codes.Cause known = Codes.parse(Codes.Cause.class, cause, null, ProcessConstants.CAUSE);
        Instant when = formTime(etr, ProcessConstants.ETR);
        if (when.isBefore(clock.instant().minus(Duration.ofMinutes(5)))) {
            throw TaskRefusal.refuse(ProcessConstants.ETR, "预计恢复时间不能早于现在。", "the ETR must not lie in the past");
        }
        if (faultDeviceId != null && !faultDeviceId.isBlank()) {
            try {
                findings.crewFound(incidentId, faultDeviceId.trim(), byUser);
            } catch (IllegalArgumentException notBelow) {
                throw TaskRefusal.refuse(ProcessConstants.FAULT_DEVICE_ID, "只能选择本工单的预测故障设备或其下游设备。",
                        "choose the order's predicted device or one below it");
            }
        }
        orders.diagnose(incidentId, known.name(), when, clock.instant());
        notifications.announceIfCorroborated(incidentId);
        event(incidentId, "DIAGNOSED", texts.text("incident.diagnosed", known.chinese(), CustomerTexts.time(when)),
                byUser, "cause", known, "etr", when);
    }

    /**
     * A crew's new ETR while the repair runs: stored, and the process's "ETR updated" event tells the customers.
     * Only while "Complete repair" is open.
     */
    @Transactional
    public void changeEtr(RepairOrderRecord order, String etr) {
        Instant when;
        try {
            when = parseTime(etr, ProcessConstants.ETR);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_FIELD", ProcessConstants.ETR, e.getMessage());
        }
        if (when.isBefore(clock.instant())) {
            throw ApiException.badRequest("INVALID_FIELD", ProcessConstants.ETR, "etr must not lie in the past");
        }
        String key = order.publicId();
        boolean repairing = runtime.createExecutionQuery().processInstanceBusinessKey(key)
                .messageEventSubscriptionName(ProcessConstants.MESSAGE_ETR_UPDATED).count() > 0;
        if (!repairing) {
            throw ApiException.conflict("NOT_UNDER_REPAIR", ProcessConstants.ETR, "repair order " + key
                    + " is not under repair: the ETR can change only while \"Complete repair\" is open");
        }
        orders.updateEtr(order.id(), when);
        audit.record(AuditEntry.of("ETR_SET").incident(order.id()).user(StaffUser.current())
                .detail("etr", when).detail("previousEtr", order.etr()));
        runtime.createMessageCorrelation(ProcessConstants.MESSAGE_ETR_UPDATED).processInstanceBusinessKey(key)
                .correlateWithResult();
    }

    /** A crew's note on the order (free text stays in GridMend's table, never in the process). */
    @Transactional
    public RepairOrderMapper.Note addNote(RepairOrderRecord order, String author, String text) {
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest("MISSING_FIELD", "text", "text is required");
        }
        if (text.length() > MAX_NOTE_CHARS) {
            throw ApiException.badRequest("INVALID_FIELD", "text", "text must not exceed " + MAX_NOTE_CHARS
                    + " characters");
        }
        requireWorkable(order);
        Instant now = clock.instant();
        orders.insertNote(order.id(), now, author, text.strip());
        audit.record(AuditEntry.of("NOTE_ADDED").at(now).incident(order.id()).user(author)
                .detail("text", text.strip()));
        List<RepairOrderMapper.Note> notes = orders.notes(order.id());
        return notes.get(notes.size() - 1);
    }

    /**
     * An on-site photo: JPEG or PNG by its first bytes (whatever the client claims), at most the configured size,
     * decoded and stored re-encoded without any metadata ({@link PhotoCleaner}) with the incident. Customers on the
     * incident see it on their tracking page.
     */
    @Transactional
    public RepairOrderMapper.Photo addPhoto(RepairOrderRecord order, String uploadedBy, byte[] data, String caption) {
        if (data == null || data.length == 0) {
            throw ApiException.badRequest("MISSING_FIELD", "file", "file is required: a JPEG or PNG photo");
        }
        if (data.length > properties.photoMaxBytes()) {
            throw new ApiException(org.springframework.http.HttpStatus.PAYLOAD_TOO_LARGE, "TOO_LARGE",
                    "file must not exceed " + properties.photoMaxBytes() / 1024 / 1024 + " MB", "file");
        }
        String type = imageType(data);
        if (type == null) {
            throw new ApiException(org.springframework.http.HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_TYPE",
                    "file must be a JPEG or PNG photo", "file");
        }
        if (caption != null && caption.length() > 200) {
            throw ApiException.badRequest("INVALID_FIELD", "caption", "caption must not exceed 200 characters");
        }
        requireWorkable(order);
        int uploaded = data.length;
        try {
            data = PhotoCleaner.clean(data, type); // pixels only: no EXIF (GPS, phone serial), XMP or comments
        } catch (PhotoCleaner.NotAPhoto e) {
            throw new ApiException(org.springframework.http.HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_TYPE",
                    e.getMessage(), "file");
        }
        RepairOrderMapper.NewPhoto photo = new RepairOrderMapper.NewPhoto();
        photo.incidentId = order.id();
        photo.uploadedBy = uploadedBy;
        photo.contentType = type;
        photo.sizeBytes = data.length;
        photo.sha256 = sha256(data);
        photo.caption = caption == null || caption.isBlank() ? null : caption.strip();
        photo.data = data;
        photo.createdAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        orders.insertPhoto(photo);
        audit.record(AuditEntry.of("PHOTO_ADDED").at(photo.createdAt).incident(order.id()).user(uploadedBy)
                .detail("photo", photo.id).detail("sha256", photo.sha256).detail("bytes", data.length)
                .detail("uploadedBytes", uploaded)
                .detail("type", type).detail("caption", photo.caption));
        log.info("photo stored incidentId={} photoId={} bytes={}", order.id(), photo.id, data.length);
        return new RepairOrderMapper.Photo(photo.id, uploadedBy, type, data.length, photo.caption, photo.createdAt);
    }

    private static void requireWorkable(RepairOrderRecord order) {
        if (order.state() == org.gridmend.triage.IncidentState.CLOSED
                || order.state() == org.gridmend.triage.IncidentState.MERGED) {
            throw ApiException.conflict("ORDER_ENDED", null, "repair order " + order.publicId() + " is "
                    + order.state() + ": nothing can be added any more");
        }
    }

    /** image/jpeg or image/png by the file's signature, else null. */
    static String imageType(byte[] data) {
        if (data.length >= 3 && (data[0] & 0xff) == 0xff && (data[1] & 0xff) == 0xd8 && (data[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        if (data.length >= png.length && java.util.Arrays.equals(data, 0, png.length, png, 0, png.length)) {
            return "image/png";
        }
        return null;
    }

    private static String sha256(byte[] data) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public void tellNewEtr(long incidentId, String actor) {
        RepairOrderRecord order = orders.find(incidentId);
        event(incidentId, "ETR_CHANGED", texts.text("incident.etr_changed", CustomerTexts.time(order.etr())),
                actor, "etr", order.etr());
    }

    /**
     * Power is back: the repair is recorded, the incident stops taking reports, and the number of batches of
     * reports to tell is returned (each batch is a job of its own).
     */
    @Transactional
    public int restore(long incidentId, Object resolution, String actor) {
        Codes.Resolution known = Codes.parse(Codes.Resolution.class, resolution, null, ProcessConstants.RESOLUTION);
        orders.repair(incidentId, known.name(), clock.instant());
        event(incidentId, "REPAIRED", texts.text("incident.repaired", known.chinese()), actor,
                "resolution", known);
        incidents.markRestored(incidentId);
        long reports = incidents.reportCount(incidentId);
        return (int) ((reports + properties.restorationBatchSize() - 1) / properties.restorationBatchSize());
    }

    /** Tells one batch of the incident's reports that power is back. */
    @Transactional
    public void notifyRestoration(long incidentId, int batch) {
        List<Long> reportIds = orders.reportPage(incidentId, batch * properties.restorationBatchSize(),
                properties.restorationBatchSize());
        incidents.notifyRestored(reportIds);
    }

    /**
     * "Review repair order" (回单审核): approved, or sent back to the crew with a remark from the list. Returns
     * whether it was approved.
     */
    @Transactional
    public boolean review(long incidentId, Object decision, Object remark, String reviewer) {
        if (!"APPROVE".equals(decision) && !"SEND_BACK".equals(decision)) {
            throw TaskRefusal.refuse(ProcessConstants.REVIEW_DECISION, "请选择通过或退回",
                    "reviewDecision must be APPROVE or SEND_BACK");
        }
        boolean approved = "APPROVE".equals(decision);
        String code = approved ? null
                : Codes.parse(Codes.ReviewRemark.class, remark, null, ProcessConstants.REVIEW_REMARK).name();
        orders.review(incidentId, reviewer, code, clock.instant());
        if (approved) {
            event(incidentId, "REVIEWED", texts.text("incident.reviewed"), reviewer, "approved", true);
        } else {
            audit.record(AuditEntry.of("REVIEW_SENT_BACK").incident(incidentId).user(reviewer).detail("remark", code));
        }
        log.info("repair order reviewed incidentId={} approved={} remark={}", incidentId, approved, code);
        return approved;
    }

    /** "Amend repair report": the crew corrects cause and resolution after the review sent the order back. */
    @Transactional
    public void amend(long incidentId, Object cause, Object resolution, String actor) {
        Codes.Cause knownCause = Codes.parse(Codes.Cause.class, cause, null, ProcessConstants.CAUSE);
        Codes.Resolution knownResolution = Codes.parse(Codes.Resolution.class, resolution, null,
                ProcessConstants.RESOLUTION);
        orders.amend(incidentId, knownCause.name(), knownResolution.name());
        audit.record(AuditEntry.of("REPORT_AMENDED").incident(incidentId).user(actor)
                .detail("cause", knownCause).detail("resolution", knownResolution));
        log.info("repair report amended incidentId={} cause={} resolution={}", incidentId, knownCause,
                knownResolution);
    }

    /** "Handle late arrival": what held the crew up, for the record. */
    @Transactional
    public void recordLateCause(long incidentId, Object cause, String actor) {
        Codes.LateCause known = Codes.parse(Codes.LateCause.class, cause, null, ProcessConstants.LATE_CAUSE);
        orders.recordLateCause(incidentId, known.name());
        audit.record(AuditEntry.of("LATE_CAUSE").incident(incidentId).user(actor)
                .detail("cause", known));
    }

    /** After the rating window: the customers' stars go to the crew, and the order closes. */
    @Transactional
    public void aggregateRatings(long incidentId) {
        RepairOrderRecord order = orders.find(incidentId);
        RepairOrderMapper.RatingTotals totals = orders.ratings(incidentId);
        int count = (int) totals.count();
        int sum = totals.sum() == null ? 0 : totals.sum().intValue();
        if (order.crewId() != null && count > 0) {
            crews.addRatings(order.crewId(), count, sum);
        }
        orders.close(incidentId, count, count == 0 ? null : (double) sum / count, clock.instant());
        audit.record(AuditEntry.of("ORDER_CLOSED").incident(incidentId).crew(order.crewId())
                .detail("ratings", count).detail("starsTotal", sum));
        log.info("repair order closed incidentId={} crewId={} ratings={}", incidentId, order.crewId(), count);
    }

    /** An event on the incident's timeline (what its customers see), and in the audit trail with its details. */
    private void event(long incidentId, String type, String text, String actor, Object... details) {
        Instant now = clock.instant();
        orders.insertEvent(incidentId, now, type, text, actor);
        audit.record(AuditEntry.of(type).at(now).incident(incidentId).user(actor).detail("text", text)
                .details(details));
    }

    private static Instant formTime(Object value, String field) {
        try {
            return parseTime(value == null ? null : value.toString(), field);
        } catch (IllegalArgumentException e) {
            throw TaskRefusal.refuse(field, "请填写正确的日期和时间", e.getMessage());
        }
    }

    static Instant parseTime(String text, String field) {
        return FormTimes.parse(text, field);
    }
}
