package org.gridmend.repair;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.gridmend.core.PhotoCleaner;
import org.gridmend.core.PlainText;
import org.gridmend.core.Refusal;
import org.gridmend.triage.IncidentState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a crew adds to its repair order beside the process's tasks: notes (free text that stays in GridMend's
 * table, never in the process) and on-site photos, checked by their bytes and stored without metadata.
 */
@Service
public class OrderAttachmentService {

    private static final Logger log = LoggerFactory.getLogger(OrderAttachmentService.class);

    static final int MAX_NOTE_CHARS = 2000;

    private final RepairOrderMapper orders;
    private final RepairProperties properties;
    private final AuditTrail audit;
    private final Clock clock;

    OrderAttachmentService(RepairOrderMapper orders, RepairProperties properties, AuditTrail audit, Clock clock) {
        this.orders = orders;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** A crew's note on the order (free text stays in GridMend's table, never in the process). */
    @Transactional
    public OrderNote addNote(RepairOrderRecord order, String author, String text) {
        if (text == null || text.isBlank()) {
            throw Refusal.invalid("MISSING_FIELD", "text", "text is required");
        }
        if (PlainText.length(text) > MAX_NOTE_CHARS) {
            throw Refusal.invalid("INVALID_FIELD", "text", "text must not exceed " + MAX_NOTE_CHARS + " characters");
        }
        requireWorkable(order);
        Instant now = clock.instant();
        orders.insertNote(order.id(), now, author, text.strip());
        audit.record(AuditEntry.of("NOTE_ADDED")
                .at(now)
                .incident(order.id())
                .user(author)
                .detail("text", text.strip()));
        List<OrderNote> notes = orders.notes(order.id());
        return notes.get(notes.size() - 1);
    }

    /**
     * An on-site photo: JPEG or PNG by its first bytes (whatever the client claims), at most the configured size,
     * decoded and stored re-encoded without any metadata ({@link PhotoCleaner}) with the incident. Customers on the
     * incident see it on their tracking page.
     */
    @Transactional
    public OrderPhoto addPhoto(RepairOrderRecord order, String uploadedBy, byte[] data, String caption) {
        return addPhoto(order, uploadedBy, null, data, caption);
    }

    /** A photo of the order from one customer ({@code reportId}; null: the crew's, for every customer to see). */
    @Transactional
    public OrderPhoto addPhoto(RepairOrderRecord order, String uploadedBy, Long reportId, byte[] data, String caption) {
        if (caption != null && PlainText.problem(caption) != null) {
            throw Refusal.invalid("INVALID_FIELD", "caption", "caption " + PlainText.problem(caption));
        }
        if (caption != null && PlainText.length(caption) > 200) {
            throw Refusal.invalid("INVALID_FIELD", "caption", "caption must not exceed 200 characters");
        }
        requireWorkable(order);
        PhotoCleaner.Photo cleaned = PhotoCleaner.accept(data, properties.photoMaxBytes());
        int uploaded = cleaned.uploadedBytes();
        String type = cleaned.type();
        data = cleaned.data();
        RepairOrderMapper.NewPhoto photo = new RepairOrderMapper.NewPhoto();
        photo.incidentId = order.id();
        photo.reportId = reportId;
        photo.uploadedBy = uploadedBy;
        photo.contentType = type;
        photo.sizeBytes = data.length;
        photo.sha256 = sha256(data);
        photo.caption = caption == null || caption.isBlank() ? null : caption.strip();
        photo.data = data;
        photo.createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        orders.insertPhoto(photo);
        audit.record(AuditEntry.of("PHOTO_ADDED")
                .at(photo.createdAt)
                .incident(order.id())
                .user(uploadedBy)
                .detail("photo", photo.id)
                .detail("sha256", photo.sha256)
                .detail("bytes", data.length)
                .detail("uploadedBytes", uploaded)
                .detail("type", type)
                .detail("caption", photo.caption));
        log.info("photo stored incidentId={} photoId={} bytes={}", order.id(), photo.id, data.length);
        return new OrderPhoto(photo.id, uploadedBy, type, data.length, photo.caption, photo.createdAt);
    }

    private static void requireWorkable(RepairOrderRecord order) {
        if (order.state() == IncidentState.CLOSED || order.state() == IncidentState.MERGED) {
            throw Refusal.conflict(
                    "ORDER_ENDED",
                    null,
                    "repair order " + order.publicId() + " is " + order.state() + ": nothing can be added any more");
        }
    }

    /** image/jpeg or image/png by the file's signature, else null. */
    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
