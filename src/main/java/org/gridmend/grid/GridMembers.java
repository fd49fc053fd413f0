package org.gridmend.grid;

import java.util.Optional;

/**
 * Who is the grid member (网格员) of a transformer area: the crew that owns the area's grid, as a customer may see it
 * (masked name, employee number). Answered by the repair side, which keeps the grids.
 */
public interface GridMembers {

    Optional<GridMember> ofArea(String transformerId);

    record GridMember(String name, String employeeNo) {}
}
