package org.gridmend.electrician;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.gridmend.core.CustomerTexts;
import org.gridmend.core.ProcessConstants;
import org.gridmend.core.PublicIds;
import org.gridmend.notify.DirectMessageService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ElectricianJob process's steps: offers one electrician at a time, the electrician's answers, arrival, quote
 * and completion, the dispatcher's choice and the dispute's outcome, closing (which tells a FaultReport that started
 * the job) and the rating's aggregation. Every step writes the job's timeline and tells the customer by SMS.
 */
@Service
public class JobStepsService {

    private final JobMapper jobs;
    private final ElectricianMapper electricians;
    private final JobOffers offers;
    private final DirectMessageService messages;
    private final CustomerTexts texts;
    private final ElectricianProperties properties;
    private final RuntimeService runtime;
    private final AuditTrail audit;
    private final Clock clock;

    JobStepsService(
            JobMapper jobs,
            ElectricianMapper electricians,
            JobOffers offers,
            DirectMessageService messages,
            CustomerTexts texts,
            ElectricianProperties properties,
            RuntimeService runtime,
            AuditTrail audit,
            Clock clock) {
        this.jobs = jobs;
        this.electricians = electricians;
        this.offers = offers;
        this.messages = messages;
        this.texts = texts;
        this.properties = properties;
        this.runtime = runtime;
        this.audit = audit;
        this.clock = clock;
    }

    JobMapper.JobRow job(long id) {
        JobMapper.JobRow job = jobs.lock(id);
        if (job == null) {
            throw new IllegalStateException("no job " + id);
        }
        return job;
    }

    ElectricianMapper.ElectricianRow electrician(JobMapper.JobRow job) {
        return job.electricianId() == null ? null : electricians.find(job.electricianId());
    }

    /** A line on the customer's timeline, and the same text by SMS once. */
    void tellCustomer(JobMapper.JobRow job, String kind, String key, Object... args) {
        String text = texts.text(key, args);
        jobs.insertEvent(job.id(), clock.instant(), kind, text);
        String id = PublicIds.job(job.id());
        messages.tellPerson(
                "J:" + id, job.customerPhone(), "JOB_" + kind, id + "|" + kind + "|" + job.offers(), key, args);
    }

    void tellElectrician(
            ElectricianMapper.ElectricianRow e, JobMapper.JobRow job, String event, String key, Object... args) {
        if (e != null) {
            messages.tellPerson(
                    "E:" + e.userId(), e.phone(), event, PublicIds.job(job.id()) + "|" + job.offers(), key, args);
        }
    }

    /** Offers the job to the best untried electrician; false when there is none or the offers ran out. */
    @Transactional
    public boolean offer(long jobId) {
        JobMapper.JobRow job = job(jobId);
        if (job.offers() >= properties.maxOffers()) {
            return false;
        }
        Optional<JobOffers.Candidate> best = offers.best(job);
        if (best.isEmpty()) {
            return false;
        }
        offerTo(job, best.get().electrician(), best.get().distanceKm(), "BEST");
        return true;
    }

    void offerTo(JobMapper.JobRow job, ElectricianMapper.ElectricianRow e, double distanceKm, String rule) {
        Instant now = clock.instant();
        jobs.insertOffer(job.id(), job.offers() + 1, e.id(), distanceKm, rule, now);
        jobs.offered(job.id(), e.id(), now);
        JobMapper.JobRow offered = jobs.find(job.id());
        ServiceSkill skill = ServiceSkill.valueOf(job.skill());
        tellElectrician(
                e,
                offered,
                "JOB_OFFERED",
                "electrician.job_offered",
                PublicIds.job(job.id()),
                skill.zh(),
                String.format(Locale.ROOT, "%.1f", distanceKm),
                properties.acceptWindow().toMinutes());
        audit.record(AuditEntry.of("JOB_OFFERED")
                .subject(PublicIds.job(job.id()))
                .detail("electrician", PublicIds.electrician(e.id()))
                .detail("distanceKm", Math.round(distanceKm * 10) / 10.0)
                .detail("rule", rule)
                .detail("offer", offered.offers()));
    }

    /** The user the open offer is for (the task's assignee). */
    @Transactional(readOnly = true)
    public String assignee(long jobId) {
        ElectricianMapper.ElectricianRow e = electrician(jobs.find(jobId));
        if (e == null || e.userId() == null) {
            throw new IllegalStateException("job " + jobId + " has no electrician with a user");
        }
        return e.userId();
    }

    /** The offer lapsed (the accept timer): the next electrician. */
    @Transactional
    public void lapse(long jobId) {
        JobMapper.JobRow job = job(jobId);
        jobs.answerOffer(jobId, "LAPSED", clock.instant());
        jobs.unassign(jobId, clock.instant());
        audit.record(AuditEntry.of("JOB_OFFER_LAPSED")
                .subject(PublicIds.job(jobId))
                .detail(
                        "electrician",
                        job.electricianId() == null ? null : PublicIds.electrician(job.electricianId())));
    }

    /** "Accept job": ACCEPT with the visit fee quoted, or DECLINE; true when accepted. */
    @Transactional
    public boolean answer(long jobId, Object decision, Object visitFee, String actor) {
        JobMapper.JobRow job = job(jobId);
        String answer = JobSteps.choice(Answer.class, decision, "jobDecision", "请选择接单或拒绝", "choose accept or decline")
                .name();
        Instant now = clock.instant();
        if ("ACCEPT".equals(answer)) {
            BigDecimal fee = JobSteps.money(visitFee, "visitFee", 500);
            jobs.answerOffer(jobId, "ACCEPTED", now);
            jobs.accepted(jobId, fee, now);
            ElectricianMapper.ElectricianRow e = electrician(job);
            tellCustomer(
                    job, "ACCEPTED", "job.accepted", e.name(), fee.toPlainString(), JobSummary.national(e.phone()));
            audit.record(AuditEntry.of("JOB_ACCEPTED")
                    .user(actor)
                    .subject(PublicIds.job(jobId))
                    .detail("visitFee", fee));
            return true;
        }
        jobs.answerOffer(jobId, "DECLINED", now);
        jobs.unassign(jobId, now);
        audit.record(AuditEntry.of("JOB_DECLINED").user(actor).subject(PublicIds.job(jobId)));
        return false;
    }

