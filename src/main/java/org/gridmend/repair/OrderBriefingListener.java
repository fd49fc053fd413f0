package org.gridmend.repair;

import java.util.Map;

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

    /** What each task asks, in Chinese, to lead its name in Tasklist's list. */
    static final Map<String, String> VERBS = Map.of(
            "Task_DispatchCrewManually", "派工",
            "Task_AcceptRepairOrder", "接单",
            "Task_ConfirmArrival", "到达确认",
            "Task_HandleLateArrival", "超时处理",
            "Task_DiagnoseFault", "故障诊断",
            "Task_CompleteRepair", "修复完成",
            "Task_ReviewRepairOrder", "回单审核",
            "Task_AmendRepairReport", "回单修改");

    @Override
    public void notify(DelegateTask task) {
        long incidentId = ProcessVariables.incidentId(task);
        Map<String, Object> summary = query.taskSummary(incidentId);
        task.setVariablesLocal(summary);
        task.setName(name(task.getTaskDefinitionKey(), task.getName(), summary));
    }

    /**
     * "接单 R-00000007 · 一号台区 · Accept repair order": a crew with two orders tells them apart in the task list, in
     * Chinese first and with the model's English label behind.
     */
    static String name(String taskKey, String label, Map<String, Object> summary) {
        String verb = VERBS.getOrDefault(taskKey, "");
        Object device = summary.get("deviceName");
        String name = (verb.isEmpty() ? "" : verb + " ")
                + summary.get("orderId")
                + (device == null ? "" : " · " + device)
                + (label == null ? "" : " · " + label);
        return name.length() > 250 ? name.substring(0, 250) : name;
    }
}
