package org.gridmend.repair;

import static org.gridmend.core.ProcessConstants.ACCEPTED;
import static org.gridmend.core.ProcessConstants.ACCEPT_DECISION;
import static org.gridmend.core.ProcessConstants.DECLINE_REASON;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Record crew answer": accepted or declined with a reason; sets {@code accepted} and clears the answer so that the next crew starts with an empty form. */
@Component
class RecordCrewAnswerDelegate implements JavaDelegate {

    private final RepairOrderService service;

    RecordCrewAnswerDelegate(RepairOrderService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Codes.CrewAnswer answer = Codes.CrewAnswer.of(execution.getVariable(ACCEPT_DECISION));
        Codes.DeclineReason why = answer == Codes.CrewAnswer.DECLINE
                ? Codes.parse(Codes.DeclineReason.class, execution.getVariable(DECLINE_REASON), null, DECLINE_REASON)
                : null;
        boolean accepted = service.recordAnswer(
                ProcessVariables.incidentId(execution), answer, why, ProcessVariables.actor(execution));
        execution.setVariable(ACCEPTED, accepted);
        execution.removeVariable(ACCEPT_DECISION);
        execution.removeVariable(DECLINE_REASON);
    }
}
