package org.gridmend.report;

import java.util.List;

import org.gridmend.core.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer's side of the messages with the crew ({@code /api/reports/{id}/messages?token=}): the tracking token
 * opens the customer's own thread on the report's repair order, never another customer's.
 */
@Service
class ReportMessageService {

    private final ReportProcessGate gate;
    private final RepairProgress repair;

    ReportMessageService(ReportProcessGate gate, RepairProgress repair) {
        this.gate = gate;
        this.repair = repair;
    }

    /** The thread, and whether the customer can write now. */
    record Thread(boolean open, List<RepairProgress.Message> messages) {}

    @Transactional(readOnly = true)
    public Thread thread(String publicId, String token) {
        ReportRecord report = gate.authorized(publicId, token);
        if (report.incidentId() == null) {
            return new Thread(false, List.of());
        }
        boolean open = repair.progress(report.incidentId())
                .map(RepairProgress.Progress::takesMessages)
                .orElse(false);
        return new Thread(open, repair.messages(report.incidentId(), report.id()));
    }

    @Transactional
    public RepairProgress.Message send(String publicId, String token, String text) {
        ReportRecord report = gate.authorized(publicId, token);
        if (report.incidentId() == null) {
            throw Refusal.conflict(
                    "NOT_WHILE_UNACCEPTED", null, "messages reach the crew once a crew has accepted the repair order");
        }
        return repair.sendToCrew(report.incidentId(), report.id(), text);
    }

    /** A photo to the crew (with a line of text, or none), on the customer's own thread. */
    @Transactional
    public RepairProgress.Message sendPhoto(String publicId, String token, byte[] data, String text) {
        ReportRecord report = gate.authorized(publicId, token);
        if (report.incidentId() == null) {
            throw Refusal.conflict(
                    "NOT_WHILE_UNACCEPTED", null, "messages reach the crew once a crew has accepted the repair order");
        }
        return repair.sendPhotoToCrew(report.incidentId(), report.id(), data, text);
    }

    /**
     * The number to call the crew on: 409 while no crew has accepted or once power is back, 503 when no number can
     * be bound now (the customer can still write).
     */
    public RepairProgress.Call call(String publicId, String token) {
        ReportRecord report = gate.authorized(publicId, token);
        boolean open = report.incidentId() != null
                && repair.progress(report.incidentId())
                        .map(RepairProgress.Progress::takesMessages)
                        .orElse(false);
        if (!open) {
            throw Refusal.conflict(
                    "NOT_NOW",
                    null,
                    "the crew can be called from when it accepts the repair order until power is back");
        }
        return repair.call(report.incidentId(), report.id())
                .orElseThrow(() -> new Refusal(
                        Refusal.Kind.UNAVAILABLE,
                        "CALL_UNAVAILABLE",
                        "电话暂时无法接通，请给班组留言。 (No call can be put through now: write to the crew instead.)",
                        null));
    }
}
