package org.gridmend.repair;

import static org.gridmend.core.ProcessConstants.RESOLUTION;
import static org.gridmend.core.ProcessConstants.RESTORATION_BATCHES;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Restore power": records the repair, closes the incident to new reports and sets {@code restorationBatches}, the number of batches of reports to tell. */
@Component
class RestorePowerDelegate implements JavaDelegate {

    private final RepairOrderService service;

    RestorePowerDelegate(RepairOrderService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(
                RESTORATION_BATCHES,
                service.restore(
                        ProcessVariables.incidentId(execution),
                        Codes.parse(Codes.Resolution.class, execution.getVariable(RESOLUTION), null, RESOLUTION),
                        ProcessVariables.actor(execution)));
    }
}
