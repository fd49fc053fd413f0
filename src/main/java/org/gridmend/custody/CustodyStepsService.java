package org.gridmend.custody;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.gridmend.core.Pii;
import org.gridmend.core.PublicIds;
import org.gridmend.core.UtilityZone;
import org.gridmend.electrician.ElectricianRegistryService;
import org.gridmend.electrician.ServiceSkill;
import org.gridmend.grid.CustomerRecord;
import org.gridmend.grid.GridLookupService;
import org.gridmend.notify.DirectMessageService;
import org.gridmend.process.TaskRefusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The CustodyContract process's contract steps: the custody dispatcher's review (electricians of the distribution-room
 * skill who serve the customer's site, the fee and the term), the offer, activation, renewal and the end.
 */
@Service
public class CustodyStepsService {

    static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private final CustodyMapper contracts;
    private final ElectricianRegistryService electricians;
    private final GridLookupService archive;
    private final DirectMessageService messages;
    private final AuditTrail audit;
    private final UtilityZone zone;
    private final Clock clock;

    CustodyStepsService(
            CustodyMapper contracts,
            ElectricianRegistryService electricians,
            GridLookupService archive,
            DirectMessageService messages,
            AuditTrail audit,
            UtilityZone zone,
            Clock clock) {
        this.contracts = contracts;
        this.electricians = electricians;
        this.archive = archive;
        this.messages = messages;
        this.audit = audit;
        this.zone = zone;
        this.clock = clock;
    }

    CustodyMapper.ContractRow contract(long id) {
        CustodyMapper.ContractRow row = contracts.lock(id);
        if (row == null) {
            throw new IllegalStateException("no custody contract " + id);
        }
        return row;
    }

    CustomerRecord site(CustodyMapper.ContractRow row) {
        return archive.customer(row.customerNo())
                .orElseThrow(
                        () -> new IllegalStateException("custody customer " + row.customerNo() + " left the archive"));
    }

    void tell(CustodyMapper.ContractRow row, String event, String key, String template, Object... args) {
        String id = PublicIds.custody(row.id());
        messages.tellPerson("K:" + id, row.phone(), event, id + "|" + key, template, args);
    }

    /** What the review shows: the customer, its equipment, and the electricians who may keep it. */
    @Transactional(readOnly = true)
    public Map<String, Object> reviewShown(long id) {
        CustodyMapper.ContractRow row = contracts.find(id);
        CustomerRecord site = site(row);
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put(
                "custodySummary",
                String.format(
                        Locale.ROOT,
                        "%s · 户号 customer %s（%s）· %s · 服务等级 level %s · 设备 equipment: %s",
                        PublicIds.custody(id),
                        row.customerNo(),
                        Pii.maskName(site.name()),
                        Pii.maskAddress(site.address()),
                        row.serviceLevel(),
                        contracts.equipment(id).stream()
                                .map(e -> Equipment.Type.valueOf(e.type()).zh + " " + e.rating() + " "
                                        + e.manufacturer() + " " + e.madeYear() + "（" + e.location() + "）")
                                .collect(Collectors.joining("；"))));
        shown.put(
                "custodyElectricians",
                electricians.candidates(site.lat(), site.lng(), ServiceSkill.DISTRIBUTION_ROOM).stream()
                        .map(c -> Map.of(
                                "value",
                                c.id(),
                                "label",
                                c.id() + " " + Pii.maskName(c.name()) + " · " + c.distanceKm() + " km"))
                        .toList());
        return shown;
    }

    /** The dispatcher's review; true when approved with its electricians, fee and term. */
    @Transactional
    public boolean review(
            long id,
            Object decision,
            Object reason,
            Object first,
            Object second,
            Object fee,
            Object term,
            String actor) {
        CustodyMapper.ContractRow row = contract(id);
        if ("REFUSE".equals(decision)) {
            CustodyRefusal why;
            try {
                why = CustodyRefusal.valueOf(String.valueOf(reason));
            } catch (IllegalArgumentException e) {
                throw TaskRefusal.refuse("custodyCustodyRefusal", "拒绝时请选择原因", "a refusal needs its reason");
            }
            contracts.setStatus(id, "REFUSED", why.name(), clock.instant());
            audit.record(AuditEntry.of("CUSTODY_REFUSED")
                    .user(actor)
                    .subject(PublicIds.custody(id))
                    .detail("reason", why));
            return false;
        }
        if (!"APPROVE".equals(decision)) {
            throw TaskRefusal.refuse("custodyDecision", "请选择通过或拒绝", "choose approve or refuse");
        }
        CustomerRecord site = site(row);
        List<String> allowed = electricians.candidates(site.lat(), site.lng(), ServiceSkill.DISTRIBUTION_ROOM).stream()
                .map(ElectricianRegistryService.Contact::id)
                .toList();
        long one = chosen(first, allowed, "custodyElectricianId");
        Long two = second == null || String.valueOf(second).isBlank()
                ? null
                : chosen(second, allowed, "secondElectricianId");
        if (two != null && two == one) {
            throw TaskRefusal.refuse(
                    "secondElectricianId", "第二名电工应为另一人", "the second electrician must be someone else");
        }
        if (!(fee instanceof Number n) || n.doubleValue() < 0 || n.doubleValue() > 1_000_000) {
            throw TaskRefusal.refuse("monthlyFee", "请填写每月费用（元）", "monthlyFee must be 0 to 1,000,000 yuan");
        }
        int months;
        try {
            months = Integer.parseInt(String.valueOf(term));
        } catch (NumberFormatException e) {
            months = -1;
        }
        if (months != 12 && months != 24 && months != 36) {
            throw TaskRefusal.refuse("termMonths", "请选择合同期限", "termMonths must be 12, 24 or 36");
        }
        BigDecimal monthly = new BigDecimal(n.toString()).setScale(2, RoundingMode.HALF_UP);
        contracts.offer(id, one, two, monthly, months, clock.instant());
        audit.record(AuditEntry.of("CUSTODY_APPROVED")
                .user(actor)
                .customer(row.customerNo())
                .subject(PublicIds.custody(id))
                .detail("electrician", PublicIds.electrician(one))
                .detail("secondElectrician", two == null ? null : PublicIds.electrician(two))
                .detail("monthlyFee", monthly)
                .detail("termMonths", months));
        return true;
    }

    private static long chosen(Object value, List<String> allowed, String field) {
        String id = value == null ? null : value.toString();
        if (id == null || !allowed.contains(id)) {
            throw TaskRefusal.refuse(
                    field, "请从列表中选择具备配电房资质的电工", "pick an electrician of the list (distribution-room skill)");
        }
        return PublicIds.parseElectrician(id);
    }

    @Transactional
    public void tellRefusal(long id) {
        CustodyMapper.ContractRow row = contract(id);
        CustodyRefusal why = CustodyRefusal.valueOf(row.refusalReason());
        tell(row, "CUSTODY_REFUSED", "refused", "custody.refused", PublicIds.custody(id), why.zh, why.en);
    }

    @Transactional
    public void offer(long id) {
        CustodyMapper.ContractRow row = contract(id);
        tell(
                row,
                "CUSTODY_OFFERED",
                "offered",
                "custody.offered",
                PublicIds.custody(id),
                row.termMonths(),
                row.monthlyFee().toPlainString());
    }

    @Transactional
    public void closeUnsigned(long id) {
        CustodyMapper.ContractRow row = contract(id);
        contracts.setStatus(id, "NOT_SIGNED", null, clock.instant());
        audit.record(AuditEntry.of("CUSTODY_NOT_SIGNED").subject(PublicIds.custody(id)));
        tell(row, "CUSTODY_NOT_SIGNED", "not-signed", "custody.not_signed", PublicIds.custody(id));
    }

    @Transactional
    public void activate(long id) {
        CustodyMapper.ContractRow row = contract(id);
        Instant starts = clock.instant();
        Instant ends = ZonedDateTime.ofInstant(starts, zone.zone())
                .plusMonths(row.termMonths())
                .toInstant();
        contracts.activate(id, starts, ends);
        audit.record(AuditEntry.of("CUSTODY_ACTIVE")
                .customer(row.customerNo())
                .subject(PublicIds.custody(id))
                .detail("endsAt", ends));
        tell(row, "CUSTODY_ACTIVE", "active", "custody.active", PublicIds.custody(id), zone.show(ends));
    }

    Instant renewalAt(long id) {
        return contracts.find(id).endsAt().minus(RENEW_BEFORE);
    }

    Instant endsAt(long id) {
        return contracts.find(id).endsAt();
    }

    @Transactional
    public void offerRenewal(long id) {
        CustodyMapper.ContractRow row = contract(id);
        tell(
                row,
                "CUSTODY_RENEWAL",
                "renewal|" + row.endsAt(),
                "custody.renewal",
                PublicIds.custody(id),
                zone.show(row.endsAt()));
        audit.record(AuditEntry.of("CUSTODY_RENEWAL_OFFERED").subject(PublicIds.custody(id)));
    }

    @Transactional
    public void renew(long id) {
        CustodyMapper.ContractRow row = contract(id);
        Instant ends = ZonedDateTime.ofInstant(row.endsAt(), zone.zone())
                .plusMonths(row.termMonths())
                .toInstant();
        contracts.extend(id, ends, clock.instant());
        audit.record(
                AuditEntry.of("CUSTODY_RENEWED").subject(PublicIds.custody(id)).detail("endsAt", ends));
        tell(row, "CUSTODY_RENEWED", "renewed|" + ends, "custody.renewed", PublicIds.custody(id), zone.show(ends));
    }

    @Transactional
    public void end(long id) {
        CustodyMapper.ContractRow row = contract(id);
        contracts.setStatus(id, "ENDED", null, clock.instant());
        audit.record(AuditEntry.of("CUSTODY_ENDED").subject(PublicIds.custody(id)));
        tell(row, "CUSTODY_ENDED", "ended", "custody.ended", PublicIds.custody(id));
    }

    /** Who inspects: the first electrician while they may work, else the second. */
    @Transactional(readOnly = true)
    public String inspector(long id) {
        CustodyMapper.ContractRow row = contracts.find(id);
        ElectricianRegistryService.Contact first =
                electricians.contact(row.electricianId()).orElseThrow();
        if (!first.approved() && row.secondElectricianId() != null) {
            ElectricianRegistryService.Contact second =
                    electricians.contact(row.secondElectricianId()).orElseThrow();
            if (second.approved()) {
                return second.userId();
            }
        }
        return first.userId();
    }
}
