package org.gridmend.audit;

import static org.gridmend.audit.TraceEntry.details;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Component;

/**
 * Camunda's history of the process instances of one business key, as trace entries: activities (with who completed
 * a user task), users' operations, incidents, failed jobs and variable updates, each with Cockpit's links.
 */
@Component
class EngineHistoryTrace {

    private static final String COCKPIT = "/camunda/app/cockpit/default/#/";

    private final HistoryService history;

    EngineHistoryTrace(HistoryService history) {
        this.history = history;
    }

    /** Adds the history of every instance of the definition with this business key to the entries. */
    void collect(
            String definitionKey, String businessKey, List<TraceEntry> entries, List<Trace.ProcessLink> processes) {
        for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(definitionKey)
                .processInstanceBusinessKey(businessKey)
                .list()) {
            String id = instance.getId();
            processes.add(new Trace.ProcessLink(
                    id,
                    definitionKey,
                    businessKey,
                    instance.getState(),
                    HistoricProcessInstance.STATE_ACTIVE.equals(instance.getState())
                            ? COCKPIT + "process-instance/" + id + "/runtime"
                            : null,
                    COCKPIT + "history/process-instance/" + id));
            Map<String, List<UserOperationLogEntry>> operations = operationsOf(id);
            activities(id, businessKey, completers(operations), entries);
            operations(businessKey, operations, entries);
            incidents(id, businessKey, entries);
            jobFailures(id, businessKey, entries);
            variables(id, businessKey, operations, entries);
        }
    }

    /** The users' operations on the instance, by operation id, in time order. */
    private Map<String, List<UserOperationLogEntry>> operationsOf(String instanceId) {
        Map<String, List<UserOperationLogEntry>> byOperation = new LinkedHashMap<>();
        for (UserOperationLogEntry op : history.createUserOperationLogQuery()
                .processInstanceId(instanceId)
                .orderByTimestamp()
                .asc()
                .list()) {
            byOperation
                    .computeIfAbsent(op.getOperationId(), k -> new ArrayList<>())
                    .add(op);
        }
        return byOperation;
    }

    /** Who completed each task, by task id. */
    private static Map<String, String> completers(Map<String, List<UserOperationLogEntry>> operations) {
        Map<String, String> completedBy = new HashMap<>();
        operations.values().stream()
                .flatMap(List::stream)
                .filter(op -> UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(op.getOperationType())
                        && op.getTaskId() != null)
                .forEach(op -> completedBy.put(op.getTaskId(), op.getUserId()));
        return completedBy;
    }

    private void activities(
            String instanceId, String businessKey, Map<String, String> completedBy, List<TraceEntry> entries) {
        Map<String, HistoricTaskInstance> tasks = new HashMap<>();
        history.createHistoricTaskInstanceQuery()
                .processInstanceId(instanceId)
                .list()
                .forEach(t -> tasks.put(t.getId(), t));
        for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery()
                .processInstanceId(instanceId)
                .orderPartiallyByOccurrence()
                .asc()
                .list()) {
            Map<String, Object> d = details(
                    "activityId",
                    a.getActivityId(),
                    "name",
                    a.getActivityName(),
                    "activityType",
                    a.getActivityType(),
                    "endedAt",
                    a.getEndTime(),
                    "durationMs",
                    a.getDurationInMillis(),
                    "canceled",
                    a.isCanceled() ? true : null);
            ActorType actorType = ActorType.SYSTEM;
            String actor = null;
            if (a.getTaskId() != null && tasks.containsKey(a.getTaskId())) {
                HistoricTaskInstance task = tasks.get(a.getTaskId());
                d.put("taskId", task.getId());
                putIfNotNull(d, "assignee", task.getAssignee());
                putIfNotNull(d, "taskDeleteReason", task.getDeleteReason());
                String completer = completedBy.get(task.getId());
                putIfNotNull(d, "completedBy", completer);
                actor = completer != null
                        ? completer
                        : "completed".equals(task.getDeleteReason()) ? task.getAssignee() : null;
                actorType = actor == null ? ActorType.SYSTEM : ActorType.USER;
            }
            entries.add(new TraceEntry(
                    a.getStartTime().toInstant(),
                    actorType,
                    actor,
                    "CAMUNDA_ACTIVITY",
                    "ACTIVITY_" + a.getActivityType(),
                    businessKey,
                    "activity#" + a.getId(),
                    d));
        }
    }

    private static void operations(
            String businessKey, Map<String, List<UserOperationLogEntry>> operations, List<TraceEntry> entries) {
        for (List<UserOperationLogEntry> op : operations.values()) {
            UserOperationLogEntry first = op.get(0);
            Map<String, Object> d = details(
                    "entityType",
                    first.getEntityType(),
                    "category",
                    first.getCategory(),
                    "taskId",
                    first.getTaskId(),
                    "annotation",
                    first.getAnnotation());
            for (UserOperationLogEntry change : op) {
                if (change.getProperty() != null) {
                    d.put(
                            change.getProperty(),
                            change.getOrgValue() == null
                                    ? change.getNewValue()
                                    : change.getOrgValue() + " → " + change.getNewValue());
                }
            }
            entries.add(new TraceEntry(
                    first.getTimestamp().toInstant(),
                    first.getUserId() == null ? ActorType.SYSTEM : ActorType.USER,
                    first.getUserId(),
                    "CAMUNDA_OPERATION",
                    "OPERATION_" + first.getOperationType(),
                    businessKey,
                    "operation#" + first.getOperationId(),
                    d));
        }
    }

    private void incidents(String instanceId, String businessKey, List<TraceEntry> entries) {
        for (HistoricIncident incident : history.createHistoricIncidentQuery()
                .processInstanceId(instanceId)
                .list()) {
            entries.add(new TraceEntry(
                    incident.getCreateTime().toInstant(),
                    ActorType.SYSTEM,
                    null,
                    "CAMUNDA_INCIDENT",
                    "INCIDENT_" + incident.getIncidentType(),
                    businessKey,
                    "incident#" + incident.getId(),
                    details(
                            "activityId",
                            incident.getActivityId(),
                            "message",
                            incident.getIncidentMessage(),
                            "configuration",
                            incident.getConfiguration(),
                            "endedAt",
                            incident.getEndTime(),
                            "state",
                            incident.isResolved() ? "RESOLVED" : incident.isDeleted() ? "DELETED" : "OPEN")));
        }
    }

    private void jobFailures(String instanceId, String businessKey, List<TraceEntry> entries) {
        for (HistoricJobLog failure : history.createHistoricJobLogQuery()
                .processInstanceId(instanceId)
                .failureLog()
                .list()) {
            entries.add(new TraceEntry(
                    failure.getTimestamp().toInstant(),
                    ActorType.SYSTEM,
                    null,
                    "CAMUNDA_JOB",
                    "JOB_FAILED",
                    businessKey,
                    "joblog#" + failure.getId(),
                    details(
                            "activityId",
                            failure.getFailedActivityId() != null
                                    ? failure.getFailedActivityId()
                                    : failure.getActivityId(),
                            "message",
                            failure.getJobExceptionMessage(),
                            "retriesLeft",
                            failure.getJobRetries())));
        }
    }

    /** Variable updates, set by a user's operation (a task completed in Tasklist) or by the process itself. */
    private void variables(
            String instanceId,
            String businessKey,
            Map<String, List<UserOperationLogEntry>> operations,
            List<TraceEntry> entries) {
        for (HistoricDetail detail : history.createHistoricDetailQuery()
                .processInstanceId(instanceId)
                .variableUpdates()
                .disableCustomObjectDeserialization()
                .list()) {
            if (detail instanceof HistoricVariableUpdate update) {
                Object value = update.getErrorMessage() != null
                        ? "(unreadable)"
                        : update.getTypedValue() instanceof org.camunda.bpm.engine.variable.value.ObjectValue object
                                        && !object.isDeserialized()
                                ? object.getValueSerialized() // a task's list of choices, as JSON
                                : update.getValue();
                List<UserOperationLogEntry> by =
                        update.getUserOperationId() == null ? null : operations.get(update.getUserOperationId());
                String user = by == null ? null : by.get(0).getUserId();
                entries.add(new TraceEntry(
                        update.getTime().toInstant(),
                        user == null ? ActorType.SYSTEM : ActorType.USER,
                        user,
                        "CAMUNDA_VARIABLE",
                        "VARIABLE_SET",
                        businessKey,
                        "detail#" + update.getId(),
                        details(
                                "name",
                                update.getVariableName(),
                                "value",
                                value == null ? null : value.toString(),
                                "revision",
                                update.getRevision())));
            }
        }
    }

    private static void putIfNotNull(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
