package org.gridmend.report;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.gridmend.core.CustomerTexts;
import org.gridmend.core.PlainText;
import org.gridmend.core.ProcessConstants;
import org.gridmend.core.Refusal;
import org.gridmend.electrician.JobRequestService;
import org.gridmend.grid.GridMembers;
import org.gridmend.outage.OutageNoticeService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a customer does with a report after sending it: follow it, confirm that power is back (or not), rate the
 * repair, and answer the behind-the-meter offer. The tracking token is the only key; a wrong one looks exactly
 * like a report that does not exist.
 */
@Service
public class ReportService {

    private final ReportMapper reports;
    private final IncidentDirectory incidents;
    private final RepairProgress repair;
    private final GridMembers gridMembers;
    private final OutageNoticeService notices;
    private final ReportProcessGate gate;
    private final CustomerTexts texts;
    private final AuditTrail audit;
    private final OutageEvidence evidence;
    private final Clock clock;
    private final ObjectMapper json;

    private final JobRequestService electricianJobs;

    ReportService(
            ReportMapper reports,
            IncidentDirectory incidents,
            RepairProgress repair,
            GridMembers gridMembers,
            OutageNoticeService notices,
            ReportProcessGate gate,
            CustomerTexts texts,
            AuditTrail audit,
            OutageEvidence evidence,
            JobRequestService electricianJobs,
            Clock clock,
            ObjectMapper json) {
        this.evidence = evidence;
        this.electricianJobs = electricianJobs;
        this.audit = audit;
        this.reports = reports;
        this.incidents = incidents;
        this.repair = repair;
        this.notices = notices;
        this.gate = gate;
        this.texts = texts;
        this.clock = clock;
        this.json = json;
        this.gridMembers = gridMembers;
    }

    public enum BehindMeterChoice {
        UTILITY_CREW,
        SOCIAL_ELECTRICIAN
    }

    @Transactional(readOnly = true)
    public TrackingView track(String publicId, String token) {
        ReportRecord report = gate.authorized(publicId, token);
        RepairProgress.Progress progress = report.incidentId() == null
                ? null
                : repair.progress(report.incidentId()).orElse(null);
        TrackingView.Incident incident = report.incidentId() == null
                ? null
                : incidents
                        .brief(report.incidentId())
                        .map(i -> TrackingIncidents.of(report, i, progress))
                        .orElse(null);
        TrackingView.Notice notice = report.noticeId() == null
                ? null
                : notices.find(report.noticeId())
                        .map(n -> new TrackingView.Notice(
                                n.id(), n.type().name(), n.startsAt(), n.expectedEndAt(), n.reason()))
                        .orElse(null);
        List<TrackingView.Entry> timeline = new ArrayList<>();
        if (report.channel() != Channel.AMI) {
            timeline.add(new TrackingView.Entry(
                    report.createdAt(),
                    "RECEIVED",
                    StoredAnswer.of(json, report).message()));
        }
        reports.events(report.id()).forEach(e -> timeline.add(new TrackingView.Entry(e.at(), e.type(), e.text())));
        if (report.incidentId() != null) {
            repair.timeline(report.incidentId())
                    .forEach(e -> timeline.add(new TrackingView.Entry(e.at(), e.type(), e.text())));
            repair.messages(report.incidentId(), report.id()).forEach(m -> timeline.add(TrackingIncidents.line(m)));
        }
        timeline.sort(Comparator.comparing(TrackingView.Entry::at));
        ReportStatus s = report.status();
        TrackingView.Actions actions = new TrackingView.Actions(
                s == ReportStatus.RESTORED,
                s == ReportStatus.IN_REPAIR,
                s == ReportStatus.IN_REPAIR && progress != null && progress.takesMessages(),
                s == ReportStatus.RATING,
                // not once a dispatcher's electrician accepted the job that nobody took at first
                s == ReportStatus.BEHIND_METER && electricianJobs.withdrawable(report.id()),
                s == ReportStatus.BEHIND_METER && gate.waitsFor(report, ProcessConstants.MESSAGE_ELECTRICIAN_CHOSEN));
        List<TrackingView.Step> stages =
                TrackingStages.of(report, progress, incident == null ? null : incident.restoredAt());
        return new TrackingView(
                report.publicId(),
                s,
                report.channel(),
                report.createdAt(),
                incident,
                notice,
                gridMembers.ofArea(report.locatedTransformerId()).orElse(null),
                TrackingStages.current(stages),
                stages,
                timeline,
                actions,
                // only a report behind the meter can have a job: every other tracking poll is spared the query
                s == ReportStatus.BEHIND_METER || s == ReportStatus.ELECTRICIAN || s == ReportStatus.REFERRED
                        ? electricianJobs
                                .ofReport(report.id())
                                .map(j -> new TrackingView.ServiceJob(j.id(), j.status(), j.trackUrl()))
                                .orElse(null)
                        : null);
    }

