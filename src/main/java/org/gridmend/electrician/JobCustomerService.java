package org.gridmend.electrician;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.gridmend.core.ProcessConstants;
import org.gridmend.core.PublicIds;
import org.gridmend.core.Refusal;
import org.gridmend.customer.CustomerSession;
import org.gridmend.notify.DirectMessageService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer's side of a job: the parcel-style view, answering the quote, confirming and rating, disputing,
 * cancelling before an electrician comes, and messages to the electrician (who gets each by SMS).
 */
@Service
public class JobCustomerService {

    static final int MESSAGES_PER_HOUR = 20;

    /** The stages of a job in order, with the timeline kinds that reach them. */
    private static final List<String[]> STAGES = List.of(
            new String[] {"REQUESTED", "已预约", "requested", "REQUESTED"},
            new String[] {"ACCEPTED", "电工已接单", "accepted", "ACCEPTED"},
            new String[] {"ARRIVED", "已到达", "arrived", "ARRIVED"},
            new String[] {"QUOTED", "已报价", "quoted", "QUOTED"},
            new String[] {"REPAIRING", "维修中", "repairing", "QUOTE_ACCEPTED"},
            new String[] {"COMPLETED", "已完成", "completed", "COMPLETED"},
            new String[] {"RATED", "已评价", "rated", "CONFIRMED"});

    record Rating(Integer rating, String comment) {}

    record Dispute(String kind, String text) {}

    private final JobRequestService requests;
    private final JobMapper jobs;
    private final ElectricianMapper electricians;
    private final DirectMessageService messages;
    private final AuditTrail audit;
    private final Clock clock;

