package org.gridmend.electrician;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.gridmend.core.Pii;
import org.gridmend.core.PublicIds;
import org.gridmend.core.StaffGroups;
import org.gridmend.core.UtilityZone;
import org.gridmend.notify.DirectMessageService;
import org.gridmend.process.TaskRefusal;
import org.gridmend.security.StaffAccountService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ElectricianRegistration process's steps: what the dispatcher's review shows and decides, approval (a Camunda
 * user in group electricians and a one-time link by SMS to set the password), refusal with its reason, and the
 * certificate's warning and expiry, which suspends the electrician until a renewal is approved.
 */
@Service
public class ElectricianReviewService {

    private static final Logger log = LoggerFactory.getLogger(ElectricianReviewService.class);

    /** Why an application is refused, as the dispatcher picks it (and the applicant reads it). */
    enum RefusalReason {
        CERTIFICATE_INVALID("证书无法核验", "the certificate could not be verified"),
        CERTIFICATE_UNREADABLE("证书信息不完整或有误", "the certificate details are incomplete or wrong"),
        OUTSIDE_REGION("服务范围不在本公司供电区域", "the service area is outside the utility's region"),
        DUPLICATE("已有相同证书的电工", "another electrician holds this certificate");

        final String zh;
        final String en;

        RefusalReason(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }
    }

    private final ElectricianMapper electricians;
    private final StaffAccountService accounts;
    private final DirectMessageService messages;
    private final ElectricianProperties properties;
    private final AuditTrail audit;
    private final UtilityZone zone;
    private final Clock clock;

    ElectricianReviewService(
            ElectricianMapper electricians,
            StaffAccountService accounts,
            DirectMessageService messages,
            ElectricianProperties properties,
            AuditTrail audit,
            UtilityZone zone,
            Clock clock) {
        this.electricians = electricians;
        this.accounts = accounts;
        this.messages = messages;
        this.properties = properties;
        this.audit = audit;
        this.zone = zone;
        this.clock = clock;
    }

    private ElectricianMapper.ElectricianRow row(long id) {
        ElectricianMapper.ElectricianRow row = electricians.find(id);
        if (row == null) {
            throw new IllegalStateException("no electrician " + id);
        }
        return row;
    }

    /** What "Review electrician application" shows: the applicant and the certificate. */
    @Transactional(readOnly = true)
    public Map<String, Object> shown(long id) {
        ElectricianMapper.ElectricianRow e = row(id);
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put(
                "applicantSummary",
                String.format(
                        Locale.ROOT,
                        "%s %s · 手机 phone %s（已短信验证 verified by SMS）· 服务范围 area %.5f, %.5f 半径 radius %.0f km · "
                                + "工作时间 hours %s–%s（%s）",
                        PublicIds.electrician(e.id()),
                        Pii.maskName(e.name()),
                        Pii.maskPhone(e.phone()),
                        e.lat(),
                        e.lng(),
                        e.radiusKm(),
                        e.hoursFrom(),
                        e.hoursTo(),
                        zone.nameZh()));
        shown.put(
                "certificateSummary",
                String.format(
                        Locale.ROOT,
                        "%s %s · 有效期至 valid until %s · 技能 skills %s%s",
                        "HIGH_VOLTAGE".equals(e.certificateType()) ? "高压电工作业证 (high voltage)" : "低压电工作业证 (low voltage)",
                        e.certificateNo(),
                        e.certificateExpires(),
                        String.join(
                                ", ",
                                ElectricianRegistryService.skills(e).stream()
                                        .map(s -> ServiceSkill.valueOf(s).label())
                                        .toList()),
                        e.userId() == null ? "" : " · 证书续期 renewal of a registered electrician"));
        return shown;
    }

