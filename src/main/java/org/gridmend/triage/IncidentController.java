package org.gridmend.triage;

import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridmend.core.StaffUser;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/incidents", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "Incidents",
        description = "One incident per fault, with its reports and the triage decisions (dispatchers, auditors)")
class IncidentController {

    private final IncidentQueryService incidents;
    private final FaultFindingService findings;

    IncidentController(IncidentQueryService incidents, FaultFindingService findings) {
        this.incidents = incidents;
        this.findings = findings;
    }

    @GetMapping
    @Operation(summary = "Incidents, newest first; status=OPEN,RESTORED,CLOSED,MERGED filters (comma separated)")
    List<IncidentView> list(
            @RequestParam(required = false) Set<IncidentState> status, @RequestParam(defaultValue = "200") int limit) {
        return incidents.list(status, limit);
    }

    /** {@code POST /api/incidents/{id}/move} and {@code /split}: a dispatcher corrects the prediction. */
    record Move(String deviceId) {}

    record Split(List<String> transformerIds) {}

    @PostMapping(path = "/{id}/move", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Move an open incident to another device of its feeder (dispatchers): its order, crew and "
                    + "reports go along; reports of areas the new device does not explain go to orders of their own")
    IncidentView move(@PathVariable String id, @RequestBody Move move) {
        return incidents.get(
                findings.move(id, move.deviceId(), StaffUser.current()).publicId());
    }

    @PostMapping(path = "/{id}/split", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Split transformer areas off an open incident (dispatchers): their reports go to the "
                    + "orders their own evidence points at, each reporter told once")
    IncidentView split(@PathVariable String id, @RequestBody Split split) {
        return incidents.get(
                findings.split(id, split.transformerIds(), StaffUser.current()).publicId());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One incident: device, level, state, rule, linked reports and every decision with its reason")
    IncidentView get(@PathVariable String id) {
        return incidents.get(id);
    }
}
