package org.gridmend.electrician;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Record answer": accepted with a visit fee, or declined; sets {@code jobAccepted} and clears the form. */
@Component
class RecordJobAnswerDelegate implements JavaDelegate {

    private final JobStepsService steps;

    RecordJobAnswerDelegate(JobStepsService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean accepted = steps.answer(
                ProcessVariables.jobId(execution),
                execution.getVariable("jobDecision"),
                execution.getVariable("visitFee"),
                ProcessVariables.actor(execution));
        execution.setVariable("jobAccepted", accepted);
        execution.removeVariable("jobDecision");
        execution.removeVariable("visitFee");
    }
}
