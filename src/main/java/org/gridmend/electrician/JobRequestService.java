package org.gridmend.electrician;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.gridmend.core.CustomerTexts;
import org.gridmend.core.Pii;
import org.gridmend.core.ProcessConstants;
import org.gridmend.core.PublicIds;
import org.gridmend.core.Refusal;
import org.gridmend.customer.CustomerSession;
import org.gridmend.customer.PhoneNumbers;
import org.gridmend.notify.DirectMessageService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Jobs as customers ask for them: from the service page (a signed-in customer) or from a behind-the-meter report
 * whose customer chose the social electrician. Each starts an ElectricianJob process; the customer follows it with
 * the job's tracking token (or their session) and answers the quote, confirms and rates, or disputes.
 */
@Service
public class JobRequestService {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A job as its requester gets it: the id, the token for its tracking page and the page's address. */
    public record Requested(String id, String token, String status, String trackUrl, String message) {}

    private final JobMapper jobs;
    private final DirectMessageService messages;
    private final ElectricianProperties properties;
    private final RuntimeService runtime;
    private final CustomerTexts texts;
    private final AuditTrail audit;
    private final Clock clock;

    JobRequestService(
            JobMapper jobs,
            RuntimeService runtime,
            CustomerTexts texts,
            DirectMessageService messages,
            ElectricianProperties properties,
            AuditTrail audit,
            Clock clock) {
        this.messages = messages;
        this.properties = properties;
        this.jobs = jobs;
        this.runtime = runtime;
        this.texts = texts;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Requested request(CustomerSession session, ServiceRequest request) {
        if (session == null) {
            throw new Refusal(
                    Refusal.Kind.UNAUTHENTICATED,
                    "UNAUTHORIZED",
                    "sign in with POST /api/customer/session first",
                    null);
        }
        if (request == null) {
            throw Refusal.invalid("MISSING_FIELD", "body", "the request is required");
        }
        if (request.requestId() == null || !request.requestId().matches("[A-Za-z0-9_-]{8,64}")) {
            throw Refusal.invalid(
                    request.requestId() == null ? "MISSING_FIELD" : "INVALID_FIELD",
                    "requestId",
                    "requestId must be 8 to 64 letters, digits, dashes or underscores (a UUID)");
        }
        if (!"ELECTRICIAN".equals(request.kind())) {
            throw Refusal.invalid(
                    request.kind() == null ? "MISSING_FIELD" : "INVALID_FIELD", "kind", "kind must be ELECTRICIAN");
        }
        ServiceSkill skill = ElectricianChecks.skill(request.skill(), "skill");
        if (request.location() == null) {
            throw Refusal.invalid("MISSING_FIELD", "location", "location {lat, lng} is required");
        }
        JobMapper.NewJob job = new JobMapper.NewJob();
        job.lat = ElectricianChecks.latitude(request.location().lat(), "location.lat");
        job.lng = ElectricianChecks.longitude(request.location().lng(), "location.lng");
        job.address = ElectricianChecks.text(request.address(), "address", 200, true);
        job.description = ElectricianChecks.text(request.description(), "description", 500, false);
        try {
            job.preferredWindow = request.preferredWindow() == null
                    ? ServiceRequest.Window.ASAP.name()
                    : ServiceRequest.Window.valueOf(request.preferredWindow()).name();
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(
                    "INVALID_FIELD",
                    "preferredWindow",
                    "preferredWindow must be one of " + List.of(ServiceRequest.Window.values()));
        }
        job.requestId = request.requestId();
        job.customerPhone = session.phone();
        job.skill = skill.name();
        JobMapper.JobRow earlier = jobs.byRequest(session.phone(), request.requestId());
        if (earlier != null) {
            return requested(earlier.id(), earlier.trackingToken(), earlier.status());
        }
        try {
            return start(job);
        } catch (DuplicateKeyException again) {
            JobMapper.JobRow same = jobs.byRequest(session.phone(), request.requestId());
            return requested(same.id(), same.trackingToken(), same.status());
        }
    }

    /**
     * A job GridMend asks for on a customer's behalf (a defect a custody inspection found on the customer's side):
     * once per {@code requestId}.
     */
    @Transactional
    public Requested startFor(
            String phone,
            String requestId,
            ServiceSkill skill,
            double lat,
            double lng,
            String address,
            String description) {
        String e164 = e164(phone);
        JobMapper.JobRow earlier = jobs.byRequest(e164, requestId);
        if (earlier != null) {
            return requested(earlier.id(), earlier.trackingToken(), earlier.status());
        }
        return start(onBehalf(e164, requestId, null, skill, lat, lng, address, description));
    }

    /** A behind-the-meter report's customer chose the social electrician (house wiring and breakers). */
    @Transactional
    public Requested startForReport(
            long reportId, String phone, double lat, double lng, String address, String description) {
        JobMapper.JobRow earlier = jobs.byReport(reportId);
        if (earlier != null && !"CLOSED".equals(earlier.status())) {
            return requested(earlier.id(), earlier.trackingToken(), earlier.status());
        }
        return start(onBehalf(
                e164(phone),
                "report-" + reportId + "-" + (earlier == null ? 1 : earlier.id() + 1),
                reportId,
                ServiceSkill.HOUSE_WIRING,
                lat,
                lng,
                address == null ? PublicIds.report(reportId) : address,
                description));
    }

    /** One form for every phone (E.164), so that the customer signed in with it finds the job too. */
    private static String e164(String phone) {
        return phone == null ? "" : PhoneNumbers.mobile(phone).orElse("");
    }

    /** A job GridMend asks for on a customer's behalf, to come as soon as possible. */
    private static JobMapper.NewJob onBehalf(
            String phone,
            String requestId,
            Long reportId,
            ServiceSkill skill,
            double lat,
            double lng,
            String address,
            String description) {
        JobMapper.NewJob job = new JobMapper.NewJob();
        job.requestId = requestId;
        job.customerPhone = phone;
        job.reportId = reportId;
        job.skill = skill.name();
        job.lat = lat;
        job.lng = lng;
        job.address = address;
        job.description = description;
        job.preferredWindow = ServiceRequest.Window.ASAP.name();
        return job;
    }

    private Requested start(JobMapper.NewJob job) {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        job.trackingToken = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        job.now = clock.instant();
        jobs.insert(job);
        String id = PublicIds.job(job.id);
        // the customer's link to follow the job, like a parcel's: the page asks them to sign in with their phone (the
        // link carries no token, so that nobody reading the outbox can open the job)
        String link = properties.publicUrl() + "/services/job?id=" + id;
        String skill = ServiceSkill.valueOf(job.skill).zh();
        jobs.insertEvent(job.id, job.now, "REQUESTED", texts.text("job.requested", id, skill, link));
        messages.tellPerson("J:" + id, job.customerPhone, "JOB_REQUESTED", id, "job.requested", id, skill, link);
        audit.record(AuditEntry.of("JOB_REQUESTED")
                .subject(id)
                .report(job.reportId)
                .detail("skill", job.skill)
                .detail("window", job.preferredWindow)
                .detail("phone", Pii.maskPhone(job.customerPhone)));
        runtime.startProcessInstanceByKey(ProcessConstants.ELECTRICIAN_JOB, id);
        return requested(job.id, job.trackingToken, jobs.find(job.id).status());
    }

    private Requested requested(long id, String token, String status) {
        String publicId = PublicIds.job(id);
        return new Requested(
                publicId,
                token,
                status,
                "/services/job?id=" + publicId + "#token=" + token,
                "已预约电工服务 " + publicId + "，正在为您联系附近的电工 (we are finding an electrician near you)");
    }

    /** The job a token or the signed-in customer's phone opens; 404 for anything else, so ids are not probed. */
    @Transactional(readOnly = true)
    public JobMapper.JobRow authorized(String publicId, String token, Optional<CustomerSession> session) {
        long id = PublicIds.parseJob(publicId);
        JobMapper.JobRow job = id < 0 ? null : jobs.find(id);
        boolean byToken = job != null
                && token != null
                && MessageDigest.isEqual(
                        job.trackingToken().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
        boolean byPhone = job != null
                && session.isPresent()
                && !job.customerPhone().isEmpty()
                && job.customerPhone().equals(session.get().phone());
        if (!byToken && !byPhone) {
            throw Refusal.notFound("service request", PublicIds.shorten(publicId));
        }
        return job;
    }

    /** The messages the job's process waits for now (none once it ended): one look at the engine for all of them. */
    java.util.Set<String> waitingFor(long jobId) {
        org.camunda.bpm.engine.runtime.ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processDefinitionKey(ProcessConstants.ELECTRICIAN_JOB)
                .processInstanceBusinessKey(PublicIds.job(jobId))
                .singleResult();
        if (instance == null) {
            return java.util.Set.of();
        }
        return runtime
                .createEventSubscriptionQuery()
                .processInstanceId(instance.getId())
                .eventType("message")
                .list()
                .stream()
                .map(org.camunda.bpm.engine.runtime.EventSubscription::getEventName)
                .collect(java.util.stream.Collectors.toSet());
    }

    /** Whether the job's process waits for the message now. */
    boolean waits(long jobId, String message) {
        return runtime.createExecutionQuery()
                        .processDefinitionKey(ProcessConstants.ELECTRICIAN_JOB)
                        .processInstanceBusinessKey(PublicIds.job(jobId))
                        .messageEventSubscriptionName(message)
                        .count()
                > 0;
    }

    void correlate(long jobId, String message) {
        runtime.createMessageCorrelation(message)
                .processInstanceBusinessKey(PublicIds.job(jobId))
                .correlate();
    }

    /** Withdraws a report's job that no electrician has accepted (the customer wants the utility crew instead). */
    @Transactional
    public boolean withdrawForReport(long reportId) {
        JobMapper.JobRow job = jobs.byReport(reportId);
        if (job == null || !waits(job.id(), ProcessConstants.MESSAGE_JOB_WITHDRAWN)) {
            return job == null;
        }
        correlate(job.id(), ProcessConstants.MESSAGE_JOB_WITHDRAWN);
        return true;
    }

    /** Whether the customer may still take the utility crew: no job, or one nobody has accepted. */
    @Transactional(readOnly = true)
    public boolean withdrawable(long reportId) {
        JobMapper.JobRow job = jobs.byReport(reportId);
        return job == null || "CLOSED".equals(job.status()) || waits(job.id(), ProcessConstants.MESSAGE_JOB_WITHDRAWN);
    }

    /** The job of a report, for its tracking page: the job's id and the address of its own tracking page. */
    @Transactional(readOnly = true)
    public Optional<Requested> ofReport(long reportId) {
        JobMapper.JobRow job = jobs.byReport(reportId);
        return job == null ? Optional.empty() : Optional.of(requested(job.id(), job.trackingToken(), job.status()));
    }
}
