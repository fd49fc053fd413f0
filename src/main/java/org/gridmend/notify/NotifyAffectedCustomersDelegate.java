package org.gridmend.notify;

import static org.gridmend.core.ProcessConstants.EVENT_TYPE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.core.PublicIds;
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
        // what the event is about is the process's own report, repair order or notice: its business key
        String key = execution.getProcessBusinessKey();
        notifications.notify(
                NotificationEvent.valueOf(event.toString()),
                id(PublicIds.parseReport(key)),
                id(PublicIds.parseIncident(key)),
                id(PublicIds.parseNotice(key)));
    }

    private static Long id(long parsed) {
        return parsed < 0 ? null : parsed;
    }
}
