package org.gridmend.report;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.gridmend.grid.GridMembers;

/** {@code GET /api/reports/{id}?token=}: where the report stands, its incident, and its timeline. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrackingView(
        String reportId,
        ReportStatus status,
        Channel channel,
        Instant receivedAt,
        Incident incident,
        Notice notice,
        GridMembers.GridMember gridMember,
        Stage stage,
        List<Step> stages,
        List<Entry> timeline,
        Actions actions,
        ServiceJob serviceJob) {

    /** The social electrician's job the customer chose behind the meter, followed on its own tracking page. */
    public record ServiceJob(String id, String status, String trackUrl) {}

    /**
     * The repair's stages as a parcel service shows them: received, sent to a crew, accepted by it, crew on site,
     * repairing (the fault found), power back. A report answered otherwise (an outage notice, behind the meter, not
     * located) shows only its status.
     */
    public enum Stage {
        RECEIVED("受理", "Received"),
        DISPATCHED("已派工", "Sent to a crew"),
        ACCEPTED("已接单", "Crew accepted"),
        ARRIVED("已到达", "Crew on site"),
        REPAIRING("修复中", "Repairing"),
        RESTORED("已恢复", "Power back");

        private final String zh;
        private final String en;

        Stage(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        public String zh() {
            return zh;
        }

        public String en() {
            return en;
        }
    }

    /** One stage and when it was reached (none when not yet). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(Stage stage, String zh, String en, Instant at) {}

    /** The repair order the report is on: like a parcel, who comes, when, and what they found. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Incident(
            String incidentId,
            String state,
            String level,
            long reportsCount,
            Instant firstReportAt,
            Crew crew,
            Instant eta,
            Boolean late,
            Instant arrivedAt,
            Instant etr,
            Instant restoredAt,
            List<String> photos) {}

    /** The crew that accepted the order: its employee number, as the paper's "crew No. 0371 accepted". */
    public record Crew(String employeeNo, String name) {}

    public record Notice(long noticeId, String type, Instant start, Instant expectedEnd, String reason) {}

    public record Entry(Instant at, String type, String text) {}

    /**
     * What the customer can do now: confirm power is back when the process asks ({@code confirmRestoration}, the
     * repair order says it is), or say so earlier, of their own accord ({@code reportPowerBack}, a small action on the
     * page); write to the crew ({@code message}, from when a crew accepted until power is back); rate; choose for a
     * fault behind the meter.
     */
    public record Actions(
            boolean confirmRestoration,
            boolean reportPowerBack,
            boolean message,
            boolean rate,
            boolean chooseBehindMeter,
            // the social electrician is on offer too (not after one was looked for in vain)
            boolean chooseElectrician) {}
}
