package org.gridmend.notify;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gridmend.core.ProcessConstants;
import org.gridmend.core.PublicIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A message given up on becomes a Cockpit incident (type {@value NotificationDispatcher#INCIDENT_TYPE}) on the
 * process instance it belongs to, where dispatchers see it next to the API's list of failed notifications.
 */
@Component
class FailedMessageIncidents {

    private static final Logger log = LoggerFactory.getLogger(FailedMessageIncidents.class);
    private static final int RAISE_ATTEMPTS = 10;

    private final RuntimeService runtime;

    FailedMessageIncidents(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /**
     * A Cockpit incident on the process instance the message belongs to, while it still runs. The instance may be
     * moving on in a job at the same moment (a concurrent update, or the execution just found gone between two
     * activities): then it is looked up and tried again, for up to about five seconds.
     */
    void raise(NotificationMapper.Outgoing message, String error) {
        for (int attempt = 1; ; attempt++) {
            try {
                ProcessInstance instance = processOf(message);
                if (instance == null) {
                    return;
                }
                runtime.createIncident(
                        NotificationDispatcher.INCIDENT_TYPE,
                        waitingExecution(instance),
                        message.messageId(),
                        message.channel() + " " + message.eventType() + " notification #" + message.id()
                                + " failed after " + (message.attempts() + 1) + " attempts: " + error);
                return;
            } catch (ProcessEngineException busy) {
                if (attempt == RAISE_ATTEMPTS || busy instanceof AuthorizationException) {
                    log.warn(
                            "could not raise a Cockpit incident for notification messageId={}: {}",
                            message.messageId(),
                            busy.toString());
                    return;
                }
                try {
                    Thread.sleep(100L * attempt);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } catch (RuntimeException e) {
                log.warn(
                        "could not raise a Cockpit incident for notification messageId={}: {}",
                        message.messageId(),
                        e.toString());
                return;
            }
        }
    }

    /** An execution of the instance that stands at an activity (the instance's own does not inside a scope). */
    private String waitingExecution(ProcessInstance instance) {
        for (String activity : runtime.getActiveActivityIds(instance.getId())) {
            var executions = runtime.createExecutionQuery()
                    .processInstanceId(instance.getId())
                    .activityId(activity)
                    .listPage(0, 1);
            if (!executions.isEmpty()) {
                return executions.get(0).getId();
            }
        }
        return instance.getId();
    }

    private ProcessInstance processOf(NotificationMapper.Outgoing message) {
        String key;
        String definition;
        if (message.reportId() != null && message.incidentId() == null) {
            key = PublicIds.report(message.reportId());
            definition = ProcessConstants.FAULT_REPORT;
        } else if (message.reportId() != null) {
            ProcessInstance report = find(ProcessConstants.FAULT_REPORT, PublicIds.report(message.reportId()));
            if (report != null) {
                return report;
            }
            key = PublicIds.incident(message.incidentId());
            definition = ProcessConstants.REPAIR_ORDER;
        } else if (message.incidentId() != null) {
            key = PublicIds.incident(message.incidentId());
            definition = ProcessConstants.REPAIR_ORDER;
        } else if (message.noticeId() != null) {
            key = PublicIds.notice(message.noticeId());
            definition = ProcessConstants.OUTAGE_NOTICE;
        } else {
            return null;
        }
        return find(definition, key);
    }

    private ProcessInstance find(String definition, String key) {
        return runtime
                .createProcessInstanceQuery()
                .processDefinitionKey(definition)
                .processInstanceBusinessKey(key)
                .active()
                .listPage(0, 1)
                .stream()
                .findFirst()
                .orElse(null);
    }
}
