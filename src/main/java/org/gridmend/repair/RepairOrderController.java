package org.gridmend.repair;

import static org.gridmend.core.StaffGroups.ADMINS;
import static org.gridmend.core.StaffGroups.AUDITORS;
import static org.gridmend.core.StaffGroups.DISPATCHERS;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridmend.core.Refusal;
import org.gridmend.report.RepairProgress;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The crew's side of a repair order: its briefing, photos, notes and ETR changes, under {@code /api/repair-orders}.
 * The order has its incident's number (R-…); {@code /api/incidents/{id}/…}, where these lived before the repair
 * order had a name of its own, stays as an alias for clients written then.
 */
@RestController
@RequestMapping(
        path = {"/api/repair-orders", "/api/incidents"},
        produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "Repair orders",
        description =
                "Briefing, on-site photos, notes and ETR of a repair order " + "(the crew working it, dispatchers)")
class RepairOrderController {

    private final RepairQueryService query;
    private final RepairOrderService orders;
    private final CrewService crews;
    private final OrderAttachmentService attachments;
    private final RepairProgress progress;
    private final OrderMessageService messages;

    private final CallBindingService calls;

    RepairOrderController(
            RepairQueryService query,
            RepairOrderService orders,
            CrewService crews,
            OrderAttachmentService attachments,
            RepairProgress progress,
            OrderMessageService messages,
            CallBindingService calls) {
        this.calls = calls;
        this.messages = messages;
        this.attachments = attachments;
        this.progress = progress;
        this.query = query;
        this.orders = orders;
        this.crews = crews;
    }

    @GetMapping("/{id}/briefing")
    @Operation(
            summary = "What the crew needs: device, position and navigation link, reports with masked phones, "
                    + "notes, photos, timeline and dispatch attempts")
    RepairQueryService.Briefing briefing(@PathVariable String id, Authentication caller) {
        RepairOrderRecord order = query.order(id);
        crews.requireAssignedOr(caller, order, DISPATCHERS, AUDITORS, ADMINS);
        return query.briefing(order);
    }

    @PostMapping(path = "/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Attach an on-site photo (multipart part \"file\", JPEG or PNG, at most 5 MB; "
                    + "optional \"caption\")")
    ResponseEntity<OrderPhoto> addPhoto(
            @PathVariable String id,
            @RequestPart(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String caption,
            Authentication caller)
            throws IOException {
        RepairOrderRecord order = query.order(id);
        crews.requireAssignedOr(caller, order, DISPATCHERS, ADMINS);
        if (file == null) {
            throw Refusal.invalid("MISSING_FIELD", "file", "file is required: a JPEG or PNG photo");
        }
        OrderPhoto photo = attachments.addPhoto(order, caller.getName(), file.getBytes(), caption);
        return ResponseEntity.created(URI.create("/api/incidents/" + order.publicId() + "/photos/" + photo.id()))
                .body(photo);
    }

    @GetMapping(
            path = "/{id}/photos/{photoId}",
            produces = {MediaType.IMAGE_JPEG_VALUE, MediaType.IMAGE_PNG_VALUE})
    @Operation(summary = "One photo of the order")
    ResponseEntity<byte[]> photo(@PathVariable String id, @PathVariable long photoId, Authentication caller) {
        RepairOrderRecord order = query.order(id);
        crews.requireAssignedOr(caller, order, DISPATCHERS, AUDITORS, ADMINS);
        var photo = progress.photo(order.id(), null, photoId)
                .orElseThrow(() -> Refusal.notFound("photo", order.publicId() + "/" + photoId));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.noStore())
                .body(photo.data());
    }

    record NoteRequest(String text) {}

    @PostMapping(path = "/{id}/notes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a note to the order (what the crew found, what it needs)")
    ResponseEntity<OrderNote> addNote(@PathVariable String id, @RequestBody NoteRequest body, Authentication caller) {
        RepairOrderRecord order = query.order(id);
        crews.requireAssignedOr(caller, order, DISPATCHERS, ADMINS);
        return ResponseEntity.status(201).body(attachments.addNote(order, caller.getName(), body.text()));
    }

    record MessageRequest(String reportId, String text) {}

    @GetMapping("/{id}/messages")
    @Operation(summary = "The order's messages with its customers, one thread per report (reportId), oldest first")
    List<OrderMessage> messages(@PathVariable String id, Authentication caller) {
        RepairOrderRecord order = query.order(id);
        crews.requireAssignedOr(caller, order, DISPATCHERS, AUDITORS, ADMINS);
        return messages.all(order.id());
    }

    @PostMapping(path = "/{id}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Answer (or ask) one customer of the order: {reportId, text}; phone numbers in it are masked",
            description = "409 before the order is accepted or once power is back; 400 naming reportId when the "
                    + "report is not on this order")
    ResponseEntity<OrderMessage> sendMessage(
            @PathVariable String id, @RequestBody MessageRequest body, Authentication caller) {
        RepairOrderRecord order = query.order(id);
        crews.requireAssignedOr(caller, order, DISPATCHERS, ADMINS);
        return ResponseEntity.status(201)
                .body(messages.fromCrew(order, body.reportId(), caller.getName(), body.text()));
    }

    @GetMapping("/{id}/calls")
    @Operation(
            summary = "The numbers to call the order's customers on (privacy numbers, one per report), while the "
                    + "order is between accepted and restored; empty without a telephony gateway")
    List<CallBindingService.Call> calls(@PathVariable String id, Authentication caller) {
        RepairOrderRecord order = query.order(id);
        crews.requireAssignedOr(caller, order, DISPATCHERS, ADMINS);
        return calls.forOrder(order.id());
    }

    record EtrRequest(String etr) {}

    @PostMapping(path = "/{id}/etr", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Change the ETR while \"Complete repair\" is open; customers are told",
            description = "etr as 2026-11-29T18:30+08:00 (or local time in China without offset). 409 when the "
                    + "order is not under repair.")
    ResponseEntity<Void> changeEtr(@PathVariable String id, @RequestBody EtrRequest body, Authentication caller) {
        RepairOrderRecord order = query.order(id);
        crews.requireAssignedOr(caller, order, DISPATCHERS, ADMINS);
        orders.changeEtr(order, body.etr());
        return ResponseEntity.accepted().build();
    }
}
