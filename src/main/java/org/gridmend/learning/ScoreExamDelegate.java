package org.gridmend.learning;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * "Score exam": the answers the form sent are scored on the server against the questions drawn, kept with the
 * sitting and taken out of the process, which keeps only the verdict ({@code examPassed}) and whether the fails call
 * the station lead ({@code examFailsReached}).
 */
@Component
class ScoreExamDelegate implements JavaDelegate {

    private final ExamService exams;
    private final LearningStepsService steps;

    ScoreExamDelegate(ExamService exams, LearningStepsService steps) {
        this.exams = exams;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long learningId = ProcessVariables.learningId(execution);
        Map<String, Object> sent = new HashMap<>();
        for (int slot = 1; slot <= ExamForm.SLOTS; slot++) {
            sent.put(ExamForm.single(slot), execution.getVariable(ExamForm.single(slot)));
            sent.put(ExamForm.multiple(slot), execution.getVariable(ExamForm.multiple(slot)));
        }
        ExamService.Result result = exams.score(learningId, sent, ProcessVariables.actor(execution));
        for (int slot = 1; slot <= ExamForm.SLOTS; slot++) {
            execution.removeVariable(ExamForm.single(slot));
            execution.removeVariable(ExamForm.multiple(slot));
        }
        execution.setVariable(ExamListener.PASSED, result.passed());
        execution.setVariable(ExamListener.FAILS_REACHED, !result.passed() && steps.failsReached(learningId));
    }
}
