package org.gridmend.electrician;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.gridmend.core.Pii;
import org.gridmend.core.ProcessConstants;
import org.gridmend.core.PublicIds;
import org.gridmend.core.Refusal;
import org.gridmend.core.UtilityZone;
import org.gridmend.customer.CustomerSession;
import org.gridmend.grid.GeoMath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry of social electricians: applications from a verified phone (each starts an ElectricianRegistration
 * process, where a dispatcher reviews it), the electrician's own view and certificate renewal, and the public look-up
 * of approved electricians near a place, which never shows a phone number.
 */
@Service
public class ElectricianRegistryService {

    private static final Logger log = LoggerFactory.getLogger(ElectricianRegistryService.class);
    static final int NEARBY_LIMIT = 20;

    public record Applied(String id, String status, String message) {}

    public record Nearby(
            String id, String name, List<String> skills, Double rating, int ratings, int jobsDone, double distanceKm) {}

    public record Mine(
            String id,
            String userId,
            String name,
            String status,
            String certificateNo,
            String certificateType,
            LocalDate certificateExpires,
            List<String> skills,
            ElectricianApplication.Area serviceArea,
            ElectricianApplication.Hours workingHours,
            Double rating,
            int ratings,
            int jobsDone,
            String refusalReason) {}

    private final ElectricianMapper electricians;
    private final RuntimeService runtime;
    private final AuditTrail audit;
    private final UtilityZone zone;
    private final Clock clock;

