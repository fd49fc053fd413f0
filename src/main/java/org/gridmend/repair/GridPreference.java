package org.gridmend.repair;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.gridmend.core.PublicIds;
import org.gridmend.core.UtilityZone;
import org.gridmend.notify.DirectMessageService;
import org.springframework.stereotype.Component;

/**
 * Dispatch's grid rule: the owner of the fault's area gets the order when it is a suitable candidate whose estimated
 * arrival is within {@code gridmend.repair.grid-owner-slack} of the best crew's; else its deputy on the same terms;
 * else the best crew. The owner hears of every new fault in its grid, whoever takes it.
 */
@Component
class GridPreference {

    /** The crew chosen and the rule that chose it, as recorded on the offer. */
    record Choice(DispatchService.Candidate candidate, String rule, String why) {}

    private final GridAssignmentService grids;
    private final CrewMapper crews;
    private final DirectMessageService messages;
    private final RepairProperties properties;
    private final UtilityZone zone;

    GridPreference(
            GridAssignmentService grids,
            CrewMapper crews,
            DirectMessageService messages,
            RepairProperties properties,
            UtilityZone zone) {
        this.grids = grids;
        this.crews = crews;
        this.messages = messages;
        this.properties = properties;
        this.zone = zone;
    }

    /** Of the suitable candidates, best first, the one to offer the order to. */
    Choice choose(RepairOrderRecord order, List<DispatchService.Candidate> candidates) {
        DispatchService.Candidate best = candidates.get(0);
        Optional<String> area = grids.areaOfIncident(order.id());
        Optional<GridAssignmentMapper.GridRow> grid = area.flatMap(grids::ownerOfArea);
        if (grid.isEmpty()) {
            return new Choice(
                    best,
                    "NEAREST",
                    area.map(a -> "area " + a + " has no grid owner").orElse("no area"));
        }
        Duration slack = properties.gridOwnerSlack();
        Duration limit = best.travel().plus(slack);
        String ownerId = grid.get().crewId();
        String deputyId = grid.get().deputyCrewId();
        for (String crewId : new String[] {ownerId, deputyId}) {
            if (crewId == null) {
                continue;
            }
            for (DispatchService.Candidate c : candidates) {
                if (c.crew().id().equals(crewId) && c.travel().compareTo(limit) <= 0) {
                    String rule = crewId.equals(ownerId) ? "GRID_OWNER" : "GRID_DEPUTY";
                    return new Choice(
                            c,
                            rule,
                            String.format(
                                    Locale.ROOT,
                                    "area %s: %s %s %d min, best %s %d min, slack %d min",
                                    area.get(),
                                    rule.equals("GRID_OWNER") ? "owner" : "deputy",
                                    crewId,
                                    c.travel().toMinutes(),
                                    best.crew().id(),
                                    best.travel().toMinutes(),
                                    slack.toMinutes()));
                }
            }
        }
        return new Choice(
                best,
                "NEAREST",
                "area " + area.get() + ": owner " + ownerId + (deputyId == null ? "" : " and deputy " + deputyId)
                        + " not available or over " + slack.toMinutes() + " min slower");
    }

    /** A new order in an owned area: its grid member is told, even when another crew will take it. */
    void tellOwner(RepairOrderRecord order) {
        Optional<String> area = grids.areaOfIncident(order.id());
        Optional<GridAssignmentMapper.GridRow> grid = area.flatMap(grids::ownerOfArea);
        if (grid.isEmpty()) {
            return;
        }
        CrewRecord owner = crews.crew(grid.get().crewId());
        String orderId = PublicIds.incident(order.id());
        messages.tell(
                owner.id(),
                owner.phone(),
                order.id(),
                "GRID_INCIDENT",
                orderId,
                "notify.crew_grid_incident",
                area.get(),
                orderId,
                zone.show(order.firstReportAt()));
    }
}
