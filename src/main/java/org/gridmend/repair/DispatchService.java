package org.gridmend.repair;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.gridmend.core.Refusal;
import org.gridmend.grid.GeoPoint;
import org.gridmend.grid.Skill;
import org.gridmend.process.TaskRefusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Chooses the crew for an incident: on shift, with a Camunda user, certified (unexpired) for the fault's voltage
 * level, within
 * reach ({@code maxDispatchDistanceM}), not among those who declined or let an offer lapse, under its limit of open
 * orders; the one with the shortest estimated
 * travel, where every open order it has counts as {@code workloadPenalty} more minutes. Travel is the straight
 * distance from its last reported position (if fresh; else its station) times a road factor, at the speed of the
 * fault's area type. The owner of the fault's grid (then its deputy) is preferred within a slack ({@link
 * GridPreference}). Every offer is recorded with the rule that chose it and the candidates considered.
 */
@Service
public class DispatchService {

    private static final Logger log = LoggerFactory.getLogger(DispatchService.class);
    private static final int CANDIDATES_RECORDED = 5;

    private final CrewMapper crews;
    private final RepairOrderMapper orders;
    private final TravelTime travelTime;
    private final RepairProperties properties;
    private final AuditTrail audit;
    private final GridPreference grid;
    private final Clock clock;

    DispatchService(
            CrewMapper crews,
            RepairOrderMapper orders,
            RepairProperties properties,
            TravelTime travelTime,
            AuditTrail audit,
            GridPreference grid,
            Clock clock) {
        this.grid = grid;
        this.travelTime = travelTime;
        this.audit = audit;
        this.crews = crews;
        this.orders = orders;
        this.properties = properties;
        this.clock = clock;
    }

    /** A crew considered for an order: how far, how long, how busy. */
    public record Candidate(CrewRecord crew, double distanceM, Duration travel, double score) {

        String describe() {
            return String.format(
                    Locale.ROOT,
                    "%s(%s) %.1f km %d min, %d open",
                    crew.id(),
                    crew.employeeNo(),
                    distanceM / 1000,
                    travel.toMinutes(),
                    crew.openOrders());
        }

        public String label() {
            return String.format(
                    Locale.ROOT,
                    "%s 工号%s · %.1f km · %d 单在办",
                    crew.id(),
                    crew.employeeNo(),
                    distanceM / 1000,
                    crew.openOrders());
        }
    }

    /** The offer made: to whom, and the user who is to accept it. */
    public record Offer(String crewId, String userId, Instant eta) {}

    /** Offers the incident to the best crew, or returns empty when no crew is suitable. */
    @Transactional
    public Optional<Offer> dispatch(long incidentId) {
        RepairOrderRecord order = orders.find(incidentId);
        Set<String> refused = new HashSet<>(orders.refusedCrews(incidentId));
        List<Candidate> candidates = candidates(order, refused, true);
        if (candidates.isEmpty()) {
            log.info("no crew for incidentId={} refused={}", incidentId, refused.size());
            return Optional.empty();
        }
        GridPreference.Choice choice = grid.choose(order, candidates);
        String considered = choice.rule() + " (" + choice.why() + "); "
                + candidates.stream()
                        .limit(CANDIDATES_RECORDED)
                        .map(Candidate::describe)
                        .collect(Collectors.joining("; "));
        return Optional.of(offer(order, choice.candidate(), null, considered, choice.rule()));
    }

    /**
     * Every crew on shift a dispatcher could send, best first, including those who refused, are busy or far away:
     * the dispatcher decides.
     */
    @Transactional(readOnly = true)
    public List<Candidate> candidatesForDispatcher(long incidentId) {
        return candidates(orders.find(incidentId), Set.of(), false);
    }

