package org.gridmend.repair;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.gridmend.core.Pii;
import org.gridmend.core.PlainText;
import org.gridmend.core.PublicIds;
import org.gridmend.core.Refusal;
import org.gridmend.notify.DirectMessageService;
import org.gridmend.triage.IncidentState;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages between the customers on a repair order and its crew, one thread per report: while the order is between
 * accepted and restored, a customer tells the crew what it will find ("门口有狗", "电表箱在地下室") and the crew
 * answers or asks. Neither side learns the other's number: numbers typed into a message are masked before it is
 * stored. Each message is an audit event.
 */
@Service
public class OrderMessageService {

    static final int MAX_CHARS = 500;
    static final String PHOTO_LINE = "（照片 photo）";
    static final int MAX_PHOTOS = 5;

    private final RepairOrderMapper orders;
    private final CrewMapper crews;
    private final DirectMessageService directMessages;
    private final OrderAttachmentService attachments;
    private final AuditTrail audit;
    private final Clock clock;

    OrderMessageService(
            RepairOrderMapper orders,
            CrewMapper crews,
            DirectMessageService directMessages,
            OrderAttachmentService attachments,
            AuditTrail audit,
            Clock clock) {
        this.attachments = attachments;
        this.orders = orders;
        this.crews = crews;
        this.directMessages = directMessages;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether the order takes messages now: a crew accepted it and power is not back yet. */
    public static boolean open(RepairOrderRecord order) {
        return order != null
                && order.state() == IncidentState.OPEN
                && order.acceptedAt() != null
                && order.restoredAt() == null;
    }

    /** A customer's message to the crew, on the thread of their report (already checked to be on the order). */
    @Transactional
    public OrderMessage fromCustomer(long incidentId, long reportId, String text) {
        RepairOrderRecord order = orders.find(incidentId);
        return toldCrew(order, write(order, reportId, true, null, text));
    }

    /**
     * A customer's photo to the crew, with a line of text (or none): stored like the crew's photos, without metadata,
     * and seen by that customer and the order's crew only.
     */
    @Transactional
    public OrderMessage photoFromCustomer(long incidentId, long reportId, byte[] data, String text) {
        RepairOrderRecord order = orders.find(incidentId);
        requireOpen(order);
        long sent = orders.messages(incidentId, reportId).stream()
                .filter(m -> m.photoId() != null)
                .count();
        if (sent >= MAX_PHOTOS) {
            throw Refusal.conflict(
                    "TOO_MANY_PHOTOS", "file", "a customer sends the crew at most " + MAX_PHOTOS + " photos per order");
        }
        String line = text == null || text.isBlank() ? PHOTO_LINE : text;
        OrderPhoto photo = attachments.addPhoto(order, "customer", reportId, data, null);
        return toldCrew(order, write(order, reportId, true, null, line, photo.id()));
    }

    private OrderMessage toldCrew(RepairOrderRecord order, OrderMessage written) {
        CrewRecord crew = crews.crew(order.crewId());
        if (crew != null) {
            // the crew's phone is told there is a message, not what it says: it reads it on the crew page
            directMessages.tell(
                    crew.id(),
                    crew.phone(),
                    order.id(),
                    "ORDER_MESSAGE",
                    String.valueOf(written.id()),
                    "notify.crew_order_message",
                    order.publicId());
        }
        return written;
    }

    /** The crew's (or a dispatcher's) message to one customer of the order. */
    @Transactional
    public OrderMessage fromCrew(RepairOrderRecord order, String reportPublicId, String author, String text) {
        if (reportPublicId == null || reportPublicId.isBlank()) {
            throw Refusal.invalid("MISSING_FIELD", "reportId", "reportId is required: the customer's report B-…");
        }
        long reportId = PublicIds.parseReport(reportPublicId);
        if (reportId < 0) {
            throw Refusal.invalid("INVALID_FIELD", "reportId", "reportId must be a report number such as B-00000042");
        }
        if (!orders.reportOnOrder(order.id(), reportId)) {
            throw Refusal.invalid(
                    "NOT_ON_ORDER",
                    "reportId",
                    "report " + Refusal.echo(reportPublicId) + " is not on repair order " + order.publicId());
        }
        return write(order, reportId, false, author, text);
    }

    /** One customer's thread, oldest first. */
    @Transactional(readOnly = true)
    public List<OrderMessage> thread(long incidentId, long reportId) {
        return orders.messages(incidentId, reportId).stream()
                .map(OrderMessageService::view)
                .toList();
    }

    /** Every thread of the order, oldest first: the crew's and dispatchers' view. */
    @Transactional(readOnly = true)
    public List<OrderMessage> all(long incidentId) {
        return orders.messages(incidentId, null).stream()
                .map(OrderMessageService::view)
                .toList();
    }

    private OrderMessage write(
            RepairOrderRecord order, long reportId, boolean fromCustomer, String author, String text) {
        return write(order, reportId, fromCustomer, author, text, null);
    }

    private OrderMessage write(
            RepairOrderRecord order, long reportId, boolean fromCustomer, String author, String text, Long photoId) {
        if (text == null || text.isBlank()) {
            throw Refusal.invalid("MISSING_FIELD", "text", "text is required");
        }
        if (PlainText.problem(text) != null) {
            throw Refusal.invalid("INVALID_FIELD", "text", "text " + PlainText.problem(text));
        }
        if (PlainText.length(text) > MAX_CHARS) {
            throw Refusal.invalid("TOO_LONG", "text", "text must not exceed " + MAX_CHARS + " characters");
        }
        requireOpen(order);
        String masked = Pii.maskText(text.strip());
        Instant now = clock.instant();
        orders.insertMessage(order.id(), reportId, fromCustomer, author, masked, photoId, now);
        AuditEntry entry = AuditEntry.of("ORDER_MESSAGE")
                .at(now)
                .incident(order.id())
                .report(reportId)
                .detail("from", fromCustomer ? "CUSTOMER" : "CREW")
                .detail("text", masked)
                .detail("photo", photoId);
        audit.record(fromCustomer ? entry : entry.user(author));
        List<OrderMessage> thread = thread(order.id(), reportId);
        return thread.get(thread.size() - 1);
    }

    private static void requireOpen(RepairOrderRecord order) {
        if (!open(order)) {
            throw Refusal.conflict(
                    "NOT_WHILE_" + (order == null ? "UNKNOWN" : order.acceptedAt() == null ? "UNACCEPTED" : "ENDED"),
                    null,
                    "messages reach the crew from when it accepts the order until power is back");
        }
    }

    private static OrderMessage view(RepairOrderMapper.MessageRow row) {
        return new OrderMessage(
                row.id(),
                PublicIds.report(row.reportId()),
                row.fromCustomer(),
                row.author(),
                row.text(),
                row.at(),
                row.photoId());
    }
}
