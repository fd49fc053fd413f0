package org.gridmend.notify;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridmend.core.Refusal;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The development telephony gateway (demo profile only): privacy-number bindings with the interface GridMend's call
 * button uses ({@code POST /bindings} {bindingId, a, b, expiresAt} → {virtualNumber}, {@code DELETE
 * /bindings/{id}}), kept so that {@code /dev/inbox} can show which numbers were bound, to whom (masked) and until when.
 * It rings nobody.
 */
@RestController
@RequestMapping(path = "/dev/telephony", produces = MediaType.APPLICATION_JSON_VALUE)
@Profile("demo")
@Tag(name = "Development gateway", description = "Demo only: SMS and app-push sinks and their inboxes")
class DevTelephonyController {

    private final DevTelephonyService bindings;

    DevTelephonyController(DevTelephonyService bindings) {
        this.bindings = bindings;
    }

    record BindingRequest(String bindingId, String a, String b, String expiresAt) {}

    @PostMapping(path = "/bindings", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Bind a virtual number to two phones, as a privacy-number service would")
    DevTelephonyService.Bound bind(@RequestBody BindingRequest body) {
        for (String[] f : new String[][] {{body.bindingId(), "bindingId"}, {body.a(), "a"}, {body.b(), "b"}}) {
            if (f[0] == null || f[0].isBlank() || f[0].length() > 40) {
                throw Refusal.invalid("INVALID_FIELD", f[1], f[1] + " is required (at most 40 characters)");
            }
        }
        Instant expires;
        try {
            expires = Instant.parse(String.valueOf(body.expiresAt()));
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("INVALID_FIELD", "expiresAt", "expiresAt must be an ISO-8601 instant");
        }
        return bindings.bind(body.bindingId(), body.a(), body.b(), expires);
    }

    @DeleteMapping("/bindings/{bindingId}")
    @Operation(summary = "End a binding")
    ResponseEntity<Void> unbind(@PathVariable String bindingId) {
        return bindings.unbind(bindingId)
                ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    @GetMapping("/bindings")
    @Operation(summary = "The latest bindings, the phones masked")
    List<DevTelephonyService.Shown> recent() {
        return bindings.recent();
    }
}
