package org.gridmend.performance;

import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gridmend.core.Refusal;
import org.gridmend.core.UtilityZone;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Internal performance evaluation (内部绩效评价), per crew and month in the utility's zone: orders accepted, share of
 * arrivals within the commitment, average minutes from first report to arrival, the customers' ratings, orders sent
 * back in review, repeat faults, learning minutes and exams passed, and a composite score.
 */
@Service
public class PerformanceService {

    static final int MAX_MONTHS = 24;

    private final PerformanceMapper mapper;
    private final PerformanceProperties properties;
    private final UtilityZone zone;

    PerformanceService(PerformanceMapper mapper, PerformanceProperties properties, UtilityZone zone) {
        this.mapper = mapper;
        this.properties = properties;
        this.zone = zone;
    }

    /** One crew's figures for one month; shares and averages are null when there is nothing to average. */
    public record CrewMonth(
            String month,
            String crewId,
            String employeeNo,
            String name,
            int orders,
            int arrivals,
            Double onTimeShare,
            Double averageMinutesToArrive,
            Double ratingAverage,
            int ratingCount,
            int sentBack,
            int repeatFaults,
            long learningMinutes,
            int examsPassed,
            double score) {}

    public record Month(String month, String zone, List<CrewMonth> crews) {}

    public static YearMonth month(String month) {
        if (month == null || month.isBlank()) {
            throw Refusal.invalid("MISSING_FIELD", "month", "month is required, such as 2026-12");
        }
        try {
            YearMonth parsed = YearMonth.parse(month.trim());
            if (parsed.getYear() < 2000 || parsed.getYear() > 2100) {
                throw Refusal.invalid("INVALID_FIELD", "month", "month must lie between 2000-01 and 2100-12");
            }
            return parsed;
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("INVALID_FIELD", "month", "month must look like 2026-12");
        }
    }

    /**
     * Which crew the caller may see: dispatchers, auditors and admins any (null: all of them); a crew only itself, and
     * its own when it names none.
     */
    @Transactional(readOnly = true)
    public String visibleCrew(String userId, boolean staff, String crewId) {
        String asked = crewId == null || crewId.isBlank() ? null : crewId.trim();
        if (staff) {
            return asked;
        }
        String own = mapper.crewOfUser(userId);
        if (own == null) {
            throw Refusal.notFound("crew of user", userId);
        }
        if (asked != null && !asked.equals(own)) {
            throw Refusal.forbidden("a crew sees its own performance only");
        }
        return own;
    }

