package org.gridmend.custody;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Record custody review": sets {@code custodyApproved} and clears the form. */
@Component
class RecordCustodyReviewDelegate implements JavaDelegate {

    private final CustodyStepsService steps;

    RecordCustodyReviewDelegate(CustodyStepsService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean approved = steps.review(
                ProcessVariables.custodyId(execution),
                execution.getVariable("custodyDecision"),
                execution.getVariable("custodyRefusalReason"),
                execution.getVariable("custodyElectricianId"),
                execution.getVariable("secondElectricianId"),
                execution.getVariable("monthlyFee"),
                execution.getVariable("termMonths"),
                ProcessVariables.actor(execution));
        execution.setVariable("custodyApproved", approved);
        for (String field : new String[] {
            "custodyDecision",
            "custodyRefusalReason",
            "custodyElectricianId",
            "secondElectricianId",
            "monthlyFee",
            "termMonths"
        }) {
            execution.removeVariable(field);
        }
    }
}
