package org.gridmend.report;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Close behind-the-meter offer": the customer did not choose in time. */
@Component
class CloseBehindMeterOfferDelegate implements JavaDelegate {

    private final ReportProgressService progress;

    CloseBehindMeterOfferDelegate(ReportProgressService progress) {
        this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
        progress.closeBehindMeterOffer(ProcessVariables.reportId(execution));
    }
}
