package org.gridmend.repair;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Record lapse": the accept window passed; the crew is not offered this order again. */
@Component
class RecordLapseDelegate implements JavaDelegate {

    private final RepairOrderService service;

    RecordLapseDelegate(RepairOrderService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.lapse(ProcessVariables.incidentId(execution));
    }
}
