package org.gridmend.report;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Offer utility crew again": no electrician took the job. */
@Component
class OfferUtilityCrewAgainDelegate implements JavaDelegate {

    private final ReportProgressService progress;

    OfferUtilityCrewAgainDelegate(ReportProgressService progress) {
        this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
        progress.offerUtilityCrewAgain(ProcessVariables.reportId(execution));
    }
}
