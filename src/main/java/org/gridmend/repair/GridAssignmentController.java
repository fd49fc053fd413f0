package org.gridmend.repair;

import static org.gridmend.core.StaffGroups.ADMINS;
import static org.gridmend.core.StaffGroups.AUDITORS;
import static org.gridmend.core.StaffGroups.DISPATCHERS;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/grids", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Grids", description = "Grid responsibility (网格): the transformer areas each crew owns, and its deputy")
class GridAssignmentController {

    private final GridAssignmentService grids;
    private final CrewService crews;

    GridAssignmentController(GridAssignmentService grids, CrewService crews) {
        this.grids = grids;
        this.crews = crews;
    }

    @GetMapping
    @Operation(summary = "Every grid, the owner of each area, and the areas nobody owns (dispatchers, auditors)")
    GridAssignmentService.Overview overview() {
        return grids.overview();
    }

    @GetMapping("/{crewId}")
    @Operation(summary = "A crew's grid: its areas and deputy (dispatchers, auditors, the crew itself)")
    GridAssignmentService.Grid grid(@PathVariable String crewId, Authentication caller) {
        crews.requireSelfOr(caller, crews.crew(crewId), DISPATCHERS, AUDITORS, ADMINS);
        return grids.grid(crewId);
    }

    record Assignment(List<String> transformerIds, String deputyCrewId) {}

    @PutMapping(path = "/{crewId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Give a crew exactly these transformer areas and this deputy (dispatchers, admins)",
            description = "{transformerIds: [...], deputyCrewId}. An empty list releases the grid. 409 "
                    + "AREA_HAS_OWNER names an area that already belongs to another crew's grid: every area has at "
                    + "most one owner.")
    GridAssignmentService.Grid assign(
            @PathVariable String crewId, @RequestBody Assignment body, Authentication caller) {
        return grids.assign(crewId, body.transformerIds(), body.deputyCrewId(), caller.getName());
    }
}
