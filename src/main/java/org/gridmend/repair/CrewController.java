package org.gridmend.repair;

import static org.gridmend.core.StaffGroups.ADMINS;
import static org.gridmend.core.StaffGroups.AUDITORS;
import static org.gridmend.core.StaffGroups.DISPATCHERS;
import static org.gridmend.core.StaffGroups.INTEGRATIONS;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridmend.core.Refusal;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/crews", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Crews", description = "Positions from crews' phones, shifts and crews' statistics")
class CrewController {

    static final int MAX_POSITIONS = 500;

    private final CrewService crews;
    private final RepairQueryService query;

    CrewController(CrewService crews, RepairQueryService query) {
        this.crews = crews;
        this.query = query;
    }

    record Me(String crewId, String employeeNo, String name, boolean onShift, long openOrders) {}

    @GetMapping("/me")
    @Operation(summary = "The caller's own crew (crew users)")
    Me me(Authentication caller) {
        CrewRecord crew = crews.crewOf(caller).orElseThrow(() -> Refusal.notFound("crew of user", caller.getName()));
        return new Me(crew.id(), crew.employeeNo(), crew.name(), crew.onShift(), crew.openOrders());
    }

    record Position(Double lat, Double lng, String coordSys, Instant at) {}

    @PostMapping(path = "/{id}/positions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Report the crew's positions (the crew itself, or a vehicle tracker as integrations)",
            description = "One position or an array of them, as a phone sends what it collected offline: "
                    + "{lat, lng, coordSys: WGS84 (default) | GCJ02 | BD09, at (default now)}. Dispatch and the "
                    + "arrival check go by the latest. All or nothing: a bad position names its index.")
    ResponseEntity<Void> position(@PathVariable String id, @RequestBody List<Position> body, Authentication caller) {
        CrewRecord crew = crews.crew(id);
        crews.requireSelfOr(caller, crew, INTEGRATIONS, ADMINS);
        if (body.isEmpty() || body.size() > MAX_POSITIONS) {
            throw Refusal.invalid("INVALID_FIELD", "positions", "send 1 to " + MAX_POSITIONS + " positions");
        }
        crews.recordPositions(
                crew,
                body.stream()
                        .map(p -> new CrewService.Position(p.lat(), p.lng(), p.coordSys(), p.at()))
                        .toList());
        return ResponseEntity.accepted().build();
    }

    record Shift(Boolean onShift) {}

    @PutMapping(path = "/{id}/shift", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Go on or off shift: only crews on shift are dispatched")
    ResponseEntity<Void> shift(@PathVariable String id, @RequestBody Shift body, Authentication caller) {
        CrewRecord crew = crews.crew(id);
        crews.requireSelfOr(caller, crew, DISPATCHERS, ADMINS);
        if (body.onShift() == null) {
            throw Refusal.invalid("MISSING_FIELD", "onShift", "onShift is required (true or false)");
        }
        crews.setShift(crew, body.onShift());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/stats")
    @Operation(
            summary = "Orders, average minutes to arrive, share within the commitment, ratings "
                    + "(dispatchers, auditors, the crew itself)")
    RepairQueryService.CrewStats stats(@PathVariable String id, Authentication caller) {
        CrewRecord crew = crews.crew(id);
        crews.requireSelfOr(caller, crew, DISPATCHERS, AUDITORS, ADMINS);
        return query.stats(crew);
    }
}
