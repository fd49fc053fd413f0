package org.gridmend.outage;

import java.net.URI;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridmend.core.Refusal;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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

    record Announcement(
            NoticeType type, String deviceId, OffsetDateTime start, OffsetDateTime expectedEnd, String reason) {}

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Announce an outage on a feeder, device or transformer; reports from the area it covers "
                    + "are answered with it")
    ResponseEntity<OutageNoticeService.Created> announce(@RequestBody Announcement body, Principal user) {
        OutageNoticeService.Created created = notices.announce(
                body.type(),
                body.deviceId(),
                body.start() == null ? null : body.start().toInstant(),
                body.expectedEnd() == null ? null : body.expectedEnd().toInstant(),
                body.reason(),
                user.getName());
        return ResponseEntity.created(URI.create("/api/outage-notices/" + created.noticeId()))
                .body(created);
    }

    @GetMapping
    @Operation(summary = "Notices in effect or still to come")
    List<OutageNoticeRecord> current() {
        return notices.current();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One notice, with its incident and how it ended")
    OutageNoticeRecord one(@PathVariable long id) {
        return notices.find(id).orElseThrow(() -> Refusal.notFound("outage notice", String.valueOf(id)));
    }

    @PostMapping("/{id}/end")
    @Operation(
            summary = "End a notice now: power is back (customers are told), or a planned outage is withdrawn "
                    + "before it began (customers are told it is cancelled)")
    OutageNoticeRecord end(@PathVariable long id) {
        return notices.endNow(id);
    }
}
