package org.gridmend.repair;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;

import org.gridmend.grid.CoordinateSystem;
import org.gridmend.security.StaffGroups;
import org.gridmend.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Crews as the field sees them: positions from their phones (what dispatch and the arrival check go by), shifts,
 * and who may act for whom: a crew acts for itself and on the orders offered to it; staff groups by their role.
 */
@Service
public class CrewService {

    private static final Logger log = LoggerFactory.getLogger(CrewService.class);
    /** A position from further back than this is history, not where the crew is. */
    static final Duration OLDEST_POSITION = Duration.ofHours(24);
    /** Phones' clocks drift; a position a little ahead of ours is taken as now. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private final CrewMapper crews;
    private final Clock clock;

    CrewService(CrewMapper crews, Clock clock) {
        this.crews = crews;
        this.clock = clock;
    }

    public CrewRecord crew(String crewId) {
        CrewRecord crew = crewId == null ? null : crews.crew(crewId);
        if (crew == null) {
            throw ApiException.notFound("crew", crewId);
        }
        return crew;
    }

    public Optional<CrewRecord> crewOf(Authentication caller) {
        return caller == null ? Optional.empty() : Optional.ofNullable(crews.crewOfUser(caller.getName()));
    }

    /** A position from the crew's phone: {@code POST /api/crews/{id}/positions}. */
    @Transactional
    public void recordPosition(CrewRecord crew, Double lat, Double lng, String coordSys, Instant at) {
        if (lat == null || lat < -90 || lat > 90) {
            throw ApiException.badRequest("INVALID_FIELD", "lat", "lat must be a latitude between -90 and 90");
        }
        if (lng == null || lng < -180 || lng > 180) {
            throw ApiException.badRequest("INVALID_FIELD", "lng", "lng must be a longitude between -180 and 180");
        }
        CoordinateSystem system;
        try {
            system = coordSys == null ? CoordinateSystem.WGS84 : CoordinateSystem.valueOf(coordSys);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_FIELD", "coordSys", "coordSys must be one of "
                    + Arrays.toString(CoordinateSystem.values()));
        }
        // to the millisecond the database keeps, so that a later position in the same millisecond still counts
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant when = at == null ? now : at.truncatedTo(ChronoUnit.MILLIS);
        if (when.isAfter(now.plus(CLOCK_SKEW))) {
            throw ApiException.badRequest("INVALID_FIELD", "at", "at lies in the future");
        }
        if (when.isBefore(now.minus(OLDEST_POSITION))) {
            throw ApiException.badRequest("INVALID_FIELD", "at", "at is more than 24 hours old");
        }
        if (when.isAfter(now)) {
            when = now;
        }
        double[] wgs = system.toWgs84(lat, lng);
        crews.insertPosition(crew.id(), wgs[0], wgs[1], when, now);
        crews.updateLastPosition(crew.id(), wgs[0], wgs[1], when);
    }

    /** On or off shift: only crews on shift are dispatched. */
    @Transactional
    public void setShift(CrewRecord crew, boolean onShift) {
        crews.setShift(crew.id(), onShift);
        log.info("crew shift changed crewId={} onShift={}", crew.id(), onShift);
    }

    /** 403 unless the caller is this crew's user or in one of the groups. */
    public void requireSelfOr(Authentication caller, CrewRecord crew, String... groups) {
        if (crew.userId() != null && caller != null && crew.userId().equals(caller.getName())) {
            return;
        }
        requireGroup(caller, "only crew " + crew.id() + " itself", groups);
    }

    /** 403 unless the caller is the user of the crew the order is offered to, or in one of the groups. */
    public void requireAssignedOr(Authentication caller, RepairOrderRecord order, String... groups) {
        Optional<CrewRecord> own = crewOf(caller);
        if (own.isPresent() && own.get().id().equals(order.crewId())) {
            return;
        }
        requireGroup(caller, "only the crew working " + order.publicId(), groups);
    }

    private static void requireGroup(Authentication caller, String who, String... groups) {
        for (String group : groups) {
            if (StaffGroups.isMember(caller, group)) {
                return;
            }
        }
        throw ApiException.forbidden(who + " or " + String.join(", ", groups) + " may do this");
    }
}
