package org.gridmend.repair;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Tell customers the new ETR": the crew changed it while the repair runs. */
@Component
class TellCustomersNewEtrDelegate implements JavaDelegate {

    private final RepairOrderService service;

    TellCustomersNewEtrDelegate(RepairOrderService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.tellNewEtr(ProcessVariables.incidentId(execution), ProcessVariables.actor(execution));
    }
}
