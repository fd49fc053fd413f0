package org.gridmend.outage;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.gridmend.core.PublicIds;
import org.gridmend.core.Refusal;
import org.gridmend.grid.CoordinateSystem;
import org.gridmend.grid.CustomerPlacement;
import org.gridmend.grid.FeederTopology;
import org.gridmend.grid.GeoPoint;
import org.gridmend.grid.GridLookupService;
import org.gridmend.grid.GridMembers;
import org.gridmend.grid.NearbyTransformer;
import org.gridmend.grid.SpatialSearchService;
import org.springframework.stereotype.Service;

/**
 * {@code GET /api/outages}: what a customer wants to know before calling. The place is the customer's transformer
 * area (from the archive) or the transformer nearest a location; the answer lists the outage notices that cover it
 * (in effect now or planned), the open repair order, if a fault there is already known, and the area's grid member.
 */
@Service
public class OutageLookupService {

    /** A location farther than this from every transformer is not on GridMend's grid. */
    static final double MAX_DISTANCE_M = 2_000;

    private final GridLookupService grid;
    private final SpatialSearchService spatial;
    private final OutageNoticeMapper notices;
    private final KnownFaults faults;
    private final GridMembers gridMembers;
    private final Clock clock;

    OutageLookupService(
            GridLookupService grid,
            SpatialSearchService spatial,
            OutageNoticeMapper notices,
            KnownFaults faults,
            GridMembers gridMembers,
            Clock clock) {
        this.gridMembers = gridMembers;
        this.grid = grid;
        this.spatial = spatial;
        this.notices = notices;
        this.faults = faults;
        this.clock = clock;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Outages(
            String transformerId,
            String feederId,
            List<Notice> notices,
            Repair repairOrder,
            GridMembers.GridMember gridMember) {}

    /** A notice as a customer reads it; {@code inEffect} is true while power is off for it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Notice(
            String noticeId, NoticeType type, Instant start, Instant expectedEnd, String reason, boolean inEffect) {}

    /** A fault already known there: its repair order and when power should be back. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Repair(
            String incidentId, String state, long reportsCount, String crewEmployeeNo, Instant eta, Instant etr) {}

    public Outages forCustomer(String customerNo) {
        String number = customerNo.trim();
        CustomerPlacement placement = grid.placement(number).orElseThrow(() -> Refusal.notFound("customer", number));
        return at(placement.feederId(), placement.transformerId());
    }

    public Outages forLocation(Double lat, Double lng, String coordSys) {
        if (lat == null) {
            throw Refusal.invalid("MISSING_FIELD", "lat", "lat is required with lng");
        }
        if (lng == null) {
            throw Refusal.invalid("MISSING_FIELD", "lng", "lng is required with lat");
        }
        if (!(lat >= -90 && lat <= 90)) { // NaN fails here too
            throw Refusal.invalid("INVALID_FIELD", "lat", "lat must be between -90 and 90");
        }
        if (!(lng >= -180 && lng <= 180)) {
            throw Refusal.invalid("INVALID_FIELD", "lng", "lng must be between -180 and 180");
        }
        CoordinateSystem system;
        try {
            system = coordSys == null || coordSys.isBlank()
                    ? CoordinateSystem.WGS84
                    : CoordinateSystem.valueOf(coordSys.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("INVALID_FIELD", "coordSys", "coordSys must be WGS84, GCJ02 or BD09");
        }
        GeoPoint wgs84 = system.toWgs84(lat, lng);
        List<NearbyTransformer> nearest = spatial.nearestTransformers(wgs84.lat(), wgs84.lng(), MAX_DISTANCE_M, 1);
        if (nearest.isEmpty()) {
            return new Outages(null, null, List.of(), null, null);
        }
        return at(nearest.get(0).feederId(), nearest.get(0).id());
    }

    private Outages at(String feederId, String transformerId) {
        Instant now = clock.instant();
        FeederTopology feeder = grid.topology(feederId);
        List<Notice> covering = notices.activeOnFeeder(feederId, now).stream()
                .filter(n -> feeder.covers(n.deviceId(), transformerId))
                .map(n -> new Notice(
                        PublicIds.notice(n.id()),
                        n.type(),
                        n.startsAt(),
                        n.expectedEndAt(),
                        n.reason(),
                        n.activeAt(now)))
                .toList();
        Repair order = faults.openCovering(feeder, transformerId).orElse(null);
        return new Outages(
                transformerId,
                feederId,
                covering,
                order,
                gridMembers.ofArea(transformerId).orElse(null));
    }
}
