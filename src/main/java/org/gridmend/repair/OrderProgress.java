package org.gridmend.repair;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.gridmend.core.Pii;
import org.gridmend.report.RepairProgress;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The repair side's answer to the report side's port: who comes and when, the timeline and the on-site photos. */
@Component
class OrderProgress implements RepairProgress {

    private final RepairOrderMapper orders;
    private final CrewMapper crews;
    private final OrderMessageService messages;
    private final CallBindingService calls;

    OrderProgress(RepairOrderMapper orders, CrewMapper crews, OrderMessageService messages, CallBindingService calls) {
        this.orders = orders;
        this.crews = crews;
        this.messages = messages;
        this.calls = calls;
    }

    @Override
    public Optional<Call> call(long incidentId, long reportId) {
        return calls.forReport(incidentId, reportId).map(c -> new Call(c.virtualNumber(), c.expiresAt()));
    }

    @Override
    public List<Message> messages(long incidentId, long reportId) {
        return messages.thread(incidentId, reportId).stream()
                .map(m -> new Message(m.at(), m.fromCustomer(), m.text(), m.photoId()))
                .toList();
    }

    @Override
    public Message sendToCrew(long incidentId, long reportId, String text) {
        OrderMessage sent = messages.fromCustomer(incidentId, reportId, text);
        return new Message(sent.at(), true, sent.text(), null);
    }

    @Override
    public Message sendPhotoToCrew(long incidentId, long reportId, byte[] data, String text) {
        OrderMessage sent = messages.photoFromCustomer(incidentId, reportId, data, text);
        return new Message(sent.at(), true, sent.text(), sent.photoId());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Progress> progress(long incidentId) {
        RepairOrderRecord order = orders.find(incidentId);
        if (order == null) {
            return Optional.empty();
        }
        CrewRecord crew = order.crewId() == null || order.acceptedAt() == null ? null : crews.crew(order.crewId());
        return Optional.of(new Progress(
                crew == null ? null : crew.id(),
                crew == null ? null : crew.employeeNo(),
                crew == null ? null : Pii.maskName(crew.name()),
                order.arrivalDeadline(),
                order.acceptedAt() == null ? null : order.eta(),
                order.etr(),
                order.late(),
                dispatchedAt(order),
                order.acceptedAt(),
                order.arrivedAt(),
                order.diagnosedAt(),
                OrderMessageService.open(order),
                orders.photos(incidentId).stream().map(OrderPhoto::id).toList()));
    }

    /** When the order went to the crew it is with now; none while no crew has it. */
    private Instant dispatchedAt(RepairOrderRecord order) {
        if (order.crewId() == null) {
            return null;
        }
        Instant at = null;
        for (DispatchAttempt attempt : orders.attempts(order.id())) {
            if (attempt.crewId().equals(order.crewId())
                    && (at == null || attempt.offeredAt().isAfter(at))) {
                at = attempt.offeredAt();
            }
        }
        return at;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Event> timeline(long incidentId) {
        return orders.events(incidentId).stream()
                .map(e -> new Event(e.at(), e.type(), e.text()))
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Photo> photo(long incidentId, Long reportId, long photoId) {
        return Optional.ofNullable(orders.photoData(incidentId, reportId, photoId))
                .map(p -> new Photo(p.contentType(), p.data()));
    }
}
