package org.gridmend.demo;

import java.time.Duration;

import org.gridmend.grid.AreaType;
import org.gridmend.grid.GeoPoint;
import org.gridmend.repair.CrewRecord;
import org.gridmend.repair.CrewService;
import org.gridmend.repair.DispatchService;
import org.gridmend.repair.EnRouteOrder;
import org.gridmend.repair.RepairQueryService;
import org.gridmend.repair.TravelTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo's crews have no phones: every few seconds each crew that accepted an order and has not arrived moves
 * towards the fault at its area's road speed (the straight line, slowed by the road factor) and reports its
 * position as a phone would, so that "Confirm arrival" in Tasklist succeeds once it is there. Demo profile only.
 */
@Component
@Profile("demo")
class CrewPositionSimulator extends DemoLoop {

    /** Close enough to call it there: well inside the arrival radius. */
    static final double ON_SITE_M = 50;

    private final RepairQueryService query;
    private final CrewService crews;
    private final DispatchService dispatch;
    private final TravelTime travelTime;
    private final double speedUp;

    CrewPositionSimulator(
            RepairQueryService query,
            CrewService crews,
            DispatchService dispatch,
            TravelTime travelTime,
            @Value("${gridmend.demo.position-interval:10s}") Duration interval,
            @Value("${gridmend.demo.travel-speed-up:1}") double speedUp) {
        super("crew-position-simulator", interval);
        this.query = query;
        this.crews = crews;
        this.dispatch = dispatch;
        this.travelTime = travelTime;
        this.speedUp = speedUp;
    }

    /** One step for every crew on its way. */
    void step() {
        for (EnRouteOrder order : query.enRoute()) {
            CrewRecord crew = crews.crew(order.crewId());
            GeoPoint at = dispatch.position(crew);
            if (at == null) {
                continue;
            }
            AreaType area = order.areaType() == null ? null : AreaType.valueOf(order.areaType());
            double metres = travelTime.straightMetres(interval(), area) * speedUp;
            GeoPoint next = towards(at, order.lat(), order.lng(), metres);
            crews.recordPosition(crew, next.lat(), next.lng(), null, null);
        }
    }

    /** {@code metres} along the straight line from {@code from} to the target, or the target when closer. */
    static GeoPoint towards(GeoPoint from, double lat, double lng, double metres) {
        double left = from.distanceM(lat, lng);
        if (left - metres <= ON_SITE_M) {
            return new GeoPoint(lat + 0.0001, lng);
        }
        double share = metres / left;
        return new GeoPoint(from.lat() + (lat - from.lat()) * share, from.lng() + (lng - from.lng()) * share);
    }
}
