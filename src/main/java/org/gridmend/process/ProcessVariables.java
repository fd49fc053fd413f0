package org.gridmend.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Typed reads of the few variables delegates need. */
public final class ProcessVariables {

    private ProcessVariables() {
    }

    public static long reportId(DelegateExecution execution) {
        return ((Number) execution.getVariable(ProcessConstants.REPORT_ID)).longValue();
    }

    public static long incidentId(DelegateExecution execution) {
        return ((Number) execution.getVariable(ProcessConstants.INCIDENT_ID)).longValue();
    }

    public static String string(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
