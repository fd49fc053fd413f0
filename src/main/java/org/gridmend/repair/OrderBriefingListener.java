package org.gridmend.repair;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * On every RepairOrder task: the order's summary as task-local variables, which its Camunda Form shows (order,
 * fault device, reports, deadline, navigation and briefing links, and for review the arrival, cause and photos).
 * Task-local, so each task shows the order as it was when the task came, and nothing personal: the briefing link
 * leads to the masked phones and addresses.
 */
@Component
class OrderBriefingListener implements TaskListener {

    private final RepairQueryService query;

    OrderBriefingListener(RepairQueryService query) {
        this.query = query;
    }

    @Override
    public void notify(DelegateTask task) {
        long incidentId = ProcessVariables.incidentId(task);
        task.setVariablesLocal(query.taskSummary(incidentId));
    }
}
