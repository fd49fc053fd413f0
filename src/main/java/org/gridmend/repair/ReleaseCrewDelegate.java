package org.gridmend.repair;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Release crew": the order was merged into an upstream one; an open offer is withdrawn. */
@Component
class ReleaseCrewDelegate implements JavaDelegate {

    private final RepairOrderService service;

    ReleaseCrewDelegate(RepairOrderService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.releaseCrew(ProcessVariables.incidentId(execution));
    }
}
