package org.gridmend.electrician;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.gridmend.core.PublicIds;
import org.gridmend.process.TaskRefusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dispatcher's steps of an ElectricianJob: "Find electrician" (whom to pick, and the pick offered at once, or the
 * job cancelled) and "Resolve dispute".
 */
@Service
public class JobDispatcherService {

    private final JobStepsService steps;
    private final JobMapper jobs;
    private final JobOffers offers;
    private final AuditTrail audit;
    private final Clock clock;

    JobDispatcherService(JobStepsService steps, JobMapper jobs, JobOffers offers, AuditTrail audit, Clock clock) {
        this.steps = steps;
        this.jobs = jobs;
        this.offers = offers;
        this.audit = audit;
        this.clock = clock;
    }

    /** The electricians a dispatcher may pick in "Find electrician": anyone serving the place, at work or not. */
    @Transactional(readOnly = true)
    public Map<String, Object> findShown(long jobId) {
        JobMapper.JobRow job = jobs.find(jobId);
        List<Map<String, String>> options = offers.candidatesAnyHour(job).stream()
                .map(c -> Map.of(
                        "value",
                        PublicIds.electrician(c.electrician().id()),
                        "label",
                        String.format(
                                Locale.ROOT,
                                "%s %s · %.1f km · 在办 open %d · 工作时间 %s–%s",
                                PublicIds.electrician(c.electrician().id()),
                                org.gridmend.core.Pii.maskName(c.electrician().name()),
                                c.distanceKm(),
                                c.openJobs(),
                                c.electrician().hoursFrom(),
                                c.electrician().hoursTo())))
                .toList();
        Map<String, Object> shown = new LinkedHashMap<>(JobSummary.of(job));
        shown.put("electricianOptions", options);
        return shown;
    }

    /** The dispatcher's choice: ASSIGN to a named electrician (offered at once) or CANCEL; true when assigned. */
    @Transactional
    public boolean dispatcherChoice(long jobId, Object decision, Object electricianId, String actor) {
        JobMapper.JobRow job = steps.job(jobId);
        if ("CANCEL".equals(decision)) {
            audit.record(
                    AuditEntry.of("JOB_CANCELLED_BY_DISPATCHER").user(actor).subject(PublicIds.job(jobId)));
            return false;
        }
        if (!"ASSIGN".equals(decision)) {
            throw TaskRefusal.refuse("findDecision", "请选择指派或取消", "choose assign or cancel");
        }
        long id = PublicIds.parseElectrician(electricianId == null ? null : electricianId.toString());
        JobOffers.Candidate chosen = offers.candidatesAnyHour(job).stream()
                .filter(c -> c.electrician().id() == id)
                .findFirst()
                .orElseThrow(() -> TaskRefusal.refuse(
                        "chosenElectricianId",
                        "请从列表中选择为该地点服务的电工",
                        "pick an electrician of the list, who serves this place"));
        steps.offerTo(job, chosen.electrician(), chosen.distanceKm(), "DISPATCHER");
        audit.record(AuditEntry.of("JOB_ASSIGNED_BY_DISPATCHER")
                .user(actor)
                .subject(PublicIds.job(jobId))
                .detail("electrician", PublicIds.electrician(id)));
        return true;
    }

    @Transactional
    public void disputeOutcome(long jobId, Object outcome, String actor) {
        JobMapper.JobRow job = steps.job(jobId);
        JobSteps.DisputeOutcome o = JobSteps.choice(
                JobSteps.DisputeOutcome.class, outcome, "disputeOutcome", "请选择处理结果", "choose the outcome");
        jobs.disputeOutcome(jobId, o.name(), clock.instant());
        steps.tellCustomer(job, "DISPUTE_RESOLVED", "job.dispute_resolved", o.zh);
        steps.tellElectrician(
                steps.electrician(job),
                job,
                "DISPUTE_RESOLVED",
                "electrician.dispute_resolved",
                PublicIds.job(jobId),
                o.zh);
        audit.record(AuditEntry.of("JOB_DISPUTE_RESOLVED")
                .user(actor)
                .subject(PublicIds.job(jobId))
                .detail("outcome", o));
    }
}
