package org.gridmend.custody;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.gridmend.core.PublicIds;
import org.gridmend.core.UtilityZone;
import org.gridmend.electrician.JobRequestService;
import org.gridmend.electrician.ServiceSkill;
import org.gridmend.grid.CustomerRecord;
import org.gridmend.process.TaskRefusal;
import org.gridmend.report.Channel;
import org.gridmend.report.ReportIntakeService;
import org.gridmend.report.ReportRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The CustodyContract process's maintenance steps: each round of the plan (a month after the start, and every month
 * after) makes one inspection per piece of equipment, the electrician works them one after the other in Tasklist,
 * each reading recorded; a defect on the customer's side starts an electrician job, one on the utility's side a fault
 * report into triage; the month's summary goes to the customer.
 */
@Service
public class InspectionStepsService {

    /** The checklist's fields, as InspectEquipment.form has them. */
    static final List<String> READINGS = List.of(
            "temperatureC", "oilLevel", "oilColour", "noise", "insulationMohm", "cleanliness", "protection", "defect");

    private final CustodyMapper contracts;
    private final CustodyStepsService steps;
    private final JobRequestService jobs;
    private final ReportIntakeService reports;
    private final AuditTrail audit;
    private final UtilityZone zone;
    private final ObjectMapper json;
    private final Clock clock;

    InspectionStepsService(
            CustodyMapper contracts,
            CustodyStepsService steps,
            JobRequestService jobs,
            ReportIntakeService reports,
            AuditTrail audit,
            UtilityZone zone,
            ObjectMapper json,
            Clock clock) {
        this.contracts = contracts;
        this.steps = steps;
        this.jobs = jobs;
        this.reports = reports;
        this.audit = audit;
        this.zone = zone;
        this.json = json;
        this.clock = clock;
    }

    /** When the next round is due: a month (in the utility's zone) after the previous, from the start. */
    Instant nextRoundAt(long id) {
        CustodyMapper.ContractRow row = contracts.find(id);
        return ZonedDateTime.ofInstant(row.startsAt(), zone.zone())
                .plusMonths(row.roundsDone() + 1L)
                .toInstant();
    }

    /** The round's inspections, one per piece of equipment; true when there is one to do. */
    @Transactional
    public boolean schedule(long id) {
        CustodyMapper.ContractRow row = steps.contract(id);
        int round = row.roundsDone() + 1;
        Instant due = nextRoundAt(id);
        for (CustodyMapper.EquipmentRow e : contracts.equipment(id)) {
            Equipment.Inspection kind = Equipment.due(Equipment.Type.valueOf(e.type()), round);
            contracts.insertInspection(id, e.id(), round, kind.name(), due);
        }
        contracts.roundDone(id, round, clock.instant());
        audit.record(AuditEntry.of("CUSTODY_ROUND_SCHEDULED")
                .subject(PublicIds.custody(id))
                .detail("round", round));
        return contracts.pending(id) != null;
    }

    @Transactional(readOnly = true)
    public boolean pending(long id) {
        return contracts.pending(id) != null;
    }

    /** What "Inspect equipment" shows: which piece, what kind of visit, and its type for the checklist. */
    @Transactional(readOnly = true)
    public Map<String, Object> shown(long id) {
        CustodyMapper.InspectionRow inspection = contracts.pending(id);
        Map<String, Object> shown = new LinkedHashMap<>();
        if (inspection == null) {
            return shown;
        }
        CustodyMapper.EquipmentRow e = equipment(id, inspection.equipmentId());
        CustomerRecord site = steps.site(contracts.find(id));
        Equipment.Inspection kind = Equipment.Inspection.valueOf(inspection.kind());
        shown.put("equipmentType", e.type());
        shown.put(
                "inspectionSummary",
                String.format(
                        Locale.ROOT,
                        "%s · %s（%s）· 第 %d 轮 round %d · %s %s %s %d · 位置 location %s · 应于 due %s",
                        kind.zh,
                        kind.en,
                        PublicIds.custody(id),
                        inspection.roundNo(),
                        inspection.roundNo(),
                        Equipment.Type.valueOf(e.type()).label(),
                        e.rating(),
                        e.manufacturer(),
                        e.madeYear(),
                        e.location() + "（户号 customer " + site.customerNo() + "，地址见电工页面 /electrician）",
                        zone.show(inspection.dueAt())));
        return shown;
    }

    private CustodyMapper.EquipmentRow equipment(long contractId, long equipmentId) {
        return contracts.equipment(contractId).stream()
                .filter(e -> e.id() == equipmentId)
                .findFirst()
                .orElseThrow();
    }

