package org.gridmend.report;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * The customer writes to the crew on its way, reads its answers and calls it through a privacy number, with the
 * report's tracking token.
 */
@RestController
@RequestMapping(path = "/api/reports/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Fault reports")
class ReportMessageController {

    private final ReportMessageService messages;

    ReportMessageController(ReportMessageService messages) {
        this.messages = messages;
    }

    record MessageRequest(String text) {}

    @GetMapping("/messages")
    @Operation(
            summary = "The customer's messages with the crew of the report's repair order, oldest first, and whether "
                    + "they can write now (open: a crew accepted, power not back)")
    ReportMessageService.Thread thread(@PathVariable String id, @RequestParam(required = false) String token) {
        return messages.thread(id, token);
    }

    @PostMapping(path = "/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Tell the crew something (at most 500 characters; phone numbers in it are masked)",
            description = "409 NOT_WHILE_UNACCEPTED before a crew accepted, NOT_WHILE_ENDED once power is back")
    ResponseEntity<RepairProgress.Message> send(
            @PathVariable String id, @RequestParam(required = false) String token, @RequestBody MessageRequest body) {
        return ResponseEntity.status(201).body(messages.send(id, token, body.text()));
    }

    @PostMapping(path = "/messages", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Send the crew a photo (multipart part file: JPEG or PNG, at most 5 MB; optional part text)",
            description = "Seen by this customer and the order's crew only; stored without its metadata (GPS, phone). "
                    + "409 outside the window, 413 too large, 415 not a photo")
    ResponseEntity<RepairProgress.Message> sendPhoto(
            @PathVariable String id,
            @RequestParam(required = false) String token,
            @RequestPart(name = "file", required = false) MultipartFile file,
            @RequestPart(name = "text", required = false) String text)
            throws IOException {
        byte[] data = file == null ? null : file.getBytes();
        return ResponseEntity.status(201).body(messages.sendPhoto(id, token, data, text));
    }

    @GetMapping("/call")
    @Operation(
            summary = "A number to call the crew on without either side seeing the other's (a privacy number)",
            description = "409 NOT_NOW before a crew accepted or once power is back; 503 CALL_UNAVAILABLE when the "
                    + "telephony gateway cannot bind one now")
    RepairProgress.Call call(@PathVariable String id, @RequestParam(required = false) String token) {
        return messages.call(id, token);
    }
}
