package org.gridmend.triage;

import java.time.Instant;
import java.util.Optional;

import org.gridmend.grid.FeederTopology;
import org.gridmend.outage.KnownFaults;
import org.gridmend.outage.OutageLookupService;
import org.gridmend.report.RepairProgress;
import org.springframework.stereotype.Component;

/** Triage's answer to outage notices: the faults it opens for fault notices and the ones customers look up. */
@Component
class NoticeFaults implements KnownFaults {

    private final IncidentService incidents;
    private final PredictionService prediction;
    private final RepairProgress repair;

    NoticeFaults(IncidentService incidents, PredictionService prediction, RepairProgress repair) {
        this.incidents = incidents;
        this.prediction = prediction;
        this.repair = repair;
    }

    @Override
    public Opened openForNotice(FeederTopology feeder, String deviceId, String reason, Instant at) {
        IncidentService.Opened opened = incidents.openOrGet(feeder, deviceId, TriageRule.OUTAGE_NOTICE, reason, at);
        return new Opened(opened.incident().id(), opened.created());
    }

    @Override
    public void reevaluate(String feederId, long incidentId) {
        prediction.reevaluateFeeder(feederId, incidentId);
    }

    @Override
    public Optional<OutageLookupService.Repair> openCovering(FeederTopology feeder, String transformerId) {
        return incidents.coveringOpen(feeder, transformerId, null).map(i -> {
            Optional<RepairProgress.Progress> progress = repair.progress(i.id());
            return new OutageLookupService.Repair(
                    i.publicId(),
                    i.state().name(),
                    incidents.reportCount(i.id()),
                    progress.map(RepairProgress.Progress::crewEmployeeNo).orElse(null),
                    progress.map(RepairProgress.Progress::eta).orElse(null),
                    progress.map(RepairProgress.Progress::etr).orElse(null));
        });
    }
}
