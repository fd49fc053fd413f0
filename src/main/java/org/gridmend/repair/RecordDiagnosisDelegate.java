package org.gridmend.repair;

import static org.gridmend.core.ProcessConstants.CAUSE;
import static org.gridmend.core.ProcessConstants.ETR;
import static org.gridmend.core.ProcessConstants.FAULT_DEVICE_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * "Record diagnosis": cause and ETR from the crew's form (customers hear both), and the faulty device when the crew
 * names one other than the predicted (the prediction moves there).
 */
@Component
class RecordDiagnosisDelegate implements JavaDelegate {

    private final RepairOrderService service;

    RecordDiagnosisDelegate(RepairOrderService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.diagnose(
                ProcessVariables.incidentId(execution),
                Codes.parse(Codes.Cause.class, execution.getVariable(CAUSE), null, CAUSE),
                execution.getVariable(ETR),
                ProcessVariables.string(execution, FAULT_DEVICE_ID),
                ProcessVariables.actor(execution));
    }
}
