package org.gridmend.electrician;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.gridmend.core.PublicIds;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Review electrician application" shows the applicant and the certificate. */
@Component
class ReviewApplicationListener implements TaskListener {

    private final ElectricianReviewService steps;

    ReviewApplicationListener(ElectricianReviewService steps) {
        this.steps = steps;
    }

    @Override
    public void notify(DelegateTask task) {
        long id = ProcessVariables.electricianId(task.getExecution());
        task.setVariablesLocal(steps.shown(id));
        task.setName("审核电工 " + PublicIds.electrician(id) + " · Review electrician application");
    }
}