    /** The dispatcher's decision; true when approved. Refuses a refusal without its reason. */
    @Transactional
    public boolean review(long id, Object decision, Object reason, String actor) {
        ElectricianMapper.ElectricianRow e = row(id);
        if (!"APPROVE".equals(decision) && !"REFUSE".equals(decision)) {
            throw TaskRefusal.refuse("reviewDecision", "请选择通过或拒绝", "choose approve or refuse");
        }
        boolean approve = "APPROVE".equals(decision);
        RefusalReason why = null;
        if (!approve) {
            try {
                why = RefusalReason.valueOf(String.valueOf(reason));
            } catch (IllegalArgumentException missing) {
                throw TaskRefusal.refuse("refusalReason", "拒绝时请选择原因", "a refusal needs its reason");
            }
        }
        Instant now = clock.instant();
        electricians.review(id, approve ? "APPROVED" : "REFUSED", why == null ? null : why.name(), actor, now);
        audit.record(AuditEntry.of(approve ? "ELECTRICIAN_APPROVED" : "ELECTRICIAN_REFUSED")
                .user(actor)
                .subject(PublicIds.electrician(id))
                .detail("reason", why)
                .detail("renewal", e.userId() != null));
        return approve;
    }

    /** Approved: the first time a user and its password link, after a renewal the electrician is back at work. */
    @Transactional
    public void approve(long id) {
        ElectricianMapper.ElectricianRow e = row(id);
        String publicId = PublicIds.electrician(id);
        if (e.userId() == null) {
            String userId = publicId.toLowerCase(Locale.ROOT);
            electricians.setUser(id, userId);
            String token = accounts.invite(userId, e.name(), "社会电工", StaffGroups.ELECTRICIANS);
            String link = properties.publicUrl() + "/password#token=" + token;
            messages.tellPerson(
                    "E:" + userId, e.phone(), "ELECTRICIAN_APPROVED", publicId, "electrician.approved", userId, link);
            log.info("electrician approved electricianId={} userId={}", publicId, userId);
        } else {
            accounts.reinstate(e.userId(), StaffGroups.ELECTRICIANS);
            messages.tellPerson(
                    "E:" + e.userId(),
                    e.phone(),
                    "CERTIFICATE_APPROVED",
                    publicId + "|" + e.certificateExpires(),
                    "electrician.renewed",
                    e.certificateExpires().toString());
        }
    }

    @Transactional
    public void tellRefusal(long id) {
        ElectricianMapper.ElectricianRow e = row(id);
        RefusalReason why = RefusalReason.valueOf(e.refusalReason());
        if (e.userId() != null) {
            accounts.suspend(e.userId(), StaffGroups.ELECTRICIANS);
        }
        messages.tellPerson(
                "E:" + PublicIds.electrician(id),
                e.phone(),
                "ELECTRICIAN_REFUSED",
                PublicIds.electrician(id) + "|" + e.reviewedAt(),
                "electrician.refused",
                why.zh,
                why.en);
    }

    /** When the warning is due: {@code warnBefore} ahead of the end of the certificate's last day. */
    Instant warnAt(long id) {
        return expiresAt(id).minus(properties.warnBefore());
    }

    /** The first moment the certificate is no longer valid: the next midnight after its last day, in the zone. */
    Instant expiresAt(long id) {
        return row(id).certificateExpires()
                .plusDays(1)
                .atStartOfDay(zone.zone())
                .toInstant();
    }

    @Transactional
    public void warn(long id) {
        ElectricianMapper.ElectricianRow e = row(id);
        if (!expiresAt(id).isAfter(clock.instant())) {
            return; // expired already (an enrolled register): the suspension that follows says so
        }
        messages.tellPerson(
                "E:" + e.userId(),
                e.phone(),
                "CERTIFICATE_EXPIRING",
                PublicIds.electrician(id) + "|" + e.certificateExpires(),
                "electrician.expiring",
                e.certificateExpires().toString());
        audit.record(AuditEntry.of("CERTIFICATE_EXPIRING")
                .subject(PublicIds.electrician(id))
                .detail("certificateExpires", e.certificateExpires()));
    }

    @Transactional
    public void suspend(long id) {
        ElectricianMapper.ElectricianRow e = row(id);
        electricians.setStatus(id, "SUSPENDED", clock.instant());
        if (e.userId() != null) {
            accounts.suspend(e.userId(), StaffGroups.ELECTRICIANS);
        }
        messages.tellPerson(
                "E:" + e.userId(),
                e.phone(),
                "ELECTRICIAN_SUSPENDED",
                PublicIds.electrician(id) + "|" + e.certificateExpires(),
                "electrician.suspended",
                e.certificateExpires().toString());
        audit.record(AuditEntry.of("ELECTRICIAN_SUSPENDED")
                .subject(PublicIds.electrician(id))
                .detail("certificateExpires", e.certificateExpires()));
    }
}