    enum Answer {
        ACCEPT,
        DECLINE
    }

    /** No electrician took the job: the customer hears it honestly; a FaultReport offers the utility crew again. */
    @Transactional
    public void tellNoElectrician(long jobId) {
        JobMapper.JobRow job = job(jobId);
        jobs.setStatus(jobId, "SEARCHING", clock.instant());
        tellCustomer(
                job,
                "NO_ELECTRICIAN",
                "job.no_electrician",
                job.reportId() == null
                        ? texts.text("job.no_electrician.direct")
                        : texts.text("job.no_electrician.report"));
        audit.record(AuditEntry.of("JOB_NO_ELECTRICIAN")
                .subject(PublicIds.job(jobId))
                .detail("offers", job.offers()));
        if (job.reportId() != null) {
            runtime.createMessageCorrelation(ProcessConstants.MESSAGE_NO_ELECTRICIAN_FOUND)
                    .processInstanceBusinessKey(PublicIds.report(job.reportId()))
                    .correlateAll();
        }
    }

    @Transactional
    public void arrival(long jobId, String actor) {
        JobMapper.JobRow job = job(jobId);
        jobs.setStatus(jobId, "ARRIVED", clock.instant());
        tellCustomer(job, "ARRIVED", "job.arrived");
        audit.record(AuditEntry.of("JOB_ARRIVED").user(actor).subject(PublicIds.job(jobId)));
    }

    @Transactional
    public void quote(long jobId, Object cause, Object partsFee, Object labourFee, String actor) {
        JobMapper.JobRow job = job(jobId);
        JobSteps.Cause c = JobSteps.choice(JobSteps.Cause.class, cause, "jobCause", "请选择故障原因", "choose the cause");
        BigDecimal parts = JobSteps.money(partsFee, "partsFee", 20000);
        BigDecimal labour = JobSteps.money(labourFee, "labourFee", 20000);
        jobs.quoted(jobId, c.name(), parts, labour, clock.instant());
        tellCustomer(
                job,
                "QUOTED",
                "job.quoted",
                c.zh,
                parts.toPlainString(),
                labour.toPlainString(),
                parts.add(labour).toPlainString());
        audit.record(AuditEntry.of("JOB_QUOTED")
                .user(actor)
                .subject(PublicIds.job(jobId))
                .detail("cause", c)
                .detail("partsFee", parts)
                .detail("labourFee", labour));
    }

    @Transactional
    public void quoteAccepted(long jobId) {
        JobMapper.JobRow job = job(jobId);
        jobs.setStatus(jobId, "REPAIRING", clock.instant());
        tellCustomer(job, "QUOTE_ACCEPTED", "job.quote_accepted");
        tellElectrician(electrician(job), job, "QUOTE_ACCEPTED", "electrician.quote_accepted", PublicIds.job(jobId));
    }

    @Transactional
    public void completion(long jobId, Object amount, String actor) {
        JobMapper.JobRow job = job(jobId);
        BigDecimal charged = JobSteps.money(amount, "amountCharged", 50000);
        jobs.completed(jobId, charged, clock.instant());
        tellCustomer(job, "COMPLETED", "job.completed", charged.toPlainString());
        audit.record(AuditEntry.of("JOB_COMPLETED")
                .user(actor)
                .subject(PublicIds.job(jobId))
                .detail("amountCharged", charged)
                .detail("photos", jobs.photos(jobId).size()));
    }

    /** The customer's rating counts for the electrician, like crews' ratings; a done job counts too. */
    @Transactional
    public void aggregateRating(long jobId) {
        JobMapper.JobRow job = job(jobId);
        if (job.electricianId() == null) {
            return;
        }
        if (job.rating() != null) {
            electricians.addRating(job.electricianId(), job.rating(), clock.instant());
        }
        electricians.addJobDone(job.electricianId(), clock.instant());
    }

    /** Closes the job with its outcome, and tells a FaultReport waiting for it. */
    @Transactional
    public void close(long jobId, String outcome) {
        JobMapper.JobRow job = job(jobId);
        jobs.answerOffer(jobId, "WITHDRAWN", clock.instant());
        jobs.close(jobId, outcome, clock.instant());
        String key = "job.closed." + outcome.toLowerCase(Locale.ROOT);
        tellCustomer(
                job,
                "CLOSED",
                key,
                job.visitFee() == null ? "0" : job.visitFee().toPlainString());
        audit.record(AuditEntry.of("JOB_CLOSED").subject(PublicIds.job(jobId)).detail("outcome", outcome));
        if (job.reportId() != null) {
            runtime.createMessageCorrelation(ProcessConstants.MESSAGE_ELECTRICIAN_JOB_ENDED)
                    .processInstanceBusinessKey(PublicIds.report(job.reportId()))
                    .correlateAll();
        }
    }

    /** What every task of the job shows: the job and its customer (masked until accepted). */
    @Transactional(readOnly = true)
    public Map<String, Object> summary(long jobId) {
        return JobSummary.of(jobs.find(jobId));
    }
}
