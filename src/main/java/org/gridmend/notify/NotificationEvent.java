package org.gridmend.notify;

/**
 * What customers are told, and whom each event reaches. Process designers choose one in the "Notify affected
 * customers" element template; the names are the dropdown's values.
 */
public enum NotificationEvent {

    /** The report's acknowledgement: joined repair order R-… with the number of neighbours who reported. */
    ACKNOWLEDGED(Scope.REPORT, Audience.REPORTER, "ACKNOWLEDGED", false),
    /** A report answered by an active planned or fault outage notice. */
    OUTAGE_NOTICE_ANSWER(Scope.REPORT, Audience.REPORTER, "OUTAGE_NOTICE", false),
    /** Behind-the-meter advice: a social electrician, or insist on the utility. */
    BEHIND_METER(Scope.REPORT, Audience.REPORTER, "BEHIND_METER", false),
    /** Power restored, please confirm. */
    CONFIRMATION_REQUEST(Scope.REPORT, Audience.REPORTER, "RESTORED", false),
    /** The prediction moved the report's area to another repair order (the fault is elsewhere): which one now. */
    REPORT_MOVED(Scope.REPORT, Audience.REPORTER, "MOVED_INCIDENT", false),
    /** Please rate the repair; never sent in quiet hours. */
    RATING_REQUEST(Scope.REPORT, Audience.REPORTER, "RATING_REQUESTED", true),

    /** The outage is known (to customers below the device who did not report: they need not call). */
    OUTAGE_KNOWN(Scope.INCIDENT, Audience.NON_REPORTERS, null, false),
    /** Accepted by crew No. X with ETA. */
    CREW_ACCEPTED(Scope.INCIDENT, Audience.ALL, "ACCEPTED", false),
    /** The arrival commitment passed: a new ETA. */
    DELAYED(Scope.INCIDENT, Audience.ALL, "DELAYED", false),
    ARRIVED(Scope.INCIDENT, Audience.ALL, "ARRIVED", false),
    /** Cause found, with the ETR. */
    DIAGNOSED(Scope.INCIDENT, Audience.ALL, "DIAGNOSED", false),
    /** A new ETR, when it moved by at least {@code gridmend.notify.etr-min-change}. */
    ETR_CHANGED(Scope.INCIDENT, Audience.ALL, "ETR_CHANGED", false),
    /** Power is back; in the same step the reporters get the confirmation request instead. */
    RESTORED(Scope.INCIDENT, Audience.NON_REPORTERS, "REPAIRED", false),
    /** The incident merged into an upstream one: its customers follow that order from its current state. */
    MERGED_UPSTREAM(Scope.INCIDENT, Audience.ALL, null, false),

    /** A planned outage, a week ahead (or at once when sooner). */
    NOTICE_WEEK_BEFORE(Scope.NOTICE, Audience.ALL, null, false),
    /** A planned outage, a day ahead (or at once when sooner). */
    NOTICE_DAY_BEFORE(Scope.NOTICE, Audience.ALL, null, false),
    /** A fault outage the utility already knows of (a breaker trip). */
    NOTICE_FAULT(Scope.NOTICE, Audience.ALL, null, false),
    /** The planned work is over: power is back. */
    NOTICE_ENDED(Scope.NOTICE, Audience.ALL, null, false),
    /** A planned outage withdrawn before it began. */
    NOTICE_CANCELLED(Scope.NOTICE, Audience.ALL, null, false);

    /** What the event is about: one report, one incident (repair order), one outage notice. */
    public enum Scope {
        REPORT,
        INCIDENT,
        NOTICE
    }

    /**
     * Who hears: the report's customer; everyone affected (below the device, and whoever reported); or only those
     * affected who did not report (reporters hear the same news through their own report's message).
     */
    public enum Audience {
        REPORTER,
        ALL,
        NON_REPORTERS
    }

    private final Scope scope;
    private final Audience audience;
    private final String timelineType;
    private final boolean quiet;

    NotificationEvent(Scope scope, Audience audience, String timelineType, boolean quiet) {
        this.scope = scope;
        this.audience = audience;
        this.timelineType = timelineType;
        this.quiet = quiet;
    }

    public Scope scope() {
        return scope;
    }

    public Audience audience() {
        return audience;
    }

    /** The timeline line whose text is the message (the customer reads the same words on both), or null. */
    public String timelineType() {
        return timelineType;
    }

    /** Held back during quiet hours. */
    public boolean quiet() {
        return quiet;
    }

    /**
     * Whether the message waits {@code gridmend.notify.settle} before it goes: what a cascade of roll-ups or moves can
     * make untrue within seconds (StaleMessages withdraws it then).
     */
    public boolean settles() {
        return this == MERGED_UPSTREAM || this == REPORT_MOVED;
    }
}
