package org.gridmend.repair;

import static org.gridmend.core.ProcessConstants.LATE_CAUSE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Record late cause": what held the crew up, as the dispatcher found out. */
@Component
class RecordLateCauseDelegate implements JavaDelegate {

    private final ArrivalService service;

    RecordLateCauseDelegate(ArrivalService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.recordLateCause(
                ProcessVariables.incidentId(execution),
                Codes.parse(Codes.LateCause.class, execution.getVariable(LATE_CAUSE), null, LATE_CAUSE),
                ProcessVariables.actor(execution));
    }
}
