package org.gridmend.repair;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.gridmend.core.Pii;
import org.gridmend.core.Refusal;
import org.gridmend.grid.GridMembers;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grid responsibility (网格): each crew owns a set of transformer areas, with a deputy crew. Every area has at most one
 * owner, which the table's key keeps even when two dispatchers draw at once. Dispatch prefers the owner, the customers'
 * pages name their grid member, and the owner hears of every new fault in its grid.
 */
@Service
public class GridAssignmentService implements GridMembers {

    static final int MAX_AREAS = 5000;
    static final int UNOWNED_SHOWN = 200;

    private final GridAssignmentMapper mapper;
    private final CrewMapper crews;
    private final AuditTrail audit;
    private final Clock clock;

    GridAssignmentService(GridAssignmentMapper mapper, CrewMapper crews, AuditTrail audit, Clock clock) {
        this.mapper = mapper;
        this.crews = crews;
        this.audit = audit;
        this.clock = clock;
    }

    /** A crew's grid: its areas and deputy (none and null before one is assigned). */
    public record Grid(
            String crewId,
            String employeeNo,
            String deputyCrewId,
            List<String> transformerIds,
            String updatedBy,
            Instant updatedAt) {}

    /** Every crew (to draw grids for), every grid, each area's owner and the areas nobody owns yet, for the board. */
    public record Overview(
            List<CrewEntry> crews,
            List<Grid> grids,
            Map<String, String> ownerByArea,
            List<String> unowned,
            long unownedCount) {}

    public record CrewEntry(String crewId, String employeeNo, String name, String stationId) {}

    @Transactional(readOnly = true)
    public Grid grid(String crewId) {
        CrewRecord crew = crew(crewId);
        return read(crew);
    }

    /**
     * Gives the crew exactly these areas (an empty list releases its grid) and this deputy. Refused, naming the area,
     * when an area belongs to another crew's grid: that grid must release it first.
     */
    @Transactional
    public Grid assign(String crewId, List<String> transformerIds, String deputyCrewId, String by) {
        CrewRecord crew = crew(crewId);
        Set<String> areas = areas(transformerIds);
        String deputy = deputyCrewId == null || deputyCrewId.isBlank() ? null : deputyCrewId.trim();
        if (deputy != null && crews.crew(deputy) == null) {
            throw Refusal.invalid(
                    "UNKNOWN_CREW", "deputyCrewId", "deputyCrewId: crew " + Refusal.echo(deputy) + " does not exist");
        }
        if (crew.id().equals(deputy)) {
            throw Refusal.invalid("INVALID_FIELD", "deputyCrewId", "a crew cannot be its own deputy");
        }
        requireFree(crew.id(), areas);
        Instant now = clock.instant();
        if (mapper.updateGrid(crew.id(), deputy, by, now) == 0) {
            try {
                mapper.insertGrid(crew.id(), deputy, by, now);
            } catch (DuplicateKeyException raced) {
                mapper.updateGrid(crew.id(), deputy, by, now);
            }
        }
        mapper.deleteAreas(crew.id());
        if (!areas.isEmpty()) {
            try {
                mapper.insertAreas(crew.id(), areas);
            } catch (DuplicateKeyException raced) {
                requireFree(crew.id(), areas);
                throw raced;
            }
        }
        audit.record(AuditEntry.of("GRID_ASSIGNED")
                .at(now)
                .user(by)
                .crew(crew.id())
                .detail("areas", areas.size())
                .detail("deputyCrewId", deputy));
        return read(crew);
    }

    /** The grid that owns an area, if any: its owner and deputy crews. */
    @Transactional(readOnly = true)
    public Optional<GridAssignmentMapper.GridRow> ownerOfArea(String transformerId) {
        return transformerId == null ? Optional.empty() : Optional.ofNullable(mapper.ownerOfArea(transformerId));
    }

    /** The transformer area an incident is in, for its grid: see {@link GridAssignmentMapper#areaOfIncident}. */
    @Transactional(readOnly = true)
    public Optional<String> areaOfIncident(long incidentId) {
        return Optional.ofNullable(mapper.areaOfIncident(incidentId));
    }

