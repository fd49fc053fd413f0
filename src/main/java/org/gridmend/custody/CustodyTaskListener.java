package org.gridmend.custody;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.gridmend.core.PublicIds;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** What each CustodyContract task shows: the application, the equipment to inspect, or the overdue inspection. */
@Component
class CustodyTaskListener implements TaskListener {

    private final CustodyStepsService steps;
    private final InspectionStepsService inspections;

    CustodyTaskListener(CustodyStepsService steps, InspectionStepsService inspections) {
        this.steps = steps;
        this.inspections = inspections;
    }

    @Override
    public void notify(DelegateTask task) {
        long id = ProcessVariables.custodyId(task.getExecution());
        switch (task.getTaskDefinitionKey()) {
            case "Task_ReviewCustodyApplication" -> task.setVariablesLocal(steps.reviewShown(id));
            case "Task_InspectEquipment" -> task.setVariablesLocal(inspections.shown(id));
            default -> task.setVariablesLocal(inspections.overdue(id));
        }
        task.setName(PublicIds.custody(id) + " · " + task.getName());
    }
}
