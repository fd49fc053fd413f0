package org.gridmend.repair;

import java.time.Clock;
import java.time.Instant;

import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.gridmend.core.CustomerTexts;
import org.gridmend.triage.IncidentService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The end of a repair order: the dispatcher's review of the crew's report (回单审核), the crew's amendment when it is
 * sent back, and the close once the customers' ratings are in.
 */
@Service
public class OrderReviewService {

    private static final Logger log = LoggerFactory.getLogger(OrderReviewService.class);

    private final RepairOrderMapper orders;
    private final CrewService crews;
    private final IncidentService incidents;
    private final OrderTimeline timeline;
    private final CustomerTexts texts;
    private final AuditTrail audit;
    private final Clock clock;

    OrderReviewService(
            RepairOrderMapper orders,
            CrewService crews,
            IncidentService incidents,
            OrderTimeline timeline,
            CustomerTexts texts,
            AuditTrail audit,
            Clock clock) {
        this.orders = orders;
        this.crews = crews;
        this.incidents = incidents;
        this.timeline = timeline;
        this.texts = texts;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * "Review repair order" (回单审核): approved, or sent back to the crew with a remark from the list. Returns
     * whether it was approved.
     */
    @Transactional
    public boolean review(long incidentId, Codes.ReviewDecision decision, Codes.ReviewRemark remark, String reviewer) {
        boolean approved = decision == Codes.ReviewDecision.APPROVE;
        String code = approved ? null : remark.name();
        orders.review(incidentId, reviewer, code, clock.instant());
        if (approved) {
            timeline.record(incidentId, "REVIEWED", texts.text("incident.reviewed"), reviewer, "approved", true);
        } else {
            audit.record(AuditEntry.of("REVIEW_SENT_BACK")
                    .incident(incidentId)
                    .user(reviewer)
                    .detail("remark", code));
        }
        log.info("repair order reviewed incidentId={} approved={} remark={}", incidentId, approved, code);
        return approved;
    }

    /** "Amend repair report": the crew corrects cause and resolution after the review sent the order back. */
    @Transactional
    public void amend(long incidentId, Codes.Cause knownCause, Codes.Resolution knownResolution, String actor) {
        orders.amend(incidentId, knownCause.name(), knownResolution.name());
        audit.record(AuditEntry.of("REPORT_AMENDED")
                .incident(incidentId)
                .user(actor)
                .detail("cause", knownCause)
                .detail("resolution", knownResolution));
        log.info("repair report amended incidentId={} cause={} resolution={}", incidentId, knownCause, knownResolution);
    }

    /** After the rating window: the customers' stars go to the crew, and the order closes. */
    @Transactional
    public void aggregateRatings(long incidentId) {
        RepairOrderRecord order = orders.find(incidentId);
        RepairOrderMapper.RatingTotals totals = orders.ratings(incidentId);
        int count = (int) totals.count();
        int sum = totals.sum() == null ? 0 : totals.sum().intValue();
        if (order.crewId() != null && count > 0) {
            crews.addRatings(order.crewId(), count, sum);
        }
        Instant now = clock.instant();
        orders.close(incidentId, count, count == 0 ? null : (double) sum / count);
        incidents.close(incidentId, now);
        audit.record(AuditEntry.of("ORDER_CLOSED")
                .incident(incidentId)
                .crew(order.crewId())
                .detail("ratings", count)
                .detail("starsTotal", sum));
        log.info("repair order closed incidentId={} crewId={} ratings={}", incidentId, order.crewId(), count);
    }
}
