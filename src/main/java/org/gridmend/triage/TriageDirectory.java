package org.gridmend.triage;

import java.util.Optional;

import org.gridmend.grid.FeederTopology;
import org.gridmend.grid.GridLookupService;
import org.gridmend.report.IncidentDirectory;
import org.gridmend.report.ReportRecord;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Triage's answer to the report side's port: a read-only look ahead for intake, and summaries for tracking. */
@Component
class TriageDirectory implements IncidentDirectory {

    private final LocateService locator;
    private final JudgeService judge;
    private final GridLookupService grid;
    private final IncidentService incidentService;
    private final IncidentMapper incidents;

    TriageDirectory(
            LocateService locator,
            JudgeService judge,
            GridLookupService grid,
            IncidentService incidentService,
            IncidentMapper incidents) {
        this.locator = locator;
        this.judge = judge;
        this.grid = grid;
        this.incidentService = incidentService;
        this.incidents = incidents;
    }

    @Override
    @Transactional(readOnly = true)
    public Foresight foresee(ReportRecord draft) {
        Placement placement = locator.locate(draft);
        if (!placement.onGrid()) {
            return Foresight.NOTHING;
        }
        FeederTopology feeder = grid.topology(placement.feederId());
        var notice = judge.noticeFor(feeder, placement.transformerId());
        if (notice.isPresent()) {
            return new Foresight(notice.get().id(), null, 0);
        }
        if (Boolean.TRUE.equals(draft.onlyMyHome())) {
            return Foresight.NOTHING;
        }
        return incidentService
                .coveringOpen(feeder, placement.transformerId(), null)
                .map(i -> new Foresight(null, i.id(), incidents.reportCount(i.id())))
                .orElse(Foresight.NOTHING);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<IncidentBrief> brief(long incidentId) {
        return incidentService
                .find(incidentId)
                .map(i -> new IncidentBrief(
                        i.id(),
                        i.publicId(),
                        i.state().name(),
                        i.level().name(),
                        i.deviceId(),
                        incidents.reportCount(i.id()),
                        i.firstReportAt(),
                        i.restoredAt()));
    }
}
