package org.gridmend.security;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridmend.core.StaffUser;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/integrations/keys", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Integrations", description = "API keys of machines (admins)")
class ApiKeyController {

    record NewKey(String label) {}

    private final ApiKeyService keys;

    ApiKeyController(ApiKeyService keys) {
        this.keys = keys;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Issue an API key for a machine; the key is in this answer only")
    ResponseEntity<ApiKeyService.Issued> issue(@RequestBody NewKey key) {
        ApiKeyService.Issued issued = keys.issue(key.label(), StaffUser.current());
        return ResponseEntity.created(URI.create("/api/integrations/keys/" + issued.id()))
                .body(issued);
    }

    @GetMapping
    @Operation(summary = "Every API key with its label and when it was issued, last used and revoked; no secrets")
    List<ApiKeyService.ApiKey> list() {
        return keys.list();
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke an API key at once")
    ResponseEntity<Void> revoke(@PathVariable String id) {
        keys.revoke(id, StaffUser.current());
        return ResponseEntity.noContent().build();
    }
}
