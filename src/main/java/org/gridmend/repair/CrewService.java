package org.gridmend.repair;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;

import org.gridmend.core.Refusal;
import org.gridmend.core.StaffGroups;
import org.gridmend.grid.CoordinateSystem;
import org.gridmend.grid.GeoPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
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
            throw Refusal.notFound("crew", crewId);
        }
        return crew;
    }

    public Optional<CrewRecord> crewOf(Authentication caller) {
        return caller == null ? Optional.empty() : Optional.ofNullable(crews.crewOfUser(caller.getName()));
    }

    /** A position as a phone reports it. */
    public record Position(Double lat, Double lng, String coordSys, Instant at) {}

    /** One position from the crew's phone. */
    @Transactional
    public void recordPosition(CrewRecord crew, Double lat, Double lng, String coordSys, Instant at) {
        recordPositions(crew, List.of(new Position(lat, lng, coordSys, at)));
    }

    /**
     * Positions from the crew's phone ({@code POST /api/crews/{id}/positions}), all or none: a bad one is named by
     * its index when there are several. The latest becomes the crew's position unless a later one is known.
     */
    @Transactional
    public void recordPositions(CrewRecord crew, List<Position> positions) {
        // to the millisecond the database keeps, so that a later position in the same millisecond still counts
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<GeoPoint> converted = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < positions.size(); i++) {
            String prefix = positions.size() == 1 ? "" : "[" + i + "].";
            Position p = positions.get(i);
            if (p == null) {
                throw Refusal.invalid("MISSING_FIELD", prefix.isEmpty() ? "position" : prefix, "a position is empty");
            }
            converted.add(validated(p, prefix));
            Instant when = p.at() == null ? now : p.at().truncatedTo(ChronoUnit.MILLIS);
            if (when.isAfter(now.plus(CLOCK_SKEW))) {
                throw Refusal.invalid("INVALID_FIELD", prefix + "at", prefix + "at lies in the future");
            }
            if (when.isBefore(now.minus(OLDEST_POSITION))) {
                throw Refusal.invalid("INVALID_FIELD", prefix + "at", prefix + "at is more than 24 hours old");
            }
            times.add(when.isAfter(now) ? now : when);
        }
        int latest = 0;
        for (int i = 0; i < positions.size(); i++) {
            crews.insertPosition(
                    crew.id(), converted.get(i).lat(), converted.get(i).lng(), times.get(i), now);
            if (!times.get(i).isBefore(times.get(latest))) {
                latest = i;
            }
        }
        GeoPoint at = converted.get(latest);
        Instant when = times.get(latest);
        withStatus(crew.id(), () -> crews.updateLastPosition(crew.id(), at.lat(), at.lng(), when));
    }

    private static GeoPoint validated(Position p, String prefix) {
        if (p.lat() == null || !(p.lat() >= -90 && p.lat() <= 90)) { // NaN fails here too
            throw Refusal.invalid(
                    "INVALID_FIELD", prefix + "lat", prefix + "lat must be a latitude between -90 and 90");
        }
        if (p.lng() == null || !(p.lng() >= -180 && p.lng() <= 180)) {
            throw Refusal.invalid(
                    "INVALID_FIELD", prefix + "lng", prefix + "lng must be a longitude between -180 and 180");
        }
        try {
            CoordinateSystem system =
                    p.coordSys() == null ? CoordinateSystem.WGS84 : CoordinateSystem.valueOf(p.coordSys());
            return system.toWgs84(p.lat(), p.lng());
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(
                    "INVALID_FIELD",
                    prefix + "coordSys",
                    prefix + "coordSys must be one of " + Arrays.toString(CoordinateSystem.values()));
        }
    }

    /** On or off shift: only crews on shift are dispatched. */
    @Transactional
    public void setShift(CrewRecord crew, boolean onShift) {
        withStatus(crew.id(), () -> crews.setShift(crew.id(), onShift));
        log.info("crew shift changed crewId={} onShift={}", crew.id(), onShift);
    }

    /** The customers' stars of a closed order go to the crew's totals. */
    void addRatings(String crewId, int count, int sum) {
        withStatus(crewId, () -> crews.addRatings(crewId, count, sum));
    }

    /**
     * Runs a write to the crew's status row; only when it wrote nothing (no row yet, or a later position known)
     * is the row made and the write tried once more, so that the usual write is one statement.
     */
    private void withStatus(String crewId, IntSupplier write) {
        if (write.getAsInt() > 0) {
            return;
        }
        try {
            crews.ensureStatus(crewId);
        } catch (DuplicateKeyException madeJustNow) {
            // another writer made the row between our check and our insert: it is there, which is all we need
        }
        write.getAsInt();
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
        throw Refusal.forbidden(who + " or " + String.join(", ", groups) + " may do this");
    }
}
