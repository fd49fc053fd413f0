package org.gridmend.repair;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Record arrival": checks the crew's position against the fault and records the arrival, or refuses the confirmation. */
@Component
class RecordArrivalDelegate implements JavaDelegate {

    private final ArrivalService service;

    RecordArrivalDelegate(ArrivalService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.arrive(ProcessVariables.incidentId(execution), ProcessVariables.actor(execution));
    }
}