    ElectricianRegistryService(
            ElectricianMapper electricians, RuntimeService runtime, AuditTrail audit, UtilityZone zone, Clock clock) {
        this.electricians = electricians;
        this.runtime = runtime;
        this.audit = audit;
        this.zone = zone;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone.zone());
    }

    @Transactional
    public Applied apply(CustomerSession session, ElectricianApplication application) {
        if (session == null) {
            throw new Refusal(
                    Refusal.Kind.UNAUTHENTICATED,
                    "UNAUTHORIZED",
                    "verify your phone first: POST /api/customer/otp, then POST /api/customer/session",
                    null);
        }
        if (application == null) {
            throw Refusal.invalid("MISSING_FIELD", "body", "the application is required");
        }
        ElectricianMapper.NewElectrician row = ElectricianChecks.row(
                application,
                session.phone(),
                ElectricianChecks.expiry(application.certificateExpires(), today(), "certificateExpires"));
        row.now = clock.instant();
        ElectricianMapper.ElectricianRow earlier = electricians.lockByPhone(session.phone());
        if (earlier == null) {
            electricians.insert(row);
        } else if ("REFUSED".equals(earlier.status())) {
            row.id = earlier.id();
            electricians.reapply(row);
        } else {
            throw Refusal.conflict(
                    "ALREADY_REGISTERED",
                    "phone",
                    "this phone has an application or registration already (" + PublicIds.electrician(earlier.id())
                            + ", " + earlier.status()
                            + "): renew a certificate with PUT /api/electricians/me/certificate");
        }
        String id = PublicIds.electrician(row.id);
        runtime.startProcessInstanceByKey(ProcessConstants.ELECTRICIAN_REGISTRATION, id);
        audit.record(AuditEntry.of("ELECTRICIAN_APPLIED")
                .subject(id)
                .detail("certificateType", row.certificateType)
                .detail("skills", row.skills)
                .detail("phone", Pii.maskPhone(row.phone)));
        log.info("electrician applied electricianId={}", id);
        return new Applied(
                id,
                "APPLIED",
                "申请已提交，调度员审核后将短信通知您 (your application is in; a dispatcher reviews it and you get an SMS)");
    }

    /** The signed-in electrician's registration. */
    @Transactional(readOnly = true)
    public Mine mine(String userId) {
        ElectricianMapper.ElectricianRow row = electricians.findByUser(userId);
        if (row == null) {
            throw Refusal.notFound("electrician of user", userId);
        }
        return new Mine(
                PublicIds.electrician(row.id()),
                row.userId(),
                row.name(),
                row.status(),
                row.certificateNo(),
                row.certificateType(),
                row.certificateExpires(),
                skills(row),
                new ElectricianApplication.Area(row.lat(), row.lng(), row.radiusKm()),
                new ElectricianApplication.Hours(row.hoursFrom(), row.hoursTo()),
                rating(row),
                row.ratingCount(),
                row.jobsDone(),
                row.refusalReason());
    }

    /**
     * A renewed certificate: stored, and the registration goes to a dispatcher's review again (a suspended
     * electrician is reinstated when it is approved).
     */
    @Transactional
    public Mine renew(String userId, String certificateNo, String expires) {
        ElectricianMapper.ElectricianRow row = electricians.findByUser(userId);
        if (row == null) {
            throw Refusal.notFound("electrician of user", userId);
        }
        String no = ElectricianChecks.certificateNo(certificateNo);
        LocalDate until = ElectricianChecks.expiry(expires, today(), "certificateExpires");
        if (!until.isAfter(row.certificateExpires())) {
            throw Refusal.invalid(
                    "INVALID_FIELD",
                    "certificateExpires",
                    "a renewed certificate must run past the current one (" + row.certificateExpires() + ")");
        }
        String id = PublicIds.electrician(row.id());
        long waiting = runtime.createExecutionQuery()
                .processDefinitionKey(ProcessConstants.ELECTRICIAN_REGISTRATION)
                .processInstanceBusinessKey(id)
                .messageEventSubscriptionName(ProcessConstants.MESSAGE_CERTIFICATE_RENEWED)
                .count();
        if (waiting == 0) {
            throw Refusal.conflict(
                    "NOT_NOW", "certificateExpires", "your registration is under review; renew after the decision");
        }
        electricians.renew(row.id(), no, until, clock.instant());
        audit.record(
                AuditEntry.of("CERTIFICATE_RENEWED").user(userId).subject(id).detail("certificateExpires", until));
        runtime.createMessageCorrelation(ProcessConstants.MESSAGE_CERTIFICATE_RENEWED)
                .processInstanceBusinessKey(id)
                .correlate();
        return mine(userId);
    }

    /** Approved electricians with a valid certificate whose service area holds the place, nearest first. */
    @Transactional(readOnly = true)
    public List<Nearby> nearby(Double lat, Double lng, String skill) {
        double la = ElectricianChecks.latitude(lat, "lat");
        double ln = ElectricianChecks.longitude(lng, "lng");
        ServiceSkill wanted = skill == null || skill.isBlank() ? null : ElectricianChecks.skill(skill, "skill");
        return serving(la, ln, wanted).stream()
                .map(c -> new Nearby(
                        PublicIds.electrician(c.row().id()),
                        Pii.maskName(c.row().name()),
                        skills(c.row()),
                        rating(c.row()),
                        c.row().ratingCount(),
                        c.row().jobsDone(),
                        Math.round(c.distanceKm() * 10) / 10.0))
                .limit(NEARBY_LIMIT)
                .toList();
    }

    /** An electrician as another feature needs them: who, how to reach them, whether they may work now. */
    public record Contact(String id, String userId, String name, String phone, boolean approved, double distanceKm) {}

    /** The electricians with the skill who serve the place (approved, certified today), nearest first. */
    @Transactional(readOnly = true)
    public List<Contact> candidates(double lat, double lng, ServiceSkill skill) {
        return serving(lat, lng, skill).stream()
                .map(s -> new Contact(
                        PublicIds.electrician(s.row().id()),
                        s.row().userId(),
                        s.row().name(),
                        s.row().phone(),
                        true,
                        Math.round(s.distanceKm() * 10) / 10.0))
                .toList();
    }

    /** The electrician of a Camunda user; empty for a user who is none. */
    @Transactional(readOnly = true)
    public java.util.Optional<Long> ofUser(String userId) {
        ElectricianMapper.ElectricianRow e = electricians.findByUser(userId);
        return e == null ? java.util.Optional.empty() : java.util.Optional.of(e.id());
    }

    /** One electrician by id; empty for an unknown one. */
    @Transactional(readOnly = true)
    public java.util.Optional<Contact> contact(long id) {
        ElectricianMapper.ElectricianRow e = electricians.find(id);
        return e == null
                ? java.util.Optional.empty()
                : java.util.Optional.of(new Contact(
                        PublicIds.electrician(id),
                        e.userId(),
                        e.name(),
                        e.phone(),
                        "APPROVED".equals(e.status()) && !e.certificateExpires().isBefore(today()),
                        0));
    }

    record Serving(ElectricianMapper.ElectricianRow row, double distanceKm) {}

    /** Who may serve a place with a skill: approved, certified today, the place inside their area; nearest first. */
    List<Serving> serving(double lat, double lng, ServiceSkill skill) {
        return electricians.approvedAround(lat, today()).stream()
                .filter(e -> skill == null || skills(e).contains(skill.name()))
                .map(e -> new Serving(e, GeoMath.distanceM(lat, lng, e.lat(), e.lng()) / 1000.0))
                .filter(s -> s.distanceKm() <= s.row().radiusKm())
                .sorted(Comparator.comparingDouble(Serving::distanceKm))
                .toList();
    }

    static List<String> skills(ElectricianMapper.ElectricianRow row) {
        return Arrays.asList(row.skills().split(","));
    }

    /** The average rating, or null before the first. */
    static Double rating(ElectricianMapper.ElectricianRow row) {
        return row.ratingCount() == 0 ? null : Math.round(10.0 * row.ratingSum() / row.ratingCount()) / 10.0;
    }

    static Map<String, String> skillLabels() {
        return Arrays.stream(ServiceSkill.values()).collect(Collectors.toMap(Enum::name, ServiceSkill::label));
    }
}
