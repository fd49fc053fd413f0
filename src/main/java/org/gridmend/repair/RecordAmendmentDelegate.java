package org.gridmend.repair;

import static org.gridmend.core.ProcessConstants.CAUSE;
import static org.gridmend.core.ProcessConstants.RESOLUTION;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Record amendment": cause and resolution as the crew corrected them. */
@Component
class RecordAmendmentDelegate implements JavaDelegate {

    private final OrderReviewService service;

    RecordAmendmentDelegate(OrderReviewService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.amend(
                ProcessVariables.incidentId(execution),
                Codes.parse(Codes.Cause.class, execution.getVariable(CAUSE), null, CAUSE),
                Codes.parse(Codes.Resolution.class, execution.getVariable(RESOLUTION), null, RESOLUTION),
                ProcessVariables.actor(execution));
    }
}
