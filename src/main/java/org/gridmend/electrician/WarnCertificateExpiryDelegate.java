package org.gridmend.electrician;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Warn of certificate expiry", 30 days ahead. */
@Component
class WarnCertificateExpiryDelegate implements JavaDelegate {

    private final ElectricianReviewService steps;

    WarnCertificateExpiryDelegate(ElectricianReviewService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.warn(ProcessVariables.electricianId(execution));
    }
}
