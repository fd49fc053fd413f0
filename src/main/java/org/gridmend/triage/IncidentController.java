package org.gridmend.triage;

import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/incidents", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Incidents", description = "One incident per fault, with its reports and the triage decisions (dispatchers, auditors)")
class IncidentController {

    private final IncidentQueryService incidents;

    IncidentController(IncidentQueryService incidents) {
        this.incidents = incidents;
    }

    @GetMapping
    @Operation(summary = "Incidents, newest first; status=OPEN,RESTORED,CLOSED,MERGED filters (comma separated)")
    List<IncidentView> list(@RequestParam(required = false) Set<IncidentState> status,
                            @RequestParam(defaultValue = "200") int limit) {
        return incidents.list(status, limit);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One incident: device, level, state, rule, linked reports and every decision with its reason")
    IncidentView get(@PathVariable String id) {
        return incidents.get(id);
    }
}
