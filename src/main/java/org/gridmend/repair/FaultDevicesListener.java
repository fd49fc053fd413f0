package org.gridmend.repair;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.gridmend.process.ProcessVariables;
import org.gridmend.triage.FaultFindingService;
import org.springframework.stereotype.Component;

/**
 * On "Diagnose fault": the devices the crew may name as the faulty one, as the task-local JSON list
 * {@code faultDevices} ({@code [{label, value}]}): the order's predicted device first, then everything below it.
 */
@Component
class FaultDevicesListener implements TaskListener {

    static final String FAULT_DEVICES = "faultDevices";
    static final int SHOWN = 200;

    private final FaultFindingService findings;
    private final RepairOrderMapper orders;
    private final ObjectMapper json;

    FaultDevicesListener(FaultFindingService findings, RepairOrderMapper orders, ObjectMapper json) {
        this.findings = findings;
        this.orders = orders;
        this.json = json;
    }

    @Override
    public void notify(DelegateTask task) {
        long incidentId = ProcessVariables.incidentId(task);
        List<Map<String, String>> options = new ArrayList<>();
        List<String> nodes = findings.nodesAtOrBelow(incidentId);
        for (String node : nodes.subList(0, Math.min(SHOWN, nodes.size()))) {
            String name = orders.deviceName(node);
            Map<String, String> option = new LinkedHashMap<>();
            option.put(
                    "label",
                    (name == null || name.equals(node) ? node : name + " (" + node + ")")
                            + (options.isEmpty() ? " · 预测故障点 (predicted)" : ""));
            option.put("value", node);
            options.add(option);
        }
        try {
            task.setVariableLocal(
                    FAULT_DEVICES,
                    SpinValues.jsonValue(json.writeValueAsString(options)).create());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