    /** The grid member of an area, as a customer may see them. */
    @Override
    @Transactional(readOnly = true)
    public Optional<GridMember> ofArea(String transformerId) {
        // read on every tracking poll: one small join, not the dispatch view of the crew
        GridAssignmentMapper.Member member = transformerId == null ? null : mapper.memberOfArea(transformerId);
        return Optional.ofNullable(member).map(m -> new GridMember(Pii.maskName(m.name()), m.employeeNo()));
    }

    @Transactional(readOnly = true)
    public Overview overview() {
        Map<String, String> owners = mapper.owners().stream()
                .collect(Collectors.toMap(
                        GridAssignmentMapper.AreaOwner::transformerId,
                        GridAssignmentMapper.AreaOwner::crewId,
                        (a, b) -> a,
                        java.util.TreeMap::new));
        Map<String, List<String>> areasByCrew = new HashMap<>();
        owners.forEach((area, crew) ->
                areasByCrew.computeIfAbsent(crew, k -> new ArrayList<>()).add(area));
        List<CrewEntry> all = crews.crews().stream()
                .map(c -> new CrewEntry(c.id(), c.employeeNo(), c.name(), c.stationId()))
                .toList();
        Map<String, String> employeeNos =
                all.stream().collect(Collectors.toMap(CrewEntry::crewId, CrewEntry::employeeNo));
        List<Grid> grids = mapper.grids().stream()
                .map(g -> new Grid(
                        g.crewId(),
                        employeeNos.get(g.crewId()),
                        g.deputyCrewId(),
                        areasByCrew.getOrDefault(g.crewId(), List.of()),
                        g.updatedBy(),
                        g.updatedAt()))
                .toList();
        return new Overview(all, grids, owners, mapper.unowned(UNOWNED_SHOWN), mapper.countUnowned());
    }

    private Grid read(CrewRecord crew) {
        GridAssignmentMapper.GridRow row = mapper.grid(crew.id());
        if (row == null) {
            return new Grid(crew.id(), crew.employeeNo(), null, List.of(), null, null);
        }
        return new Grid(
                crew.id(),
                crew.employeeNo(),
                row.deputyCrewId(),
                mapper.areasOf(crew.id()),
                row.updatedBy(),
                row.updatedAt());
    }

    private CrewRecord crew(String crewId) {
        CrewRecord crew = crewId == null ? null : crews.crew(crewId);
        if (crew == null) {
            throw Refusal.notFound("crew", crewId);
        }
        return crew;
    }

    private Set<String> areas(List<String> transformerIds) {
        if (transformerIds == null) {
            throw Refusal.invalid(
                    "MISSING_FIELD", "transformerIds", "transformerIds is required (an empty list releases the grid)");
        }
        if (transformerIds.size() > MAX_AREAS) {
            throw Refusal.invalid(
                    "TOO_MANY", "transformerIds", "a grid holds at most " + MAX_AREAS + " transformer areas");
        }
        Set<String> areas = new LinkedHashSet<>();
        for (int i = 0; i < transformerIds.size(); i++) {
            String id = transformerIds.get(i);
            if (id == null || id.isBlank() || id.length() > 64) {
                throw Refusal.invalid(
                        "INVALID_FIELD", "transformerIds[" + i + "]", "transformerIds[" + i + "] must be an area id");
            }
            areas.add(id.trim());
        }
        if (!areas.isEmpty()) {
            Set<String> known = Set.copyOf(mapper.existingAreas(areas));
            for (int i = 0; i < transformerIds.size(); i++) {
                String id = transformerIds.get(i).trim();
                if (!known.contains(id)) {
                    throw Refusal.invalid(
                            "UNKNOWN_AREA",
                            "transformerIds[" + i + "]",
                            "transformer area " + Refusal.echo(id) + " is not in the grid archive");
                }
            }
        }
        return areas;
    }

    private void requireFree(String crewId, Set<String> areas) {
        if (areas.isEmpty()) {
            return;
        }
        List<GridAssignmentMapper.AreaOwner> taken = mapper.ownedByOthers(crewId, areas);
        if (!taken.isEmpty()) {
            GridAssignmentMapper.AreaOwner first = taken.get(0);
            throw Refusal.conflict(
                    "AREA_HAS_OWNER",
                    "transformerIds",
                    "transformer area " + first.transformerId() + " already belongs to the grid of crew "
                            + first.crewId() + (taken.size() > 1 ? " (and " + (taken.size() - 1) + " more areas)" : "")
                            + ": release it from that grid first");
        }
    }
}
