package org.gridmend.core;

/**
 * Names shared by the BPMN files and the Java code: process ids, messages and the few variables the processes keep.
 * Variables hold ids and gateway flags only; everything else lives in GridMend's tables.
 */
public final class ProcessConstants {

    private ProcessConstants() {}

    // processes
    public static final String FAULT_REPORT = "FaultReport";
    public static final String REPAIR_ORDER = "RepairOrder";
    /** One instance per outage notice, business key N-00000042. */
    public static final String OUTAGE_NOTICE = "OutageNotice";

    public static final String CREW_LEARNING = "CrewLearning";
    public static final String ELECTRICIAN_REGISTRATION = "ElectricianRegistration";
    public static final String ELECTRICIAN_JOB = "ElectricianJob";
    public static final String CUSTODY_CONTRACT = "CustodyContract";
    public static final String RENTAL_LISTING = "RentalListing";
    public static final String RENTAL_BOOKING = "RentalBooking";
    public static final String MESSAGE_LISTING_WITHDRAWN = "Message_RentalListingWithdrawn";
    public static final String MESSAGE_OWNER_ANSWERED = "Message_RentalOwnerAnswered";
    public static final String MESSAGE_PAYMENT_RECORDED = "Message_RentalPaymentRecorded";
    public static final String MESSAGE_HANDED_OVER = "Message_RentalHandedOver";
    public static final String MESSAGE_RETURNED = "Message_RentalReturned";
    public static final String MESSAGE_SETTLEMENT_ACCEPTED = "Message_RentalSettlementAccepted";
    public static final String MESSAGE_SETTLEMENT_DISPUTED = "Message_RentalSettlementDisputed";
    public static final String MESSAGE_RATED_BY_RENTER = "Message_RentalRatedByRenter";
    public static final String MESSAGE_RATED_BY_OWNER = "Message_RentalRatedByOwner";
    public static final String MESSAGE_BOOKING_CANCELLED = "Message_RentalBookingCancelled";
    public static final String MESSAGE_CONTRACT_ACCEPTED = "Message_ContractAccepted";
    public static final String MESSAGE_CONTRACT_DECLINED = "Message_ContractDeclined";
    public static final String MESSAGE_RENEWAL_ACCEPTED = "Message_RenewalAccepted";
    public static final String MESSAGE_CERTIFICATE_RENEWED = "Message_CertificateRenewed";
    public static final String MESSAGE_QUOTE_ACCEPTED = "Message_QuoteAccepted";
    public static final String MESSAGE_QUOTE_DECLINED = "Message_QuoteDeclined";
    public static final String MESSAGE_JOB_CONFIRMED = "Message_JobConfirmed";
    public static final String MESSAGE_DISPUTE_RAISED = "Message_DisputeRaised";
    public static final String MESSAGE_JOB_WITHDRAWN = "Message_JobWithdrawn";
    /** From an ElectricianJob to the FaultReport that started it. */
    public static final String MESSAGE_ELECTRICIAN_JOB_ENDED = "Message_ElectricianJobEnded";

    public static final String MESSAGE_NO_ELECTRICIAN_FOUND = "Message_NoElectricianFound";

    // messages
    public static final String MESSAGE_POWER_RESTORED = "Message_PowerRestored";
    public static final String MESSAGE_CONFIRMATION_RECEIVED = "Message_ConfirmationReceived";
    public static final String MESSAGE_RATING_RECEIVED = "Message_RatingReceived";
    public static final String MESSAGE_UTILITY_CREW_REQUESTED = "Message_UtilityCrewRequested";
    public static final String MESSAGE_ELECTRICIAN_CHOSEN = "Message_ElectricianChosen";
    public static final String MESSAGE_REPAIR_ORDER_OPENED = "Message_RepairOrderOpened";
    public static final String MESSAGE_REPAIR_ORDER_MERGED = "Message_RepairOrderMerged";
    public static final String MESSAGE_ETR_UPDATED = "Message_EtrUpdated";
    /** An outage notice ends before its expected end: a dispatcher ended it, or its incident was restored. */
    public static final String MESSAGE_OUTAGE_ENDED = "Message_OutageEnded";

    // variables: ids
    /** The report's number (Long); the business key is its public id B-00000042. */
    public static final String REPORT_ID = "reportId";
    /** The outage notice's number (Long); the OutageNotice process's business key is N-00000042. */
    public static final String NOTICE_ID = "noticeId";
    /** The "Notify affected customers" task's input parameter: which {@code NotificationEvent}. */
    public static final String EVENT_TYPE = "eventType";
    // OutageNotice gateway flags: fault or planned, a week-ahead message still due, how the end is announced
    public static final String FAULT_NOTICE = "faultNotice";
    public static final String WEEK_AHEAD = "weekAhead";
    public static final String END_REASON = "endReason";
    public static final String NOTICE_ENDING = "noticeEnding";
    /** The incident the report is linked to (Long); a RepairOrder's business key is its public id R-00000042. */
    public static final String INCIDENT_ID = "incidentId";
    /** The incident the upstream order absorbed this one into (Long). */
    public static final String MERGED_INTO_ID = "mergedIntoId";

    // variables: gateway flags
    /** How the report was placed on the grid: see {@code LocateOutcome}. */
    public static final String LOCATE_OUTCOME = "locateOutcome";

    public static final String PLANNED_OUTAGE = "plannedOutage";
    public static final String BEHIND_METER = "behindMeter";
    /** The customer's answer to "is your power back?" (or a meter's POWER_RESTORED). */
    public static final String POWER_RESTORED = "powerRestored";
    /** The customer answered "power back?" before the report's process asked (the restoration message was first). */
    public static final String ANSWERED_EARLY = "answeredEarly";

    // RepairOrder variables: the crew offered the order, and gateway flags
    public static final String CREW_ID = "crewId";
    /** The offered crew's Camunda user: the assignee of its tasks. */
    public static final String CREW_USER_ID = "crewUserId";

    public static final String CREW_FOUND = "crewFound";
    public static final String DISPATCH_TRIES = "dispatchTries";
    public static final String RESTORATION_BATCHES = "restorationBatches";
    public static final String ACCEPTED = "accepted";
    public static final String REVIEW_APPROVED = "reviewApproved";

    // variables the RepairOrder forms set (codes from fixed lists, never free text)
    public static final String ACCEPT_DECISION = "acceptDecision";
    public static final String DECLINE_REASON = "declineReason";
    public static final String CHOSEN_CREW_ID = "chosenCrewId";
    public static final String CAUSE = "cause";
    /** The device the crew found faulty in "Diagnose fault" (one of the task's {@code faultDevices}); optional. */
    public static final String FAULT_DEVICE_ID = "faultDeviceId";

    public static final String ETR = "etr";
    public static final String RESOLUTION = "resolution";
    public static final String REVIEW_DECISION = "reviewDecision";
    public static final String REVIEW_REMARK = "reviewRemark";
    public static final String LATE_CAUSE = "lateCause";

    // variables the dispatcher's "Locate report" form sets
    public static final String LOCATED_NODE_ID = "locatedNodeId";
    public static final String LOCATED_CUSTOMER_NO = "locatedCustomerNo";
    /** A customer picked from the form's candidates; a typed {@link #LOCATED_CUSTOMER_NO} wins over it. */
    public static final String CANDIDATE_CUSTOMER_NO = "candidateCustomerNo";
    /** A transformer area picked from the form's candidates; a typed {@link #LOCATED_NODE_ID} wins over it. */
    public static final String CANDIDATE_TRANSFORMER_ID = "candidateTransformerId";

    public static final String LOCATE_DECISION = "locateDecision";
}
