package org.gridmend.triage;

import static org.gridmend.core.ProcessConstants.CANDIDATE_CUSTOMER_NO;
import static org.gridmend.core.ProcessConstants.CANDIDATE_TRANSFORMER_ID;
import static org.gridmend.core.ProcessConstants.LOCATED_CUSTOMER_NO;
import static org.gridmend.core.ProcessConstants.LOCATED_NODE_ID;
import static org.gridmend.core.ProcessConstants.LOCATE_DECISION;
import static org.gridmend.core.ProcessConstants.LOCATE_OUTCOME;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Place report on the grid": places the report (or takes the dispatcher's decision); sets {@code locateOutcome}. */
@Component
class LocateReportDelegate implements JavaDelegate {

    private final TriageService triage;

    LocateReportDelegate(TriageService triage) {
        this.triage = triage;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String decision = ProcessVariables.string(execution, LOCATE_DECISION);
        TriageService.DispatcherPlacement dispatcher = decision == null
                ? null
                : new TriageService.DispatcherPlacement(
                        LocateOutcome.valueOf(decision),
                        typedOrPicked(execution, LOCATED_CUSTOMER_NO, CANDIDATE_CUSTOMER_NO),
                        typedOrPicked(execution, LOCATED_NODE_ID, CANDIDATE_TRANSFORMER_ID));
        LocateOutcome outcome = triage.locate(ProcessVariables.reportId(execution), dispatcher);
        execution.setVariable(LOCATE_OUTCOME, outcome.name());
    }

    /** What the dispatcher typed, else what they picked from the candidates; checked against the archive after. */
    private static String typedOrPicked(DelegateExecution execution, String typed, String picked) {
        String value = ProcessVariables.string(execution, typed);
        return value != null && !value.isBlank() ? value : ProcessVariables.string(execution, picked);
    }
}
