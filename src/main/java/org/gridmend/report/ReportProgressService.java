package org.gridmend.report;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.gridmend.core.CustomerTexts;
import org.gridmend.core.PublicIds;
import org.gridmend.electrician.JobRequestService;
import org.gridmend.grid.CustomerRecord;
import org.gridmend.grid.GridLookupService;
import org.gridmend.outage.NoticeType;
import org.gridmend.outage.OutageNoticeRecord;
import org.gridmend.outage.OutageNoticeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of a report's lifecycle that the customer sees: each sets the report's status and adds a line to its
 * timeline. Called by the FaultReport process's delegates.
 */
@Service
public class ReportProgressService {

    private final ReportMapper reports;
    private final OutageNoticeService notices;
    private final JobRequestService electricianJobs;
    private final GridLookupService archive;
    private final PriorityCustomers priority;
    private final CustomerTexts texts;
    private final Clock clock;

    ReportProgressService(
            ReportMapper reports,
            OutageNoticeService notices,
            JobRequestService electricianJobs,
            GridLookupService archive,
            PriorityCustomers priority,
            CustomerTexts texts,
            Clock clock) {
        this.priority = priority;
        this.electricianJobs = electricianJobs;
        this.archive = archive;
        this.reports = reports;
        this.notices = notices;
        this.texts = texts;
        this.clock = clock;
    }

    @Transactional
    public void markLocating(long reportId) {
        ReportRecord report = reports.findById(reportId);
        if (report.status() != ReportStatus.LOCATING) {
            advance(report, ReportStatus.LOCATING, "LOCATING", texts.text("report.locating"));
        }
    }

    @Transactional
    public void closeUnlocated(long reportId) {
        advance(reports.findById(reportId), ReportStatus.UNLOCATED, "UNLOCATED", texts.text("report.unlocated"));
    }

    @Transactional
    public void answerWithNotice(long reportId) {
        ReportRecord report = reports.findById(reportId);
        OutageNoticeRecord notice = notices.find(report.noticeId()).orElseThrow();
        String key = notice.type() == NoticeType.PLANNED ? "report.planned" : "report.fault_notice";
        advance(
                report,
                ReportStatus.PLANNED_OUTAGE,
                "OUTAGE_NOTICE",
                texts.text(
                        key,
                        texts.time(notice.startsAt()),
                        texts.time(notice.expectedEndAt()),
                        notice.reason() == null ? "" : notice.reason()));
    }

    @Transactional
    public void offerSocialElectrician(long reportId) {
        advance(
                reports.findById(reportId),
                ReportStatus.BEHIND_METER,
                "BEHIND_METER",
                texts.text("report.behind_meter"));
    }

    /** The customer chose the social electrician: a job (E-…) is offered to the electricians near the home. */
    @Transactional
    public void startElectricianJob(long reportId) {
        ReportRecord report = reports.findById(reportId);
        // the home: where the customer reported from, else the archive's customer (its phone, place and address)
        Optional<CustomerRecord> home =
                report.locatedCustomerNo() == null ? Optional.empty() : archive.customer(report.locatedCustomerNo());
        Double lat = report.lat() != null
                ? report.lat()
                : home.map(CustomerRecord::lat).orElse(null);
        Double lng = report.lng() != null
                ? report.lng()
                : home.map(CustomerRecord::lng).orElse(null);
        if (lat == null || lng == null) {
            throw new IllegalStateException("report " + reportId + " behind the meter has no place");
        }
        JobRequestService.Requested job = electricianJobs.startForReport(
                reportId,
                report.phone() != null
                        ? report.phone()
                        : home.map(CustomerRecord::phone).orElse(null),
                lat,
                lng,
                report.address() != null
                        ? report.address()
                        : home.map(CustomerRecord::address).orElse(null),
                report.description());
        advance(report, ReportStatus.ELECTRICIAN, "ELECTRICIAN_JOB", texts.text("report.electrician_job", job.id()));
    }

