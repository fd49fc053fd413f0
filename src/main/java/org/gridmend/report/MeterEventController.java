package org.gridmend.report;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/meter-events", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Meter events", description = "Last gasps and restorations from the AMI head-end (group integrations)")
class MeterEventController {

    private final MeterEventService meterEvents;

    MeterEventController(MeterEventService meterEvents) {
        this.meterEvents = meterEvents;
    }

    record MeterEvent(String meterNo, MeterEventService.Type type, Instant at) {}

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "A meter's LAST_GASP (becomes an AMI report) or POWER_RESTORED (confirms the customer's "
                    + "reports); sending the same event again is harmless")
    ResponseEntity<MeterEventService.Recorded> record(@RequestBody MeterEvent event) {
        MeterEventService.Recorded recorded = meterEvents.record(event.meterNo(), event.type(), event.at());
        return recorded.duplicate()
                ? ResponseEntity.ok(recorded)
                : ResponseEntity.accepted().body(recorded);
    }
}
