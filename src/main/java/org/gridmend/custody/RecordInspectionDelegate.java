package org.gridmend.custody;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Record inspection": the checklist into the contract's records; sets {@code defectSide} and clears the form. */
@Component
class RecordInspectionDelegate implements JavaDelegate {

    private final InspectionStepsService steps;

    RecordInspectionDelegate(InspectionStepsService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        java.util.Map<String, Object> form = new java.util.HashMap<>();
        for (String field : InspectionStepsService.READINGS) {
            form.put(field, execution.getVariable(field));
            execution.removeVariable(field);
        }
        execution.setVariable(
                "defectSide",
                steps.record(ProcessVariables.custodyId(execution), form, ProcessVariables.actor(execution)));
    }
}