    /** No electrician took the job: the customer may have a utility crew after all. */
    @Transactional
    public void offerUtilityCrewAgain(long reportId) {
        advance(
                reports.findById(reportId),
                ReportStatus.BEHIND_METER,
                "NO_ELECTRICIAN",
                texts.text("report.no_electrician"));
    }

    /** The customer asked for the utility crew after all: the electrician job nobody took is withdrawn. */
    @Transactional
    public void withdrawElectricianJob(long reportId) {
        electricianJobs.withdrawForReport(reportId);
    }

    @Transactional
    public void referToElectrician(long reportId) {
        String job = electricianJobs
                .ofReport(reportId)
                .map(JobRequestService.Requested::id)
                .orElse("");
        advance(reports.findById(reportId), ReportStatus.REFERRED, "REFERRED", texts.text("report.referred", job));
    }

    /** The customer did not choose within the window: closed, saying so, and how to get an electrician. */
    @Transactional
    public void closeBehindMeterOffer(long reportId) {
        advance(reports.findById(reportId), ReportStatus.CLOSED, "OFFER_LAPSED", texts.text("report.offer_lapsed"));
    }

    /** Which repair order the report joined, and how many neighbours reported too. */
    @Transactional
    public void acknowledge(long reportId) {
        ReportRecord report = reports.findById(reportId);
        if (report.incidentId() == null) {
            return;
        }
        long reports = this.reports.countOnIncident(report.incidentId());
        String incident = PublicIds.incident(report.incidentId());
        String text = reports <= 1
                ? texts.text("report.opened", incident)
                : texts.text("report.joined", incident, reports - 1);
        event(report.id(), "ACKNOWLEDGED", text);
        if (report.locatedCustomerNo() != null) {
            priority.faultReported(report.locatedCustomerNo(), report.id(), report.incidentId());
        }
    }

    /**
     * Power is back on the report's order: the customer is asked to confirm, unless they answered already (the
     * restoration message reached them before this step); then their answer, true for power back.
     */
    @Transactional
    public Optional<Boolean> askForConfirmation(long reportId) {
        ReportRecord report = reports.findById(reportId);
        Instant restoredAt = reports.incidentRestoredAt(report.incidentId());
        if (report.confirmedAt() != null
                && restoredAt != null
                && !report.confirmedAt().isBefore(restoredAt)) {
            reports.updateStatus(reportId, ReportStatus.RESTORED, clock.instant());
            return Optional.of(Boolean.TRUE.equals(report.powerRestored()));
        }
        advance(
                report,
                ReportStatus.RESTORED,
                "RESTORED",
                texts.text("report.restored", PublicIds.incident(report.incidentId())));
        return Optional.empty();
    }

    /** Power came back on the repair order but not for this customer: triage again without that incident. */
    @Transactional
    public void recordNestedOutage(long reportId) {
        ReportRecord report = reports.findById(reportId);
        reports.excludeIncident(reportId, report.incidentId(), clock.instant());
        advance(report, ReportStatus.RECEIVED, "STILL_OUT", texts.text("report.still_out"));
    }

    @Transactional
    public void requestRating(long reportId) {
        advance(
                reports.findById(reportId),
                ReportStatus.RATING,
                "RATING_REQUESTED",
                texts.text("report.rating_requested"));
    }

    @Transactional
    public void close(long reportId) {
        advance(reports.findById(reportId), ReportStatus.CLOSED, "CLOSED", texts.text("report.closed"));
    }

    void event(long reportId, String type, String text) {
        reports.insertEvent(reportId, clock.instant(), type, text);
    }

    private void advance(ReportRecord report, ReportStatus status, String type, String text) {
        Instant now = clock.instant();
        reports.updateStatus(report.id(), status, now);
        reports.insertEvent(report.id(), now, type, text);
    }
}
