package org.gridmend.repair;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The crews' grids (网格): which crew owns which transformer areas, and its deputy. */
@Mapper
public interface GridAssignmentMapper {

    /** A crew's grid row, or null when it has none. */
    GridRow grid(@Param("crewId") String crewId);

    List<String> areasOf(@Param("crewId") String crewId);

    /** Of the given areas, those owned by a crew other than {@code crewId}. */
    List<AreaOwner> ownedByOthers(@Param("crewId") String crewId, @Param("ids") Collection<String> transformerIds);

    /** Of the given ids, those that name a transformer area of the archive. */
    List<String> existingAreas(@Param("ids") Collection<String> transformerIds);

    int updateGrid(
            @Param("crewId") String crewId,
            @Param("deputyCrewId") String deputyCrewId,
            @Param("by") String by,
            @Param("at") Instant at);

    int insertGrid(
            @Param("crewId") String crewId,
            @Param("deputyCrewId") String deputyCrewId,
            @Param("by") String by,
            @Param("at") Instant at);

    int deleteAreas(@Param("crewId") String crewId);

    int insertAreas(@Param("crewId") String crewId, @Param("ids") Collection<String> transformerIds);

    /** The owner of an area and its deputy, or null when the area has no owner. */
    GridRow ownerOfArea(@Param("transformerId") String transformerId);

    /**
     * The transformer area an incident is in: its device when the fault is a transformer's, else the area most of
     * its reports were located in; null for a fault no report placed in an area.
     */
    String areaOfIncident(@Param("incidentId") long incidentId);

    List<GridRow> grids();

    List<AreaOwner> owners();

    /** Areas of the archive without an owner, by id, and how many there are. */
    List<String> unowned(@Param("limit") int limit);

    long countUnowned();

    /** The grid member of an area as customers see it (name masked by the caller), or null. */
    Member memberOfArea(@Param("transformerId") String transformerId);

    record Member(String name, String employeeNo) {}

    record GridRow(String crewId, String deputyCrewId, String updatedBy, Instant updatedAt) {}

    record AreaOwner(String transformerId, String crewId) {}
}
