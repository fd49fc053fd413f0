package org.gridmend.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Where a report's repair stands, in the six stages the tracking page shows. */
final class TrackingStages {

    private TrackingStages() {}

    /**
     * The six stages with the time each was reached, for a report on its way to a repair (being located and judged,
     * or on a repair order); none for a report answered otherwise. A stage counts as reached only when every stage
     * before it is: an order offered again after a decline is back at "sent to a crew".
     */
    static List<TrackingView.Step> of(ReportRecord report, RepairProgress.Progress progress, Instant orderRestoredAt) {
        ReportStatus s = report.status();
        boolean onItsWay = s == ReportStatus.RECEIVED || s == ReportStatus.LOCATING;
        boolean onOrder = report.incidentId() != null
                && (s == ReportStatus.IN_REPAIR
                        || s == ReportStatus.RESTORED
                        || s == ReportStatus.RATING
                        || s == ReportStatus.CLOSED);
        if (!onItsWay && !onOrder) {
            return null;
        }
        Instant restored = orderRestoredAt != null
                ? orderRestoredAt
                : s == ReportStatus.RESTORED || s == ReportStatus.RATING || s == ReportStatus.CLOSED
                        ? report.confirmedAt()
                        : null;
        Instant[] at = {
            report.createdAt(),
            progress == null ? null : progress.dispatchedAt(),
            progress == null ? null : progress.acceptedAt(),
            progress == null ? null : progress.arrivedAt(),
            progress == null ? null : progress.diagnosedAt(),
            restored
        };
        List<TrackingView.Step> steps = new ArrayList<>();
        boolean reached = true;
        for (TrackingView.Stage stage : TrackingView.Stage.values()) {
            Instant when = at[stage.ordinal()];
            // power back ends the repair whatever stages the crew's records skipped
            reached = stage == TrackingView.Stage.RESTORED ? when != null : reached && when != null;
            steps.add(new TrackingView.Step(stage, stage.zh(), stage.en(), reached ? when : null));
        }
        return steps;
    }

    /** The last stage reached; none without stages. */
    static TrackingView.Stage current(List<TrackingView.Step> stages) {
        if (stages == null) {
            return null;
        }
        return stages.stream()
                .filter(step -> step.at() != null)
                .reduce((first, second) -> second)
                .map(TrackingView.Step::stage)
                .orElse(TrackingView.Stage.RECEIVED);
    }
}
