package org.gridmend.learning;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Certify skill": the exam is passed; dispatch may send the crew jobs of this skill until the certification ends. */
@Component
class CertifySkillDelegate implements JavaDelegate {

    private final LearningStepsService steps;

    CertifySkillDelegate(LearningStepsService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.certify(ProcessVariables.learningId(execution), ProcessVariables.actor(execution));
    }
}
