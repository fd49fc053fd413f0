package org.gridmend.repair;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Announce delay": the arrival commitment passed; customers hear of the delay and a new ETA. */
@Component
class AnnounceDelayDelegate implements JavaDelegate {

    private final ArrivalService service;

    AnnounceDelayDelegate(ArrivalService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.announceDelay(ProcessVariables.incidentId(execution));
    }
}