    JobCustomerService(
            JobRequestService requests,
            JobMapper jobs,
            ElectricianMapper electricians,
            DirectMessageService messages,
            AuditTrail audit,
            Clock clock) {
        this.requests = requests;
        this.jobs = jobs;
        this.electricians = electricians;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public JobView view(String id, String token, Optional<CustomerSession> session) {
        return view(requests.authorized(id, token, session));
    }

    @Transactional(readOnly = true)
    public List<JobView> mine(CustomerSession session) {
        return jobs.byCustomer(session.phone()).stream().map(this::view).toList();
    }

    JobView view(JobMapper.JobRow job) {
        List<JobMapper.Line> lines = jobs.events(job.id());
        Map<String, Instant> last = new HashMap<>();
        lines.forEach(l -> last.put(l.kind(), l.at()));
        // a job offered again after a decline is back at 已预约 until someone accepts
        Instant reset = lines.stream()
                .filter(l -> "NO_ELECTRICIAN".equals(l.kind()))
                .map(JobMapper.Line::at)
                .reduce((a, b) -> b)
                .orElse(null);
        List<JobView.Stage> stages = new ArrayList<>();
        boolean reached = true;
        for (String[] s : STAGES) {
            Instant at = "REQUESTED".equals(s[0]) ? job.createdAt() : last.get(s[3]);
            if (at != null && reset != null && at.isBefore(reset) && !"REQUESTED".equals(s[0])) {
                at = null;
            }
            reached = reached && at != null;
            stages.add(new JobView.Stage(s[0], s[1], s[2], reached ? at : null));
        }
        boolean accepted = last.containsKey("ACCEPTED")
                && job.electricianId() != null
                && !List.of("OFFERING", "OFFERED", "SEARCHING").contains(job.status());
        JobView.Electrician electrician = null;
        if (accepted) {
            ElectricianMapper.ElectricianRow e = electricians.find(job.electricianId());
            electrician = new JobView.Electrician(
                    PublicIds.electrician(e.id()),
                    e.name(),
                    JobSummary.national(e.phone()),
                    ElectricianRegistryService.rating(e),
                    e.jobsDone());
        }
        JobView.Quote quote = job.visitFee() == null
                ? null
                : new JobView.Quote(
                        job.visitFee(),
                        job.cause() == null ? null : JobSteps.Cause.valueOf(job.cause()).zh,
                        job.partsFee(),
                        job.labourFee(),
                        job.partsFee() == null ? null : job.partsFee().add(job.labourFee()));
        long id = job.id();
        String publicId = PublicIds.job(id);
        boolean open = !"CLOSED".equals(job.status());
        java.util.Set<String> waits = open ? requests.waitingFor(id) : java.util.Set.of();
        JobView.Actions actions = new JobView.Actions(
                waits.contains(ProcessConstants.MESSAGE_QUOTE_ACCEPTED),
                waits.contains(ProcessConstants.MESSAGE_JOB_CONFIRMED),
                waits.contains(ProcessConstants.MESSAGE_DISPUTE_RAISED),
                waits.contains(ProcessConstants.MESSAGE_JOB_WITHDRAWN),
                open && accepted);
        return new JobView(
                publicId,
                job.reportId() == null ? null : PublicIds.report(job.reportId()),
                job.status(),
                job.skill(),
                ServiceSkill.valueOf(job.skill()).label(),
                job.address(),
                job.preferredWindow(),
                stages,
                electrician,
                quote,
                job.amountCharged(),
                job.rating(),
                job.disputeKind(),
                job.outcome(),
                lines.stream()
                        .map(l -> new JobView.Line(l.at(), l.kind(), l.text()))
                        .toList(),
                jobs.photos(id).stream()
                        .map(p -> new JobView.Photo(
                                p.id(), "/api/service-requests/" + publicId + "/photos/" + p.id(), p.createdAt()))
                        .toList(),
                actions,
                job.createdAt());
    }

    @Transactional
    public JobView answerQuote(String id, String token, Optional<CustomerSession> session, Boolean accept) {
        if (accept == null) {
            throw Refusal.invalid("MISSING_FIELD", "accept", "accept is required: true or false");
        }
        JobMapper.JobRow job = locked(id, token, session);
        if (!requests.waits(job.id(), ProcessConstants.MESSAGE_QUOTE_ACCEPTED)) {
            throw Refusal.conflict("NOT_NOW", "accept", "there is no quote waiting for your answer");
        }
        audit.record(AuditEntry.of(accept ? "QUOTE_ACCEPTED" : "QUOTE_DECLINED").subject(PublicIds.job(job.id())));
        requests.correlate(
                job.id(), accept ? ProcessConstants.MESSAGE_QUOTE_ACCEPTED : ProcessConstants.MESSAGE_QUOTE_DECLINED);
        return view(jobs.find(job.id()));
    }

    @Transactional
    public JobView confirm(String id, String token, Optional<CustomerSession> session, Rating rating) {
        if (rating == null || rating.rating() == null) {
            throw Refusal.invalid("MISSING_FIELD", "rating", "rating is required: 1 to 5 stars");
        }
        if (rating.rating() < 1 || rating.rating() > 5) {
            throw Refusal.invalid("INVALID_FIELD", "rating", "rating must be 1 to 5");
        }
        String comment = ElectricianChecks.text(rating.comment(), "comment", 500, false);
        JobMapper.JobRow job = locked(id, token, session);
        if (!requests.waits(job.id(), ProcessConstants.MESSAGE_JOB_CONFIRMED)) {
            throw Refusal.conflict("NOT_NOW", "rating", "the job is not waiting for your confirmation");
        }
        Instant now = clock.instant();
        jobs.rate(job.id(), rating.rating(), comment, now);
        jobs.insertEvent(job.id(), now, "CONFIRMED", "您已确认完成并评价 " + rating.rating() + " 星，感谢！(confirmed and rated)");
        audit.record(AuditEntry.of("JOB_CONFIRMED")
                .subject(PublicIds.job(job.id()))
                .detail("rating", rating.rating())
                .detail("comment", comment));
        requests.correlate(job.id(), ProcessConstants.MESSAGE_JOB_CONFIRMED);
        return view(jobs.find(job.id()));
    }

    @Transactional
    public JobView dispute(String id, String token, Optional<CustomerSession> session, Dispute dispute) {
        JobSteps.DisputeKind kind;
        try {
            kind = JobSteps.DisputeKind.valueOf(dispute == null ? "" : String.valueOf(dispute.kind()));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("INVALID_FIELD", "kind", "kind must be NOT_FIXED or OVERCHARGED");
        }
        String text = ElectricianChecks.text(dispute.text(), "text", 500, false);
        JobMapper.JobRow job = locked(id, token, session);
        if (!requests.waits(job.id(), ProcessConstants.MESSAGE_DISPUTE_RAISED)) {
            throw Refusal.conflict(
                    "NOT_NOW", "kind", "a dispute is possible once the job is completed, before you confirm");
        }
        Instant now = clock.instant();
        jobs.dispute(job.id(), kind.name(), text, now);
        jobs.insertEvent(
                job.id(),
                now,
                "DISPUTED",
                kind == JobSteps.DisputeKind.NOT_FIXED
                        ? "您反映故障未修好，调度员将处理。(you said it is not fixed; a dispatcher looks into it)"
                        : "您反映收费高于报价，调度员将处理。(you said you were charged more than quoted; a dispatcher looks into it)");
        audit.record(AuditEntry.of("JOB_DISPUTED")
                .subject(PublicIds.job(job.id()))
                .detail("kind", kind)
                .detail("text", text));
        requests.correlate(job.id(), ProcessConstants.MESSAGE_DISPUTE_RAISED);
        return view(jobs.find(job.id()));
    }

    @Transactional
    public JobView cancel(String id, String token, Optional<CustomerSession> session) {
        JobMapper.JobRow job = locked(id, token, session);
        if (!requests.waits(job.id(), ProcessConstants.MESSAGE_JOB_WITHDRAWN)) {
            throw Refusal.conflict("NOT_NOW", null, "an electrician has accepted the job: message them to call it off");
        }
        audit.record(AuditEntry.of("JOB_CANCELLED_BY_CUSTOMER").subject(PublicIds.job(job.id())));
        requests.correlate(job.id(), ProcessConstants.MESSAGE_JOB_WITHDRAWN);
        return view(jobs.find(job.id()));
    }

    @Transactional(readOnly = true)
    public List<JobMessage> messages(String id, String token, Optional<CustomerSession> session) {
        return jobs.messages(requests.authorized(id, token, session).id()).stream()
                .map(JobMessage::of)
                .toList();
    }

    @Transactional
    public JobMessage send(String id, String token, Optional<CustomerSession> session, String text) {
        JobMapper.JobRow job = locked(id, token, session);
        String t = ElectricianChecks.text(text, "text", 500, true);
        if (job.electricianId() == null || "CLOSED".equals(job.status())) {
            throw Refusal.conflict("NOT_NOW", "text", "messages reach the electrician once one accepted the job");
        }
        Instant now = clock.instant();
        if (jobs.messagesSince(job.id(), "CUSTOMER", now.minus(Duration.ofHours(1))) >= MESSAGES_PER_HOUR) {
            throw Refusal.rateLimited("text", "at most " + MESSAGES_PER_HOUR + " messages an hour", 600);
        }
        jobs.insertMessage(job.id(), now, "CUSTOMER", t);
        ElectricianMapper.ElectricianRow e = electricians.find(job.electricianId());
        messages.tellPerson(
                "E:" + e.userId(),
                e.phone(),
                "JOB_MESSAGE",
                PublicIds.job(job.id()) + "|" + now.toEpochMilli(),
                "electrician.customer_message",
                PublicIds.job(job.id()),
                t);
        audit.record(
                AuditEntry.of("JOB_MESSAGE").subject(PublicIds.job(job.id())).detail("from", "CUSTOMER"));
        List<JobMapper.Message> all = jobs.messages(job.id());
        return JobMessage.of(all.get(all.size() - 1));
    }

    @Transactional(readOnly = true)
    public JobPhoto photo(String id, String token, Optional<CustomerSession> session, long photoId) {
        JobMapper.PhotoData photo =
                jobs.photo(requests.authorized(id, token, session).id(), photoId);
        if (photo == null) {
            throw Refusal.notFound("photo", String.valueOf(photoId));
        }
        return new JobPhoto(photo.contentType(), photo.data());
    }

    private JobMapper.JobRow locked(String id, String token, Optional<CustomerSession> session) {
        return jobs.lock(requests.authorized(id, token, session).id());
    }
}
