package org.gridmend.board;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.gridmend.cluster.NodeService;
import org.gridmend.core.PublicIds;
import org.gridmend.core.UtilityZone;
import org.gridmend.notify.NotificationAdminService;
import org.gridmend.notify.NotificationRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The dispatcher board's picture of now: open incidents with their arrival commitment, crews where they last were,
 * messages that could not be delivered, and today's figures (China time).
 */
@Service
public class BoardService {

    static final int LIMIT = 500;
    static final int AREAS = 20_000;
    static final int LOCATE_SHOWN = 50;

    private final BoardMapper mapper;
    private final NotificationAdminService notifications;
    private final NodeService nodes;
    private final Clock clock;
    private final UtilityZone zone;
    private final String tileUrl;
    private final String tileAttribution;

    BoardService(
            BoardMapper mapper,
            NotificationAdminService notifications,
            NodeService nodes,
            Clock clock,
            UtilityZone zone,
            @Value("${gridmend.board.tile-url:}") String tileUrl,
            @Value("${gridmend.board.tile-attribution:}") String tileAttribution) {
        this.mapper = mapper;
        this.notifications = notifications;
        this.nodes = nodes;
        this.clock = clock;
        this.zone = zone;
        this.tileUrl = tileUrl == null ? "" : tileUrl.trim();
        this.tileAttribution = tileAttribution;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Incident(
            String incidentId,
            String deviceId,
            String level,
            String areaType,
            Double lat,
            Double lng,
            long reports,
            Instant firstReportAt,
            Instant arrivalDeadline,
            Long minutesLeft,
            Instant eta,
            Instant etr,
            Instant arrivedAt,
            boolean late,
            String crewEmployeeNo,
            List<String> prediction,
            // reports of customers whose distribution room is in custody: priority, their electrician is told
            long custodyReports) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Crew(
            String crewId,
            String employeeNo,
            boolean onShift,
            Double lat,
            Double lng,
            Instant positionAt,
            long openOrders) {}

    /**
     * Today since 00:00 China time: reports, incidents they became (merged ones not counted), reports per incident,
     * arrivals and the share within the commitment, average minutes from first report to arrival, ratings.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Figures(
            long reports,
            long incidents,
            Double reportsPerIncident,
            long arrivals,
            Double shareWithinCommitment,
            Double averageArrivalMinutes,
            long ratings,
            Double averageRating) {}

    public record Board(
            Instant at,
            List<Incident> incidents,
            List<Crew> crews,
            List<ToLocate> toLocate,
            long toLocateCount,
            List<NotificationRecord> failed,
            Figures today,
            List<NodeService.Node> nodes) {}

    /** A report nobody could place yet: a dispatcher's "Locate report" task waits in Tasklist's "待定位" filter. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ToLocate(
            String reportId,
            Instant receivedAt,
            String channel,
            String customerNo,
            String address,
            String description) {}

    /**
     * The map's base: the feeders' devices and the transformer areas (with their customers) from GridMend's own
     * archive, the lines between them, and the tile layer when one is configured
     * ({@code gridmend.board.tile-url}, off by default so that the board works on a closed network).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MapBase(
            String tileUrl,
            String tileAttribution,
            List<BoardMapper.AreaRow> areas,
            List<BoardMapper.DeviceRow> devices) {}

    public MapBase mapBase() {
        return new MapBase(
                tileUrl.isBlank() ? null : tileUrl,
                tileUrl.isBlank() ? null : tileAttribution,
                mapper.areas(AREAS),
                mapper.devices(AREAS));
    }

    public Board now() {
        Instant now = clock.instant();
        Instant since =
                LocalDate.ofInstant(now, zone.zone()).atStartOfDay(zone.zone()).toInstant();
        List<Incident> incidents = mapper.openIncidents(LIMIT).stream()
                .map(i -> new Incident(
                        PublicIds.incident(i.id()),
                        i.deviceId(),
                        i.level(),
                        i.areaType(),
                        i.lat(),
                        i.lng(),
                        i.reports(),
                        i.firstReportAt(),
                        i.arrivalDeadline(),
                        i.arrivalDeadline() == null || i.arrivedAt() != null
                                ? null
                                : Duration.between(now, i.arrivalDeadline()).toMinutes(),
                        i.eta(),
                        i.etr(),
                        i.arrivedAt(),
                        i.late(),
                        i.crewEmployeeNo(),
                        i.prediction() == null || i.prediction().isBlank()
                                ? null
                                : List.of(i.prediction().split("\n")),
                        i.custodyReports()))
                .toList();
        List<Crew> crews = mapper.crews(LIMIT).stream()
                .map(c ->
                        new Crew(c.id(), c.employeeNo(), c.onShift(), c.lat(), c.lng(), c.positionAt(), c.openOrders()))
                .toList();
        List<ToLocate> toLocate = mapper.reportsToLocate(LOCATE_SHOWN).stream()
                .map(r -> new ToLocate(
                        PublicIds.report(r.id()),
                        r.createdAt(),
                        r.channel(),
                        r.customerNo(),
                        r.address(),
                        shortened(r.description())))
                .toList();
        long toLocateCount = toLocate.size() < LOCATE_SHOWN ? toLocate.size() : mapper.countToLocate();
        return new Board(
                now,
                incidents,
                crews,
                toLocate,
                toLocateCount,
                notifications.list("FAILED", null, 20),
                figures(since),
                nodes.alive());
    }

    /** The first 80 characters (code points) of a customer's description. */
    private static String shortened(String text) {
        if (text == null || text.codePointCount(0, text.length()) <= 80) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, 80)) + "…";
    }

    private Figures figures(Instant since) {
        long reports = mapper.reportsSince(since);
        long incidents = mapper.incidentsSince(since);
        List<BoardMapper.ArrivalRow> arrivals = mapper.arrivalsSince(since);
        long within = arrivals.stream()
                .filter(a -> a.arrivalDeadline() != null && !a.arrivedAt().isAfter(a.arrivalDeadline()))
                .count();
        Double minutes = arrivals.isEmpty()
                ? null
                : arrivals.stream()
                        .mapToLong(a -> Duration.between(a.firstReportAt(), a.arrivedAt())
                                .toMinutes())
                        .average()
                        .orElse(0);
        long ratings = mapper.ratingsSince(since);
        return new Figures(
                reports,
                incidents,
                incidents == 0 ? null : round((double) reports / incidents),
                arrivals.size(),
                arrivals.isEmpty() ? null : round((double) within / arrivals.size()),
                minutes == null ? null : round(minutes),
                ratings,
                ratings == 0 ? null : round(mapper.averageStarsSince(since)));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