    /** Records the checklist of the pending inspection; returns the defect's side (NONE, CUSTOMER, UTILITY). */
    @Transactional
    public String record(long id, Map<String, Object> form, String actor) {
        steps.contract(id);
        CustodyMapper.InspectionRow inspection = contracts.pending(id);
        if (inspection == null) {
            throw new IllegalStateException("no pending inspection of " + id);
        }
        Object temperature = form.get("temperatureC");
        if (!(temperature instanceof Number t) || t.doubleValue() < -40 || t.doubleValue() > 200) {
            throw TaskRefusal.refuse("temperatureC", "请填写温度（-40 到 200 ℃）", "temperatureC must be -40 to 200");
        }
        Object insulation = form.get("insulationMohm");
        if (insulation != null
                && (!(insulation instanceof Number m) || m.doubleValue() < 0 || m.doubleValue() > 100_000)) {
            throw TaskRefusal.refuse("insulationMohm", "绝缘电阻应在 0 到 100000 MΩ", "insulationMohm must be 0 to 100000");
        }
        String defect = String.valueOf(form.get("defect"));
        if (!List.of("NONE", "CUSTOMER", "UTILITY").contains(defect)) {
            throw TaskRefusal.refuse("defect", "请选择是否发现缺陷", "choose whether a defect was found");
        }
        Map<String, Object> readings = new LinkedHashMap<>();
        READINGS.forEach(k -> {
            if (form.get(k) != null) {
                readings.put(k, form.get(k));
            }
        });
        String result = "NONE".equals(defect) ? "OK" : "DEFECT_" + defect;
        try {
            contracts.done(inspection.id(), actor, json.writeValueAsString(readings), result, clock.instant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        audit.record(AuditEntry.of("CUSTODY_INSPECTED")
                .user(actor)
                .subject(PublicIds.custody(id))
                .detail("inspection", inspection.id())
                .detail("kind", inspection.kind())
                .detail("result", result));
        return defect;
    }

    /** A defect on the customer's side: an electrician job for the distribution room. */
    @Transactional
    public void startDefectJob(long id) {
        CustodyMapper.ContractRow row = steps.contract(id);
        CustodyMapper.InspectionRow inspection = lastDefect(id);
        CustomerRecord site = steps.site(row);
        JobRequestService.Requested job = jobs.startFor(
                row.phone(),
                "custody-" + inspection.id(),
                ServiceSkill.DISTRIBUTION_ROOM,
                site.lat(),
                site.lng(),
                site.address(),
                "托管巡检发现的缺陷（" + PublicIds.custody(id) + "，第 " + inspection.roundNo() + " 轮）");
        contracts.followUp(inspection.id(), job.id());
        audit.record(AuditEntry.of("CUSTODY_DEFECT_JOB")
                .subject(PublicIds.custody(id))
                .detail("job", job.id()));
    }

    /** A defect on the utility's side of the meter: a fault report into triage, for the customer's number. */
    @Transactional
    public void reportUtilityFault(long id) {
        CustodyMapper.ContractRow row = steps.contract(id);
        CustodyMapper.InspectionRow inspection = lastDefect(id);
        ReportIntakeService.Submitted report = reports.submit(
                new ReportRequest(
                        "custody-" + inspection.id(),
                        Channel.WEB,
                        row.customerNo(),
                        null,
                        null,
                        null,
                        "托管巡检发现供电公司侧缺陷（" + PublicIds.custody(id) + "，第 " + inspection.roundNo() + " 轮），请派员检查",
                        false),
                null);
        contracts.followUp(inspection.id(), report.answer().reportId());
        audit.record(AuditEntry.of("CUSTODY_UTILITY_FAULT")
                .customer(row.customerNo())
                .subject(PublicIds.custody(id))
                .detail("report", report.answer().reportId()));
    }

    private CustodyMapper.InspectionRow lastDefect(long id) {
        return contracts.inspections(id, CustodyViews.INSPECTIONS_SHOWN).stream()
                .filter(i -> i.result() != null && i.result().startsWith("DEFECT_") && i.followUp() == null)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no defect to follow up on " + id));
    }

    /** The month just ended: how many inspections, how many defects; by SMS with the summary page's address. */
    @Transactional
    public void monthlySummary(long id) {
        CustodyMapper.ContractRow row = steps.contract(id);
        YearMonth month = YearMonth.from(ZonedDateTime.ofInstant(clock.instant(), zone.zone()))
                .minusMonths(1);
        List<CustodyMapper.InspectionRow> done = contracts.doneBetween(
                id, CustodyService.monthStart(month, zone), CustodyService.monthStart(month.plusMonths(1), zone));
        long defects = done.stream().filter(i -> !"OK".equals(i.result())).count();
        steps.tell(
                row,
                "CUSTODY_SUMMARY",
                "summary|" + month,
                "custody.summary",
                PublicIds.custody(id),
                month.getMonthValue(),
                done.size(),
                defects,
                "/services/custody?contract=" + PublicIds.custody(id) + "&month=" + month);
        audit.record(AuditEntry.of("CUSTODY_SUMMARY_SENT")
                .subject(PublicIds.custody(id))
                .detail("month", month)
                .detail("inspections", done.size())
                .detail("defects", defects));
    }

    /** The start of the next month in the utility's zone, 08:00 (the summary of the month just ended). */
    Instant nextMonth() {
        ZonedDateTime now = ZonedDateTime.ofInstant(clock.instant(), zone.zone());
        return now.toLocalDate()
                .withDayOfMonth(1)
                .plusMonths(1)
                .atTime(8, 0)
                .atZone(zone.zone())
                .toInstant();
    }

    /** An inspection past its grace: the custody dispatcher chases it; the summary the task shows. */
    @Transactional
    public Map<String, Object> overdue(long id) {
        CustodyMapper.InspectionRow inspection = contracts.pending(id);
        Map<String, Object> shown = new LinkedHashMap<>(inspection == null ? Map.of() : shown(id));
        if (inspection != null) {
            contracts.escalated(inspection.id(), clock.instant());
            audit.record(AuditEntry.of("CUSTODY_INSPECTION_OVERDUE")
                    .subject(PublicIds.custody(id))
                    .detail("inspection", inspection.id()));
            shown.put(
                    "inspectionSummary",
                    "超期 overdue · 电工 electrician " + steps.inspector(id) + " · "
                            + shown.getOrDefault("inspectionSummary", ""));
        }
        return shown;
    }
}
