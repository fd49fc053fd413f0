package org.gridmend.triage;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.gridmend.grid.FeederTopology;
import org.gridmend.grid.GridLookupService;
import org.gridmend.outage.OutageNoticeRecord;
import org.gridmend.outage.OutageNoticeService;
import org.gridmend.report.Channel;
import org.gridmend.report.ReportPlacementService;
import org.gridmend.report.ReportRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The two questions before triage. Does a planned or announced outage explain the report? Then it is answered
 * with the notice. Is only this home out while the neighbours are fine? Then the fault is behind the meter.
 */
@Service
public class JudgeService {

    private final GridLookupService grid;
    private final OutageNoticeService notices;
    private final IncidentMapper incidents;
    private final IncidentService incidentService;
    private final TriageProperties properties;
    private final ReportPlacementService reports;
    private final DecisionLog decisions;
    private final Clock clock;

    JudgeService(
            GridLookupService grid,
            OutageNoticeService notices,
            IncidentMapper incidents,
            IncidentService incidentService,
            TriageProperties properties,
            ReportPlacementService reports,
            DecisionLog decisions,
            Clock clock) {
        this.reports = reports;
        this.decisions = decisions;
        this.grid = grid;
        this.notices = notices;
        this.incidents = incidents;
        this.incidentService = incidentService;
        this.properties = properties;
        this.clock = clock;
    }

    /** Planned outage? Behind the meter? Recorded as a decision when either holds. */
    @Transactional
    public Judgement judgeReport(long reportId) {
        ReportRecord report = reports.find(reportId);
        if (report.feederId() != null) {
            // judging reads the feeder's incidents: under its lock, like the triage that follows in this job
            incidents.lockFeeder(report.feederId());
        }
        Judgement judgement = judge(report);
        if (judgement.plannedOutage()) {
            reports.answerWithNotice(reportId, judgement.noticeId(), clock.instant());
        }
        if (judgement.plannedOutage() || judgement.behindMeter()) {
            decisions.record(
                    reportId,
                    null,
                    judgement.plannedOutage() ? Decision.OUTAGE_NOTICE : Decision.BEHIND_METER,
                    judgement.rule(),
                    judgement.reason(),
                    clock.instant());
        }
        return judgement;
    }

    /** The verdict; {@code rule} and {@code reason} say why, for the audit trail. */
    public record Judgement(Long noticeId, boolean behindMeter, TriageRule rule, String reason) {

        public boolean plannedOutage() {
            return noticeId != null;
        }
    }

    /** The planned or announced outage that covers this transformer area now, if any. */
    public Optional<OutageNoticeRecord> noticeFor(FeederTopology feeder, String transformerId) {
        return notices.activeCovering(feeder, transformerId);
    }

    public Judgement judge(ReportRecord report) {
        if (report.locatedTransformerId() == null) {
            return new Judgement(null, false, null, "not on the grid: no notice or neighbours to compare with");
        }
        String transformer = report.locatedTransformerId();
        FeederTopology feeder = grid.topology(report.feederId());
        Optional<OutageNoticeRecord> notice = noticeFor(feeder, transformer);
        if (notice.isPresent()) {
            OutageNoticeRecord n = notice.get();
            return new Judgement(
                    n.id(),
                    false,
                    TriageRule.OUTAGE_NOTICE,
                    n.type() + " outage notice " + n.id() + " on " + n.deviceId() + " covers transformer "
                            + transformer);
        }
        if (Boolean.TRUE.equals(report.onlyMyHome())
                && report.channel() != Channel.AMI
                && report.locatedCustomerNo() != null) {
            Instant since = clock.instant().minus(properties.behindMeter().window());
            long neighbours = incidents.neighbourReports(transformer, report.locatedCustomerNo(), since);
            long gasps = incidents.neighbourLastGasps(transformer, report.locatedCustomerNo(), since);
            boolean covered =
                    incidentService.coveringOpen(feeder, transformer, null).isPresent();
            if (neighbours == 0 && gasps == 0 && !covered) {
                return new Judgement(
                        null,
                        true,
                        TriageRule.BEHIND_METER,
                        "customer says only their home is out; no "
                                + "neighbour on transformer " + transformer
                                + " reported and no neighbour's meter gasped within "
                                + properties.behindMeter().window().toMinutes() + " min");
            }
            return new Judgement(
                    null,
                    false,
                    null,
                    "customer says only their home is out, but on transformer "
                            + transformer + " " + neighbours + " neighbours reported, " + gasps + " meters gasped"
                            + (covered ? " and an incident is open" : ""));
        }
        return new Judgement(null, false, null, "no notice covers transformer " + transformer);
    }
}
