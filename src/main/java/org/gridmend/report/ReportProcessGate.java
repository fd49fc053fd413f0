package org.gridmend.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.camunda.bpm.engine.RuntimeService;
import org.gridmend.core.ProcessConstants;
import org.gridmend.core.PublicIds;
import org.gridmend.core.Refusal;
import org.springframework.stereotype.Component;

/**
 * The way from a customer's answer into the report's process: the tracking token checked, whether the process waits
 * for that answer now, and the message correlated.
 */
@Component
class ReportProcessGate {

    private final ReportMapper reports;
    private final RuntimeService runtime;

    ReportProcessGate(ReportMapper reports, RuntimeService runtime) {
        this.reports = reports;
        this.runtime = runtime;
    }

    /**
     * Whether the report's process waits for the message now. Asked before correlating, because a failed
     * correlation would mark the surrounding transaction for rollback.
     */
    boolean waitsFor(ReportRecord report, String message) {
        return runtime.createExecutionQuery()
                        .processInstanceBusinessKey(report.publicId())
                        .messageEventSubscriptionName(message)
                        .count()
                > 0;
    }

    void correlate(ReportRecord report, String message, Boolean powerRestored) {
        var correlation = runtime.createMessageCorrelation(message).processInstanceBusinessKey(report.publicId());
        if (powerRestored != null) {
            correlation.setVariable(ProcessConstants.POWER_RESTORED, powerRestored);
        }
        correlation.correlateWithResult();
    }

    static Refusal notNow(ReportRecord report, String what) {
        return new Refusal(
                Refusal.Kind.CONFLICT,
                "NOT_EXPECTED_NOW",
                "report " + report.publicId() + " is " + report.status() + " and does not expect " + what + " now",
                null);
    }

    /** The report, if the token is its token; otherwise 404, the same as for a report that does not exist. */
    ReportRecord authorized(String publicId, String token) {
        long id = PublicIds.parseReport(publicId);
        ReportRecord report = id < 0 ? null : reports.findById(id);
        if (report == null
                || token == null
                || !MessageDigest.isEqual(
                        report.trackingToken().getBytes(StandardCharsets.UTF_8),
                        token.getBytes(StandardCharsets.UTF_8))) {
            throw Refusal.notFound("report", publicId);
        }
        return report;
    }
}
