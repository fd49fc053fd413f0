package org.gridmend.electrician;

import java.time.Clock;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.gridmend.core.UtilityZone;
import org.springframework.stereotype.Component;

/**
 * Who is offered a job next: of the approved electricians with the job's skill whose service area holds the place,
 * those at work now (their hours, in the utility's zone), not offered this job before and with fewer than
 * {@code maxOpenJobs} under way; the best by a score of distance (km), open jobs (3 km each) and rating (2 km per
 * star below five, the rating drawn towards 4 until an electrician has a few).
 */
@Component
class JobOffers {

    record Candidate(ElectricianMapper.ElectricianRow electrician, double distanceKm, long openJobs, double score) {}

    private final ElectricianRegistryService registry;
    private final JobMapper jobs;
    private final ElectricianProperties properties;
    private final UtilityZone zone;
    private final Clock clock;

    JobOffers(
            ElectricianRegistryService registry,
            JobMapper jobs,
            ElectricianProperties properties,
            UtilityZone zone,
            Clock clock) {
        this.registry = registry;
        this.jobs = jobs;
        this.properties = properties;
        this.zone = zone;
        this.clock = clock;
    }

    /** The candidates for the job, best first. */
    List<Candidate> candidates(JobMapper.JobRow job) {
        return candidates(job, true);
    }

    /** What a dispatcher may choose from: everyone serving the place, tried or not, at work or not, best first. */
    List<Candidate> candidatesAnyHour(JobMapper.JobRow job) {
        return candidates(job, false);
    }

    private List<Candidate> candidates(JobMapper.JobRow job, boolean now) {
        Set<Long> tried = jobs.offers(job.id()).stream()
                .map(JobMapper.Offer::electricianId)
                .collect(Collectors.toSet());
        Map<Long, Long> open =
                jobs.openJobs().stream().collect(Collectors.toMap(JobMapper.Count::k, JobMapper.Count::v));
        LocalTime time = LocalTime.ofInstant(clock.instant(), zone.zone());
        return registry.serving(job.lat(), job.lng(), ServiceSkill.valueOf(job.skill())).stream()
                .filter(s -> !now || !tried.contains(s.row().id()))
                .filter(s -> !now
                        || ElectricianChecks.within(
                                time, s.row().hoursFrom(), s.row().hoursTo()))
                .filter(s -> !now || open.getOrDefault(s.row().id(), 0L) < properties.maxOpenJobs())
                .map(s -> {
                    long o = open.getOrDefault(s.row().id(), 0L);
                    return new Candidate(s.row(), s.distanceKm(), o, score(s.distanceKm(), o, s.row()));
                })
                .sorted(Comparator.comparingDouble(Candidate::score)
                        .thenComparing(c -> c.electrician().id()))
                .toList();
    }

    Optional<Candidate> best(JobMapper.JobRow job) {
        return candidates(job).stream().findFirst();
    }

    static double score(double distanceKm, long openJobs, ElectricianMapper.ElectricianRow e) {
        double rating = (e.ratingSum() + 4.0 * 3) / (e.ratingCount() + 3);
        return distanceKm + 3.0 * openJobs + 2.0 * (5 - rating);
    }
}
