package org.gridmend.notify;

import static org.gridmend.process.ProcessConstants.EVENT_TYPE;
import static org.gridmend.process.ProcessConstants.INCIDENT_ID;
import static org.gridmend.process.ProcessConstants.NOTICE_ID;
import static org.gridmend.process.ProcessConstants.REPORT_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Notify affected customers": writes the event's notifications to the outbox in this step's transaction. The event
 * is the task's input parameter {@code eventType} (the element template's dropdown); the report, incident or notice
 * comes from the process variables.
 */
@Component
class NotifyAffectedCustomersDelegate implements JavaDelegate {

    private final NotificationService notifications;

    NotifyAffectedCustomersDelegate(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object event = execution.getVariableLocal(EVENT_TYPE);
        if (event == null) {
            throw new IllegalStateException(execution.getCurrentActivityId()
                    + " has no input parameter eventType: apply the \"Notify affected customers\" template");
        }
        notifications.notify(NotificationEvent.valueOf(event.toString()), id(execution, REPORT_ID),
                id(execution, INCIDENT_ID), id(execution, NOTICE_ID));
    }

    private static Long id(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : ((Number) value).longValue();
    }
}
