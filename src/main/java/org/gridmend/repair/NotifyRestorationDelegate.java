package org.gridmend.repair;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Notify restoration", one batch per instance ({@code loopCounter}): each report of the batch receives "Power restored". */
@Component
class NotifyRestorationDelegate implements JavaDelegate {

    private final RepairOrderService service;

    NotifyRestorationDelegate(RepairOrderService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int batch = ProcessVariables.count(execution, "loopCounter", 0);
        service.notifyRestoration(ProcessVariables.incidentId(execution), batch);
    }
}
