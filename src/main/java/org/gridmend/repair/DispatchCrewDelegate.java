package org.gridmend.repair;

import static org.gridmend.core.ProcessConstants.CREW_FOUND;
import static org.gridmend.core.ProcessConstants.CREW_ID;
import static org.gridmend.core.ProcessConstants.CREW_USER_ID;
import static org.gridmend.core.ProcessConstants.DISPATCH_TRIES;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Dispatch crew": offers the order to the best crew, whose user is to accept it; sets {@code crewFound}, {@code crewId}, {@code crewUserId} and counts {@code dispatchTries}. */
@Component
class DispatchCrewDelegate implements JavaDelegate {

    private final DispatchService service;

    DispatchCrewDelegate(DispatchService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(DISPATCH_TRIES, ProcessVariables.count(execution, DISPATCH_TRIES, 0) + 1);
        var offer = service.dispatch(ProcessVariables.incidentId(execution));
        execution.setVariable(CREW_FOUND, offer.isPresent());
        execution.setVariable(CREW_ID, offer.map(DispatchService.Offer::crewId).orElse(null));
        execution.setVariable(
                CREW_USER_ID, offer.map(DispatchService.Offer::userId).orElse(null));
    }
}
