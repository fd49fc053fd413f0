package org.gridmend.notify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridmend.core.Refusal;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The development gateway: an SMS and an app-push gateway with the interface of DESIGN.md section 4 that deliver
 * into inboxes kept in {@code gm_dev_inbox}, and the page {@code /dev/inbox} that shows each phone's inbox. It exists
 * only in the demo profile, so that a new user sees what customers would receive without a real SMS account; no
 * setting can switch it on in a real installation, where anyone could post to it and read every inbox. Like a real gateway it takes each {@code messageId} once.
 */
@RestController
@RequestMapping("/dev")
@Profile("demo")
@Tag(name = "Development gateway", description = "Demo only: SMS and app-push sinks and their inboxes")
class DevGatewayController {

    private final DevGatewayService inboxes;

    DevGatewayController(DevGatewayService inboxes) {
        this.inboxes = inboxes;
    }

    record Sms(String messageId, String to, String template, String text) {}

    record Push(String messageId, String customerNo, String title, String body, Map<String, Object> data) {}

    record Accepted(String messageId, boolean duplicate) {}

    @PostMapping(
            path = "/gateway/sms",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Receive an SMS as a vendor's gateway would")
    ResponseEntity<Accepted> sms(@RequestBody Sms sms) {
        required(sms.messageId(), "messageId");
        required(sms.to(), "to");
        required(sms.text(), "text");
        return receive(sms.messageId(), "SMS", sms.to(), sms.template(), null, sms.text());
    }

    @PostMapping(
            path = "/gateway/push",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Receive an app push as a push service would")
    ResponseEntity<Accepted> push(@RequestBody Push push) {
        required(push.messageId(), "messageId");
        required(push.customerNo(), "customerNo");
        required(push.body(), "body");
        Object template = push.data() == null ? null : push.data().get("template");
        return receive(
                push.messageId(),
                "PUSH",
                push.customerNo(),
                template == null ? null : template.toString(),
                push.title(),
                push.body());
    }

    private ResponseEntity<Accepted> receive(
            String messageId, String channel, String address, String template, String title, String text) {
        if (messageId.length() > 36) {
            throw Refusal.invalid("INVALID_FIELD", "messageId", "messageId must be at most 36 characters");
        }
        boolean fresh = inboxes.receive(messageId, channel, address, template, title, text);
        return ResponseEntity.ok(new Accepted(messageId, !fresh));
    }

    private static void required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw Refusal.invalid("MISSING_FIELD", field, field + " is required");
        }
    }

    @GetMapping(path = "/inbox/phones", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Every phone or app user that received something, most recent first; with q, those whose "
                    + "number or a message contains q (a report or order number, say)")
    List<DevInbox> phones(@RequestParam(required = false) String q) {
        if (q != null && q.length() > 64) {
            throw Refusal.invalid("TOO_LONG", "q", "q is at most 64 characters");
        }
        return inboxes.phones(q);
    }

    @GetMapping(path = "/inbox/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One phone's (or app user's) messages, newest first; without address, everyone's")
    List<DevMessage> messages(
            @RequestParam(required = false) String address, @RequestParam(defaultValue = "200") int limit) {
        if (limit < 1 || limit > 1000) {
            throw Refusal.invalid("INVALID_FIELD", "limit", "limit must be between 1 and 1000");
        }
        return inboxes.messages(address == null || address.isBlank() ? null : address.trim(), limit);
    }

    @GetMapping(
            path = {"/inbox", "/inbox/"},
            produces = MediaType.TEXT_HTML_VALUE)
    String page() throws IOException {
        try (InputStream in = new ClassPathResource("dev/inbox.html").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
