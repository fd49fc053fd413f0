package org.gridmend.repair;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.gridmend.core.CustomerTexts;
import org.gridmend.grid.GeoMath;
import org.gridmend.grid.GeoPoint;
import org.gridmend.notify.NotificationService;
import org.gridmend.process.TaskRefusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The crew's arrival under the commitment (urban 45 min, rural 90, remote 120): "Confirm arrival" checked against
 * the crew's own position, the delay customers hear of when the commitment passes, and why the crew was late.
 */
@Service
public class ArrivalService {

    private static final Logger log = LoggerFactory.getLogger(ArrivalService.class);

    private final RepairOrderMapper orders;
    private final CrewMapper crews;
    private final DispatchService dispatch;
    private final TravelTime travelTime;
    private final NotificationService notifications;
    private final OrderTimeline timeline;
    private final CustomerTexts texts;
    private final RepairProperties properties;
    private final AuditTrail audit;
    private final Clock clock;

    ArrivalService(
            RepairOrderMapper orders,
            CrewMapper crews,
            DispatchService dispatch,
            TravelTime travelTime,
            NotificationService notifications,
            OrderTimeline timeline,
            CustomerTexts texts,
            RepairProperties properties,
            AuditTrail audit,
            Clock clock) {
        this.orders = orders;
        this.crews = crews;
        this.dispatch = dispatch;
        this.travelTime = travelTime;
        this.notifications = notifications;
        this.timeline = timeline;
        this.texts = texts;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * "Confirm arrival": the crew's last reported position must be fresh and within the arrival radius of the
     * fault, else the confirmation is refused with a message the crew sees in Tasklist and the task stays open.
     */
    @Transactional
    public void arrive(long incidentId, String actor) {
        RepairOrderRecord order = orders.find(incidentId);
        CrewRecord crew = crews.crew(order.crewId());
        long freshMinutes = properties.positionFreshness().toMinutes();
        Instant fresh = clock.instant().minus(properties.positionFreshness());
        if (crew.lastLat() == null
                || crew.lastPositionAt() == null
                || crew.lastPositionAt().isBefore(fresh)) {
            throw TaskRefusal.refuse(
                    "position",
                    "没有收到您最近 " + freshMinutes + " 分钟内的位置，请打开定位后重试。",
                    "no position from your phone in the last " + freshMinutes
                            + " minutes: share your location, then try again");
        }
        double distance =
                order.lat() == null ? 0 : GeoMath.distanceM(crew.lastLat(), crew.lastLng(), order.lat(), order.lng());
        if (!(distance <= properties.arrivalRadiusM())) { // a NaN position is never "here"
            throw TaskRefusal.refuse(
                    "position",
                    String.format(Locale.ROOT, "您距离故障点还有 %.1f 公里，到达后再确认。", distance / 1000),
                    String.format(
                            Locale.ROOT,
                            "you are %.1f km from the fault; confirm when you are within %d m",
                            distance / 1000,
                            Math.round(properties.arrivalRadiusM())));
        }
        orders.arrive(incidentId, clock.instant(), distance);
        notifications.announceIfCorroborated(incidentId); // the crew on site confirms the outage
        timeline.record(
                incidentId,
                "ARRIVED",
                texts.text("incident.arrived"),
                actor,
                "crew",
                crew.id(),
                "crewLat",
                crew.lastLat(),
                "crewLng",
                crew.lastLng(),
                "positionAt",
                crew.lastPositionAt(),
                "distanceM",
                Math.round(distance),
                "deadline",
                order.arrivalDeadline());
        log.info("crew arrived incidentId={} crewId={} distanceM={}", incidentId, crew.id(), Math.round(distance));
    }

    /** The arrival commitment passed: customers hear of the delay with a new ETA. */
    @Transactional
    public void announceDelay(long incidentId) {
        RepairOrderRecord order = orders.find(incidentId);
        Instant eta = newEta(order);
        orders.markLate(incidentId, eta);
        timeline.record(
                incidentId,
                "DELAYED",
                texts.text("incident.delayed", texts.time(eta)),
                null,
                "crew",
                order.crewId(),
                "eta",
                eta,
                "deadline",
                order.arrivalDeadline());
        log.info("arrival commitment missed incidentId={} crewId={}", incidentId, order.crewId());
    }

    private Instant newEta(RepairOrderRecord order) {
        Instant now = clock.instant();
        if (order.crewId() == null) {
            return now.plus(Duration.ofMinutes(30));
        }
        CrewRecord crew = crews.crew(order.crewId());
        GeoPoint at = dispatch.position(crew);
        if (at == null || order.lat() == null) {
            return now.plus(Duration.ofMinutes(30));
        }
        double metres = at.distanceM(order.lat(), order.lng());
        return now.plus(travelTime.drive(metres, order.areaType())).plus(Duration.ofMinutes(5));
    }

    /** "Handle late arrival": what held the crew up, for the record. */
    @Transactional
    public void recordLateCause(long incidentId, Codes.LateCause known, String actor) {
        orders.recordLateCause(incidentId, known.name());
        audit.record(
                AuditEntry.of("LATE_CAUSE").incident(incidentId).user(actor).detail("cause", known));
    }
}
