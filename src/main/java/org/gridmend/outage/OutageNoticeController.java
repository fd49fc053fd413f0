package org.gridmend.outage;

import java.net.URI;
import java.security.Principal;
import java.time.OffsetDateTime;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/outage-notices", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Outage notices", description = "Planned and announced fault outages (dispatchers)")
class OutageNoticeController {

    private final OutageNoticeService notices;

    OutageNoticeController(OutageNoticeService notices) {
        this.notices = notices;
    }

    record Announcement(NoticeType type, String deviceId, OffsetDateTime start, OffsetDateTime expectedEnd,
                        String reason) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Announce an outage on a feeder, device or transformer; reports from the area it covers "
            + "are answered with it")
    ResponseEntity<OutageNoticeService.Created> announce(@RequestBody Announcement body, Principal user) {
        OutageNoticeService.Created created = notices.announce(body.type(), body.deviceId(),
                body.start() == null ? null : body.start().toInstant(),
                body.expectedEnd() == null ? null : body.expectedEnd().toInstant(), body.reason(), user.getName());
        return ResponseEntity.created(URI.create("/api/outage-notices/" + created.noticeId())).body(created);
    }
}
