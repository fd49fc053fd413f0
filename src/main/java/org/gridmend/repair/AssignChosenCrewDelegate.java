package org.gridmend.repair;

import static org.gridmend.core.ProcessConstants.CHOSEN_CREW_ID;
import static org.gridmend.core.ProcessConstants.CREW_ID;
import static org.gridmend.core.ProcessConstants.CREW_USER_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Assign chosen crew": the crew a dispatcher chose in "Dispatch crew manually" gets the offer. */
@Component
class AssignChosenCrewDelegate implements JavaDelegate {

    private final DispatchService service;

    AssignChosenCrewDelegate(DispatchService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String dispatcher = ProcessVariables.actor(execution);
        var offer = service.assign(
                ProcessVariables.incidentId(execution), ProcessVariables.string(execution, CHOSEN_CREW_ID), dispatcher);
        execution.setVariable(CREW_ID, offer.crewId());
        execution.setVariable(CREW_USER_ID, offer.userId());
        execution.removeVariable(CHOSEN_CREW_ID);
    }
}
