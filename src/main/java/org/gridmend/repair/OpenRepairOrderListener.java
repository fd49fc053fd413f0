package org.gridmend.repair;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * On "Repair order opened": the order's row in gm_repair_order, in the transaction that opened the incident, so
 * that every step after it has an order to write to.
 */
@Component
class OpenRepairOrderListener implements ExecutionListener {

    private final RepairOrderService service;

    OpenRepairOrderListener(RepairOrderService service) {
        this.service = service;
    }

    @Override
    public void notify(DelegateExecution execution) {
        service.open(ProcessVariables.incidentId(execution));
    }
}
