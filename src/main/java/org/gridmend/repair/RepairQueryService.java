package org.gridmend.repair;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gridmend.core.Pii;
import org.gridmend.core.PublicIds;
import org.gridmend.core.Refusal;
import org.gridmend.core.UtilityZone;
import org.gridmend.grid.CoordinateSystem;
import org.gridmend.grid.GeoPoint;
import org.gridmend.report.RepairProgress.Event;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of repair orders: the crew's briefing (what to fix, where, who reported it, with phones masked and a
 * navigation link), the summary its tasks show in Tasklist, crews' statistics, and the repair progress every report
 * on the incident shows its customer.
 */
@Service
public class RepairQueryService {

    static final int REPORTERS_SHOWN = 50;

    private final RepairOrderMapper orders;
    private final CrewMapper crews;
    private final RepairProperties properties;
    private final OrderProgress progress;
    private final OrderMessageService messages;
    private final UtilityZone zone;

    RepairQueryService(
            RepairOrderMapper orders,
            CrewMapper crews,
            RepairProperties properties,
            OrderProgress progress,
            OrderMessageService messages,
            UtilityZone zone) {
        this.progress = progress;
        this.messages = messages;
        this.zone = zone;
        this.orders = orders;
        this.crews = crews;
        this.properties = properties;
    }

    /** The repair order, or 404 for an unknown id. */
    public RepairOrderRecord order(String publicId) {
        RepairOrderRecord order = orders.find(PublicIds.parseIncident(publicId));
        if (order == null) {
            throw Refusal.notFound("repair order", publicId);
        }
        return order;
    }

    /** The crew's briefing: {@code GET /api/repair-orders/{id}/briefing}. */
    @Transactional(readOnly = true)
    public Briefing briefing(RepairOrderRecord order) {
        long id = order.id();
        CrewRecord crew = order.crewId() == null ? null : crews.crew(order.crewId());
        List<Briefing.Reporter> reporters = orders.reporters(id, REPORTERS_SHOWN).stream()
                .map(r -> new Briefing.Reporter(
                        PublicIds.report(r.reportId()),
                        r.createdAt(),
                        r.channel(),
                        r.address(),
                        Pii.maskPhone(r.phone()),
                        Pii.maskText(r.description()),
                        r.customerNo()))
                .toList();
        return new Briefing(
                order.publicId(),
                order.state().name(),
                order.level().name(),
                order.deviceId(),
                orders.deviceName(order.deviceId()),
                order.feederId(),
                order.areaType() == null ? null : order.areaType().name(),
                order.lat(),
                order.lng(),
                navigationUrl(order),
                order.firstReportAt(),
                order.arrivalDeadline(),
                order.eta(),
                order.etr(),
                crew == null ? null : new Briefing.Crew(crew.id(), crew.employeeNo(), crew.name()),
                order.acceptedAt(),
                order.arrivedAt(),
                order.late(),
                order.cause(),
                order.resolution(),
                order.reviewRemark(),
                orders.reportCount(id),
                reporters,
                orders.notes(id),
                messages.all(id),
                OrderMessageService.open(order),
                orders.photos(id),
                progress.timeline(id),
                orders.attempts(id));
    }

    /**
     * What the order's tasks show in Tasklist, as task-local variables: no personal data (that stays behind the
     * briefing link, which checks who asks), only the order, the device, the counts and the links.
     */
    @Transactional(readOnly = true)
    public Map<String, Object> taskSummary(long incidentId) {
        RepairOrderRecord order = orders.find(incidentId);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("orderId", order.publicId());
        summary.put(
                "faultDevice",
                order.deviceId() == null ? "—" : orders.deviceName(order.deviceId()) + " (" + order.deviceId() + ")");
        summary.put("deviceName", order.deviceId() == null ? "—" : orders.deviceName(order.deviceId()));
        summary.put("faultLevel", order.level().name());
        summary.put(
                "areaType", order.areaType() == null ? "—" : order.areaType().name());
        summary.put("reportsCount", orders.reportCount(incidentId));
        summary.put("firstReportAt", zone.showBoth(order.firstReportAt()));
        summary.put("arrivalDeadline", order.arrivalDeadline() == null ? "—" : zone.showBoth(order.arrivalDeadline()));
        summary.put("zoneName", zone.nameZh() + " (" + zone.nameEn() + ")");
        summary.put("navigationUrl", navigationUrl(order));
        summary.put("briefingUrl", "/crew.html?order=" + order.publicId());
        summary.put("arrivedAt", order.arrivedAt() == null ? "—" : zone.showBoth(order.arrivedAt()));
        summary.put(
                "withinCommitment",
                order.arrivedAt() == null || order.arrivalDeadline() == null
                        ? "—"
                        : order.arrivedAt().isAfter(order.arrivalDeadline()) ? "否 (no)" : "是 (yes)");
        summary.put(
                "causeText",
                order.cause() == null ? "—" : Codes.Cause.valueOf(order.cause()).chinese());
        summary.put(
                "resolutionText",
                order.resolution() == null
                        ? "—"
                        : Codes.Resolution.valueOf(order.resolution()).chinese());
        summary.put("photosCount", orders.photos(incidentId).size());
        summary.put(
                "reviewRemarkText",
                order.reviewRemark() == null
                        ? "—"
                        : Codes.ReviewRemark.valueOf(order.reviewRemark()).chinese());
        return summary;
    }