    /** An on-site photo of the report's repair order, for its customer. */
    @Transactional(readOnly = true)
    public RepairProgress.Photo photo(String publicId, String token, long photoId) {
        ReportRecord report = gate.authorized(publicId, token);
        return report.incidentId() == null
                ? null
                : repair.photo(report.incidentId(), report.id(), photoId).orElse(null);
    }

    /**
     * "Is your power back?" While the crew still works only "yes" is news (power came back by itself); after the
     * repair order restored power, "no" means a nested outage and the report is triaged again.
     */
    @Transactional
    public void confirm(String publicId, String token, boolean powerRestored) {
        ReportRecord report = gate.authorized(publicId, token);
        boolean expected = report.status() == ReportStatus.RESTORED
                || (report.status() == ReportStatus.IN_REPAIR && powerRestored);
        if (expected && gate.waitsFor(report, ProcessConstants.MESSAGE_CONFIRMATION_RECEIVED)) {
            recordConfirmation(report, powerRestored, false);
            return;
        }
        if (answersAhead(report)) {
            // told "power is back" with everyone affected, before the report's own process got to ask: the answer
            // is kept, and the process takes it when it asks (nothing the customer said is lost)
            keepAnswer(report, powerRestored, false);
            return;
        }
        throw ReportProcessGate.notNow(
                report, powerRestored ? "a confirmation" : "\"still out\" (the repair is still under way)");
    }

    /** The report's incident is restored, but its process has not asked for a confirmation yet. */
    private boolean answersAhead(ReportRecord report) {
        if (report.status() != ReportStatus.IN_REPAIR || report.incidentId() == null) {
            return false;
        }
        return reports.incidentRestoredAt(report.incidentId()) != null;
    }

    /** A smart meter says power is back at this customer's home: that confirms every open report of theirs made before. */
    @Transactional
    public int confirmByMeter(String customerNo, Instant poweredAt) {
        int confirmed = 0;
        for (ReportRecord report : reports.openReportsOfCustomer(customerNo)) {
            // power seen before the report was made says nothing of the outage the report is about
            if (!report.createdAt().isAfter(poweredAt)
                    && (report.status() == ReportStatus.IN_REPAIR || report.status() == ReportStatus.RESTORED)
                    && gate.waitsFor(report, ProcessConstants.MESSAGE_CONFIRMATION_RECEIVED)) {
                recordConfirmation(report, true, true);
                confirmed++;
            }
        }
        return confirmed;
    }

    private void recordConfirmation(ReportRecord report, boolean powerRestored, boolean byMeter) {
        keepAnswer(report, powerRestored, byMeter);
        gate.correlate(report, ProcessConstants.MESSAGE_CONFIRMATION_RECEIVED, powerRestored);
    }

