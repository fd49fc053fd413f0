package org.gridmend.electrician;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * The timers of the electricians' processes, by a bean name designers can write in BPMN:
 * {@code ${electricianTimers.acceptWindow}}, {@code ${electricianTimers.quoteWindow}},
 * {@code ${electricianTimers.confirmationWindow}}, {@code ${electricianTimers.warnAt(execution)}} and
 * {@code ${electricianTimers.expiresAt(execution)}} (of the certificate).
 */
@Component("electricianTimers")
public class ElectricianTimers {

    private final ElectricianProperties properties;
    private final ElectricianReviewService review;

    ElectricianTimers(ElectricianProperties properties, ElectricianReviewService review) {
        this.properties = properties;
        this.review = review;
    }

    public String getAcceptWindow() {
        return properties.acceptWindow().toString();
    }

    public String getQuoteWindow() {
        return properties.quoteWindow().toString();
    }

    public String getConfirmationWindow() {
        return properties.confirmationWindow().toString();
    }

    public Date warnAt(DelegateExecution execution) {
        return Date.from(review.warnAt(ProcessVariables.electricianId(execution)));
    }

    public Date expiresAt(DelegateExecution execution) {
        return Date.from(review.expiresAt(ProcessVariables.electricianId(execution)));
    }
}