    /** A dispatcher's choice in "Dispatch crew manually". */
    @Transactional
    public Offer assign(long incidentId, String crewId, String dispatcher) {
        RepairOrderRecord order = orders.find(incidentId);
        CrewRecord crew = crewId == null || crewId.isBlank() ? null : crews.crew(crewId.trim());
        if (crew == null || crew.userId() == null) {
            throw TaskRefusal.refuse(
                    "chosenCrewId",
                    "班组 " + Refusal.echo(crewId) + " 不存在或没有账号，请从列表中选择",
                    "crew " + Refusal.echo(crewId)
                            + " does not exist or has no user to work the order: choose one from the" + " list");
        }
        Candidate candidate = candidate(order, crew);
        return offer(order, candidate, dispatcher, "chosen by dispatcher " + dispatcher, "DISPATCHER");
    }

    private Offer offer(RepairOrderRecord order, Candidate chosen, String byUser, String considered, String rule) {
        Instant now = clock.instant();
        Instant eta = now.plus(chosen.travel());
        RepairOrderMapper.NewAttempt attempt = new RepairOrderMapper.NewAttempt();
        attempt.incidentId = order.id();
        attempt.crewId = chosen.crew().id();
        attempt.offeredAt = now;
        attempt.distanceM = chosen.distanceM();
        attempt.eta = eta;
        attempt.byUser = byUser;
        attempt.candidates = considered.length() > 2000 ? considered.substring(0, 2000) : considered;
        attempt.rule = rule;
        orders.insertAttempt(attempt);
        audit.record(AuditEntry.of("CREW_OFFERED")
                .at(now)
                .incident(order.id())
                .crew(chosen.crew().id())
                .user(byUser)
                .detail("rule", rule)
                .detail("distanceM", Math.round(chosen.distanceM()))
                .detail("eta", eta)
                .detail("considered", attempt.candidates));
        Instant deadline =
                order.firstReportAt().plus(properties.arrivalCommitment().of(order.areaType()));
        orders.offer(order.id(), chosen.crew().id(), eta, deadline);
        log.info(
                "repair order offered incidentId={} crewId={} distanceM={} etaMinutes={}",
                order.id(),
                chosen.crew().id(),
                Math.round(chosen.distanceM()),
                chosen.travel().toMinutes());
        return new Offer(chosen.crew().id(), chosen.crew().userId(), eta);
    }

    private List<Candidate> candidates(RepairOrderRecord order, Set<String> refused, boolean strict) {
        List<Candidate> candidates = new ArrayList<>();
        Instant now = clock.instant();
        Skill needed = order.needsMediumVoltage() ? Skill.MV : Skill.LV;
        for (CrewRecord crew : crews.crews()) {
            // only a certification that has not expired counts: the skills the crews learned and passed exams for
            boolean skilled = crew.certified(needed, now);
            if (crew.userId() == null || !crew.onShift() || !skilled) {
                continue;
            }
            if (strict && (refused.contains(crew.id()) || crew.openOrders() >= properties.maxOpenOrders())) {
                continue;
            }
            Candidate candidate = candidate(order, crew);
            if (!strict || candidate.distanceM() <= properties.maxDispatchDistanceM()) {
                candidates.add(candidate);
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score)
                .thenComparing(c -> c.crew().id()));
        return candidates;
    }

    private Candidate candidate(RepairOrderRecord order, CrewRecord crew) {
        GeoPoint at = position(crew);
        double distance = order.lat() == null || at == null ? 0 : at.distanceM(order.lat(), order.lng());
        Duration travel = travelTime.drive(distance, order.areaType());
        double score = travel.toSeconds() / 60.0
                + crew.openOrders() * properties.workloadPenalty().toMinutes();
        return new Candidate(crew, distance, travel, score);
    }

    /** Where the crew is: its last position while fresh, else its station, else its home. */
    public GeoPoint position(CrewRecord crew) {
        Instant fresh = clock.instant().minus(properties.positionFreshness());
        if (crew.lastLat() != null
                && crew.lastPositionAt() != null
                && crew.lastPositionAt().isAfter(fresh)) {
            return new GeoPoint(crew.lastLat(), crew.lastLng());
        }
        if (crew.stationLat() != null) {
            return new GeoPoint(crew.stationLat(), crew.stationLng());
        }
        return crew.homeLat() == null ? null : new GeoPoint(crew.homeLat(), crew.homeLng());
    }
}