    private void keepAnswer(ReportRecord report, boolean powerRestored, boolean byMeter) {
        Instant now = clock.instant();
        reports.recordConfirmation(report.id(), powerRestored, now);
        AuditEntry answer = AuditEntry.of(powerRestored ? "CONFIRMED_RESTORED" : "CONFIRMED_STILL_OUT")
                .at(now)
                .report(report.id())
                .incident(report.incidentId());
        audit.record((byMeter
                        ? answer.about(report.locatedCustomerNo()).detail("source", "SMART_METER")
                        : answer.customer(report.locatedCustomerNo()))
                .detail("powerRestored", powerRestored));
        if (powerRestored) {
            reports.insertEvent(report.id(), now, "CONFIRMED", texts.text("report.confirmed"));
            if (!byMeter) {
                // evidence too: power on at this home may contradict an outage predicted above it
                evidence.powerOn(report.locatedCustomerNo(), OutageEvidence.PowerOnSource.CONFIRMATION, now);
            }
        }
    }

    @Transactional
    public void rate(String publicId, String token, Integer stars, String comment) {
        if (stars == null || stars < 1 || stars > 5) {
            throw Refusal.invalid("INVALID_FIELD", "stars", "stars must be a whole number from 1 to 5");
        }
        if (comment != null && PlainText.length(comment) > 1000) {
            throw Refusal.invalid("INVALID_FIELD", "comment", "comment must be at most 1000 characters");
        }
        ReportRecord report = gate.authorized(publicId, token);
        if (report.status() != ReportStatus.RATING
                || !gate.waitsFor(report, ProcessConstants.MESSAGE_RATING_RECEIVED)) {
            throw ReportProcessGate.notNow(report, "a rating");
        }
        Instant now = clock.instant();
        try {
            reports.insertRating(
                    report.id(),
                    report.incidentId(),
                    stars,
                    comment == null || comment.isBlank() ? null : comment.trim(),
                    now);
        } catch (DuplicateKeyException twice) {
            throw new Refusal(
                    Refusal.Kind.CONFLICT, "ALREADY_RATED", "report " + publicId + " is already rated", "stars");
        }
        reports.insertEvent(report.id(), now, "RATED", texts.text("report.rated"));
        audit.record(AuditEntry.of("RATED")
                .at(now)
                .customer(report.locatedCustomerNo())
                .report(report.id())
                .incident(report.incidentId())
                .detail("stars", stars)
                .detail("comment", comment == null || comment.isBlank() ? null : comment.trim()));
        gate.correlate(report, ProcessConstants.MESSAGE_RATING_RECEIVED, null);
    }

    @Transactional
    public void chooseBehindMeter(String publicId, String token, BehindMeterChoice choice) {
        if (choice == null) {
            throw Refusal.invalid(
                    "MISSING_FIELD", "choice", "choice is required: UTILITY_CREW or " + "SOCIAL_ELECTRICIAN");
        }
        ReportRecord report = gate.authorized(publicId, token);
        String message = choice == BehindMeterChoice.UTILITY_CREW
                ? ProcessConstants.MESSAGE_UTILITY_CREW_REQUESTED
                : ProcessConstants.MESSAGE_ELECTRICIAN_CHOSEN;
        if (report.status() != ReportStatus.BEHIND_METER || !gate.waitsFor(report, message)) {
            throw ReportProcessGate.notNow(report, "a choice about the behind-the-meter offer");
        }
        if (choice == BehindMeterChoice.UTILITY_CREW && !electricianJobs.withdrawable(report.id())) {
            throw Refusal.conflict(
                    "NOT_NOW", "choice", "an electrician has accepted your job: follow it, or message the electrician");
        }
        audit.record(AuditEntry.of("BEHIND_METER_CHOICE")
                .customer(report.locatedCustomerNo())
                .report(report.id())
                .detail("choice", choice));
        if (choice == BehindMeterChoice.UTILITY_CREW) {
            reports.insertEvent(
                    report.id(), clock.instant(), "UTILITY_CREW_REQUESTED", texts.text("report.utility_crew"));
        }
        gate.correlate(report, message, null);
    }
}