    /** Every crew's figures for the month (or only {@code crewId}'s). */
    @Transactional(readOnly = true)
    public Month month(YearMonth month, String crewId) {
        Instant from = month.atDay(1).atStartOfDay(zone.zone()).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone.zone()).toInstant();
        Map<String, List<PerformanceMapper.OrderRow>> orders = new HashMap<>();
        // one crew's history reads only that crew's rows, month by month
        for (PerformanceMapper.OrderRow o : mapper.orders(from, to, properties.repeatDays(), crewId)) {
            orders.computeIfAbsent(o.crewId(), k -> new ArrayList<>()).add(o);
        }
        Map<String, Long> seconds = values(mapper.learningSeconds(from, to, crewId));
        Map<String, Long> exams = values(mapper.examsPassed(from, to, crewId));
        List<CrewMonth> crews = new ArrayList<>();
        for (PerformanceMapper.CrewRow crew : mapper.crews(crewId)) {
            crews.add(figures(
                    month.toString(),
                    crew,
                    orders.getOrDefault(crew.id(), List.of()),
                    seconds.getOrDefault(crew.id(), 0L),
                    exams.getOrDefault(crew.id(), 0L).intValue()));
        }
        if (crewId != null && crews.isEmpty()) {
            throw Refusal.notFound("crew", crewId);
        }
        return new Month(month.toString(), zone.zone().getId(), crews);
    }

    /** One crew's months up to {@code to}, oldest first: what the charts draw. */
    @Transactional(readOnly = true)
    public List<CrewMonth> history(String crewId, YearMonth to, int count) {
        if (count < 1 || count > MAX_MONTHS) {
            throw Refusal.invalid("INVALID_FIELD", "count", "count must be between 1 and " + MAX_MONTHS);
        }
        List<CrewMonth> months = new ArrayList<>();
        for (int i = count - 1; i >= 0; i--) {
            months.add(month(to.minusMonths(i), crewId).crews().get(0));
        }
        return months;
    }

    CrewMonth figures(
            String month,
            PerformanceMapper.CrewRow crew,
            List<PerformanceMapper.OrderRow> orders,
            long learningSeconds,
            int examsPassed) {
        int arrivals = 0;
        int onTime = 0;
        long arriveSeconds = 0;
        int ratingCount = 0;
        double ratingSum = 0;
        int sentBack = 0;
        int repeats = 0;
        for (PerformanceMapper.OrderRow o : orders) {
            if (o.arrivedAt() != null && o.firstReportAt() != null) {
                arrivals++;
                arriveSeconds +=
                        o.arrivedAt().getEpochSecond() - o.firstReportAt().getEpochSecond();
                if (o.arrivalDeadline() == null || !o.arrivedAt().isAfter(o.arrivalDeadline())) {
                    onTime++;
                }
            }
            if (o.ratingCount() != null && o.ratingCount() > 0 && o.ratingAverage() != null) {
                ratingCount += o.ratingCount();
                ratingSum += o.ratingCount() * o.ratingAverage();
            }
            sentBack += o.sentBack() > 0 ? 1 : 0;
            repeats += o.repeats() > 0 ? 1 : 0;
        }
        Double onTimeShare = arrivals == 0 ? null : round((double) onTime / arrivals, 3);
        Double minutes = arrivals == 0 ? null : round(arriveSeconds / 60.0 / arrivals, 1);
        Double rating = ratingCount == 0 ? null : round(ratingSum / ratingCount, 2);
        long learningMinutes = learningSeconds / 60;
        return new CrewMonth(
                month,
                crew.id(),
                crew.employeeNo(),
                crew.name(),
                orders.size(),
                arrivals,
                onTimeShare,
                minutes,
                rating,
                ratingCount,
                sentBack,
                repeats,
                learningMinutes,
                examsPassed,
                score(onTimeShare, rating, learningMinutes, examsPassed, sentBack, repeats));
    }

    /** The composite score, 0 to 100: see {@link PerformanceProperties}. */
    double score(Double onTimeShare, Double rating, long learningMinutes, int examsPassed, int sentBack, int repeats) {
        double weighted = 0;
        double weights = 0;
        if (onTimeShare != null) {
            weighted += properties.onTimeWeight() * onTimeShare;
            weights += properties.onTimeWeight();
        }
        if (rating != null) {
            weighted += properties.ratingWeight() * rating / 5;
            weights += properties.ratingWeight();
        }
        weighted += properties.learningWeight()
                * Math.min(1, (double) learningMinutes / Math.max(1, properties.learningTargetMinutes()));
        weighted +=
                properties.examsWeight() * Math.min(1, (double) examsPassed / Math.max(1, properties.examsTarget()));
        weights += properties.learningWeight() + properties.examsWeight();
        double score = weights == 0 ? 0 : 100 * weighted / weights;
        score -= properties.sentBackPenalty() * sentBack + properties.repeatFaultPenalty() * repeats;
        return round(Math.max(0, Math.min(100, score)), 1);
    }

    private static Map<String, Long> values(List<PerformanceMapper.CrewValue> rows) {
        Map<String, Long> map = new HashMap<>();
        rows.forEach(r -> map.put(r.crewId(), r.value()));
        return map;
    }

    private static double round(double value, int places) {
        double f = Math.pow(10, places);
        return Math.round(value * f) / f;
    }
}
