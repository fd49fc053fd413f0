package org.gridmend.triage;

import static org.gridmend.core.ProcessConstants.INCIDENT_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Triage report": joins, opens or rolls up the incident; sets {@code incidentId}. */
@Component
class TriageReportDelegate implements JavaDelegate {

    private final TriageService triage;

    TriageReportDelegate(TriageService triage) {
        this.triage = triage;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(
                INCIDENT_ID, triage.triage(ProcessVariables.reportId(execution)).incidentId());
    }
}