    /**
     * AMap (高德) navigation to the fault: Chinese map apps expect GCJ-02, so the archive's WGS-84 position is
     * converted first.
     */
    static String navigationUrl(RepairOrderRecord order) {
        if (order.lat() == null || order.lng() == null) {
            return null;
        }
        GeoPoint gcj = CoordinateSystem.GCJ02.fromWgs84(order.lat(), order.lng());
        return String.format(
                Locale.ROOT,
                "https://uri.amap.com/navigation?to=%.6f,%.6f,%s&mode=car&coordinate=gaode",
                gcj.lng(),
                gcj.lat(),
                URLEncoder.encode(order.publicId(), StandardCharsets.UTF_8));
    }

    /** Crews on their way: accepted, not yet arrived. */
    @Transactional(readOnly = true)
    public List<EnRouteOrder> enRoute() {
        return orders.enRoute();
    }

    /** {@code GET /api/crews/{id}/stats}. */
    @Transactional(readOnly = true)
    public CrewStats stats(CrewRecord crew) {
        List<CrewMapper.CrewOrder> worked = crews.orders(crew.id());
        long arrived = 0;
        long within = 0;
        double arrivalMinutes = 0;
        for (CrewMapper.CrewOrder order : worked) {
            if (order.arrivedAt() == null) {
                continue;
            }
            arrived++;
            arrivalMinutes +=
                    Duration.between(order.firstReportAt(), order.arrivedAt()).toSeconds() / 60.0;
            if (order.arrivalDeadline() == null || !order.arrivedAt().isAfter(order.arrivalDeadline())) {
                within++;
            }
        }
        List<CrewStats.RatedOrder> rated = worked.stream()
                .filter(o -> o.ratingCount() != null && o.ratingCount() > 0)
                .map(o -> new CrewStats.RatedOrder(
                        PublicIds.incident(o.incidentId()), o.ratingCount(), o.ratingAverage()))
                .toList();
        return new CrewStats(
                crew.id(),
                crew.employeeNo(),
                crew.onShift(),
                crew.openOrders(),
                worked.size(),
                arrived,
                arrived == 0 ? null : round(arrivalMinutes / arrived),
                arrived == 0 ? null : round((double) within / arrived),
                crew.ratingCount(),
                crew.ratingCount() == 0 ? null : round(crew.ratingAverage()),
                rated);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** The crew's briefing for one order. */
    public record Briefing(
            String orderId,
            String state,
            String level,
            String deviceId,
            String deviceName,
            String feederId,
            String areaType,
            Double lat,
            Double lng,
            String navigationUrl,
            Instant firstReportAt,
            Instant arrivalDeadline,
            Instant eta,
            Instant etr,
            Crew crew,
            Instant acceptedAt,
            Instant arrivedAt,
            boolean late,
            String cause,
            String resolution,
            String reviewRemark,
            long reportsCount,
            List<Reporter> reports,
            List<OrderNote> notes,
            List<OrderMessage> messages,
            boolean takesMessages,
            List<OrderPhoto> photos,
            List<Event> timeline,
            List<DispatchAttempt> dispatchAttempts) {

        public record Crew(String crewId, String employeeNo, String name) {}

        /** A report as the crew sees it: the phone masked, to call through the hotline's masked-call service. */
        public record Reporter(
                String reportId,
                Instant at,
                String channel,
                String address,
                String phone,
                String description,
                String customerNo) {}
    }

    /** A crew's record: orders, arrival times against the commitment, ratings. */
    public record CrewStats(
            String crewId,
            String employeeNo,
            boolean onShift,
            long openOrders,
            long orders,
            long arrivals,
            Double averageMinutesToArrive,
            Double shareWithinCommitment,
            int ratingsCount,
            Double averageRating,
            List<RatedOrder> ratedOrders) {

        public record RatedOrder(String incidentId, int ratings, Double average) {}
    }
}
