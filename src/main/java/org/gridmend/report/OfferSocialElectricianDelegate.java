package org.gridmend.report;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Offer social electrician": the fault is behind the meter; the customer may still insist on a utility crew. */
@Component
class OfferSocialElectricianDelegate implements JavaDelegate {

    private final ReportProgressService progress;

    OfferSocialElectricianDelegate(ReportProgressService progress) {
        this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
        progress.offerSocialElectrician(ProcessVariables.reportId(execution));
    }
}
