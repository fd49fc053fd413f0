package org.gridmend.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.gridmend.core.Pii;
import org.gridmend.core.ProcessConstants;
import org.gridmend.core.Refusal;
import org.gridmend.core.PublicIds;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the trace of a report or a repair order: GridMend's audit events (hash-chained), what the customer saw on
 * the tracking page and was sent, joined with Camunda's history of the process instances (activities with start
 * and end, user tasks with who completed them, the user operation log, incidents, job failures, variable changes),
 * in time order. Personal data is masked unless the caller may and asks to see it; such a view is itself audited.
 */
@Service
public class TraceService {

    static final int SEARCH_LIMIT = 200;
    private static final String COCKPIT = "/camunda/app/cockpit/default/#/";
    /** Free-text details that may carry personal data a customer or crew typed in. */
    private static final Set<String> FREE_TEXT = Set.of("text", "comment", "reason", "caption", "truncated");

    private final AuditMapper mapper;
    private final AuditTrail audit;
    private final HistoryService history;
    private final ObjectMapper json;

    TraceService(AuditMapper mapper, AuditTrail audit, HistoryService history, ObjectMapper json) {
        this.mapper = mapper;
        this.audit = audit;
        this.history = history;
        this.json = json;
    }

    @Transactional
    public Trace report(String publicId, boolean unmask, String viewer) {
        long id = PublicIds.parseReport(publicId);
        AuditMapper.TraceReport report = id < 0 ? null : mapper.traceReport(id);
        if (report == null) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "NOT_FOUND", "no report " + publicId, "id");
        }
        Set<Long> incidents = new TreeSet<>(mapper.incidentsOfReport(id));
        String customerNo = report.locatedCustomerNo() != null ? report.locatedCustomerNo() : report.customerNo();

        List<TraceEntry> entries = new ArrayList<>();
        mapper.forTrace(List.of(id), incidents).forEach(e -> entries.add(fromAudit(e)));
        if (report.noticeId() != null) {
            // answered by an outage notice: how that notice was published and ended
            mapper.forNotice(report.noticeId()).forEach(e -> entries.add(fromAudit(e)));
        }
        for (AuditMapper.TrackingLine line : mapper.trackingLines(id)) {
            entries.add(new TraceEntry(line.at(), ActorType.SYSTEM, null, "TRACKING", line.type(),
                    PublicIds.report(id), "tracking#" + line.id(), details("text", line.text())));
        }
        if (!incidents.isEmpty()) {
            for (AuditMapper.TrackingLine line : mapper.incidentLines(incidents)) {
                entries.add(new TraceEntry(line.at(), ActorType.SYSTEM, null, "TRACKING", line.type(),
                        PublicIds.report(id), "order-line#" + line.id(), details("text", line.text())));
            }
        }
        for (AuditMapper.OutboxLine m : mapper.outbox(id, customerNo, incidents)) {
            entries.add(new TraceEntry(m.createdAt(), ActorType.SYSTEM, null, "OUTBOX", "MESSAGE_" + m.eventType(),
                    subject(null, m.incidentId(), m.id(), null), "notification#" + m.id(), details(
                    "messageId", m.messageId(), "channel", m.channel(),
                    "to", "SMS".equals(m.channel()) ? "phone:" + Pii.maskPhone(m.phone()) : "app:" + m.customerNo(),
                    "text", m.text(), "status", m.status(), "attempts", m.attempts(), "sentAt", m.sentAt())));
        }
        List<Trace.ProcessLink> processes = new ArrayList<>();
        camunda(ProcessConstants.FAULT_REPORT, PublicIds.report(id), entries, processes);
        for (Long incident : incidents) {
            camunda(ProcessConstants.REPAIR_ORDER, PublicIds.incident(incident), entries, processes);
        }

        Trace.Customer customer = customer(report, customerNo);
        if (unmask) {
            audit.record(AuditEntry.of("PII_VIEWED").user(viewer).report(id).about(customerNo)
                    .detail("view", "report trace"));
        } else {
            customer = mask(customer);
            entries.replaceAll(TraceService::mask);
        }
        return new Trace(PublicIds.report(id), List.of(PublicIds.report(id)),
                incidents.stream().map(PublicIds::incident).toList(), processes, customer, !unmask, sorted(entries));
    }

    @Transactional
    public Trace incident(String publicId, boolean unmask, String viewer) {
        long id = PublicIds.parseIncident(publicId);
        if (id < 0 || !mapper.incidentExists(id)) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "NOT_FOUND", "no repair order " + publicId, "id");
        }
        // the order and every order merged into it, however deep
        Set<Long> incidents = new LinkedHashSet<>();
        List<Long> next = List.of(id);
        while (!next.isEmpty()) {
            List<Long> found = new ArrayList<>();
            for (Long incident : next) {
                if (incidents.add(incident)) {
                    found.addAll(mapper.mergedInto(incident));
                }
            }
            next = found;
        }
        List<TraceEntry> entries = new ArrayList<>();
        // per-customer deliveries are in each report's trace; the order's shows each message batch and failures
        mapper.forTrace(List.of(), incidents).forEach(e -> entries.add(fromAudit(e)));
        List<Trace.ProcessLink> processes = new ArrayList<>();
        for (Long incident : incidents) {
            camunda(ProcessConstants.REPAIR_ORDER, PublicIds.incident(incident), entries, processes);
        }
        if (unmask) {
            audit.record(AuditEntry.of("PII_VIEWED").user(viewer).incident(id).detail("view", "repair order trace"));
        } else {
            entries.replaceAll(TraceService::mask);
        }
        return new Trace(PublicIds.incident(id), List.of(), incidents.stream().map(PublicIds::incident).toList(),
                processes, null, !unmask, sorted(entries));
    }

    @Transactional(readOnly = true)
    public AuditSearch.Result search(AuditSearch.Query query) {
        if (query.customerNo() == null && query.crewId() == null && query.deviceId() == null
                && query.from() == null && query.to() == null) {
            throw Refusal.invalid("MISSING_FIELD", "customerNo",
                    "give customerNo, crewId, deviceId or a date range (from, to) to search by");
        }
        if (query.from() != null && query.to() != null && !query.from().isBefore(query.to())) {
            throw Refusal.invalid("INVALID_FIELD", "to", "to must be after from");
        }
        List<AuditSearch.ReportHit> reports = mapper.searchReports(query, SEARCH_LIMIT + 1);
        List<AuditSearch.IncidentHit> incidents = mapper.searchIncidents(query, SEARCH_LIMIT + 1);
        boolean truncated = reports.size() > SEARCH_LIMIT || incidents.size() > SEARCH_LIMIT;
        return new AuditSearch.Result(reports.subList(0, Math.min(SEARCH_LIMIT, reports.size())),
                incidents.subList(0, Math.min(SEARCH_LIMIT, incidents.size())), truncated);
    }

    private TraceEntry fromAudit(AuditEvent e) {
        Map<String, Object> details;
        try {
            details = json.readValue(e.details(), new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (Exception unreadable) {
            details = details("raw", e.details());
        }
        if (e.customerNo() != null) {
            details.putIfAbsent("customerNo", e.customerNo());
        }
        if (e.crewId() != null) {
            details.putIfAbsent("crewId", e.crewId());
        }
        if (e.deviceId() != null) {
            details.putIfAbsent("deviceId", e.deviceId());
        }
        return new TraceEntry(e.at(), e.actorType(), e.actor(), "AUDIT", e.type(),
                subject(e.reportId(), e.incidentId(), e.notificationId(), e.noticeId()),
                e.seq() == null ? "audit#unsealed-" + e.id() : "audit#" + e.seq(), details);
    }

    private static String subject(Long reportId, Long incidentId, Long notificationId, Long noticeId) {
        if (reportId != null) {
            return PublicIds.report(reportId);
        }
        if (incidentId != null) {
            return PublicIds.incident(incidentId);
        }
        if (noticeId != null) {
            return PublicIds.notice(noticeId);
        }
        return notificationId == null ? null : "notification#" + notificationId;
    }

    /** One process instance's history, as trace entries. */
    private void camunda(String definitionKey, String businessKey, List<TraceEntry> entries,
                         List<Trace.ProcessLink> processes) {
        for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(definitionKey).processInstanceBusinessKey(businessKey).list()) {
            String id = instance.getId();
            processes.add(new Trace.ProcessLink(id, definitionKey, businessKey, instance.getState(),
                    HistoricProcessInstance.STATE_ACTIVE.equals(instance.getState())
                            ? COCKPIT + "process-instance/" + id + "/runtime" : null,
                    COCKPIT + "history/process-instance/" + id));

            Map<String, String> completedBy = new HashMap<>();
            List<UserOperationLogEntry> operations = history.createUserOperationLogQuery().processInstanceId(id)
                    .orderByTimestamp().asc().list();
            Map<String, List<UserOperationLogEntry>> byOperation = new LinkedHashMap<>();
            for (UserOperationLogEntry op : operations) {
                byOperation.computeIfAbsent(op.getOperationId(), k -> new ArrayList<>()).add(op);
                if (UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(op.getOperationType())
                        && op.getTaskId() != null) {
                    completedBy.put(op.getTaskId(), op.getUserId());
                }
            }
            Map<String, HistoricTaskInstance> tasks = new HashMap<>();
            history.createHistoricTaskInstanceQuery().processInstanceId(id).list()
                    .forEach(t -> tasks.put(t.getId(), t));

            for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery().processInstanceId(id)
                    .orderPartiallyByOccurrence().asc().list()) {
                Map<String, Object> d = details("activityId", a.getActivityId(), "name", a.getActivityName(),
                        "activityType", a.getActivityType(), "endedAt", a.getEndTime(),
                        "durationMs", a.getDurationInMillis(), "canceled", a.isCanceled() ? true : null);
                ActorType actorType = ActorType.SYSTEM;
                String actor = null;
                if (a.getTaskId() != null && tasks.containsKey(a.getTaskId())) {
                    HistoricTaskInstance task = tasks.get(a.getTaskId());
                    d.put("taskId", task.getId());
                    putIfNotNull(d, "assignee", task.getAssignee());
                    putIfNotNull(d, "taskDeleteReason", task.getDeleteReason());
                    String completer = completedBy.get(task.getId());
                    putIfNotNull(d, "completedBy", completer);
                    actor = completer != null ? completer
                            : "completed".equals(task.getDeleteReason()) ? task.getAssignee() : null;
                    actorType = actor == null ? ActorType.SYSTEM : ActorType.USER;
                }
                entries.add(new TraceEntry(a.getStartTime().toInstant(), actorType, actor, "CAMUNDA_ACTIVITY",
                        "ACTIVITY_" + a.getActivityType(), businessKey, "activity#" + a.getId(), d));
            }
            for (List<UserOperationLogEntry> op : byOperation.values()) {
                UserOperationLogEntry first = op.get(0);
                Map<String, Object> d = details("entityType", first.getEntityType(), "category",
                        first.getCategory(), "taskId", first.getTaskId(), "annotation", first.getAnnotation());
                for (UserOperationLogEntry change : op) {
                    if (change.getProperty() != null) {
                        d.put(change.getProperty(), change.getOrgValue() == null ? change.getNewValue()
                                : change.getOrgValue() + " → " + change.getNewValue());
                    }
                }
                entries.add(new TraceEntry(first.getTimestamp().toInstant(), first.getUserId() == null
                        ? ActorType.SYSTEM : ActorType.USER, first.getUserId(), "CAMUNDA_OPERATION",
                        "OPERATION_" + first.getOperationType(), businessKey, "operation#" + first.getOperationId(),
                        d));
            }
            for (HistoricIncident incident : history.createHistoricIncidentQuery().processInstanceId(id).list()) {
                entries.add(new TraceEntry(incident.getCreateTime().toInstant(), ActorType.SYSTEM, null,
                        "CAMUNDA_INCIDENT", "INCIDENT_" + incident.getIncidentType(), businessKey,
                        "incident#" + incident.getId(), details("activityId", incident.getActivityId(),
                        "message", incident.getIncidentMessage(), "configuration", incident.getConfiguration(),
                        "endedAt", incident.getEndTime(), "state", incident.isResolved() ? "RESOLVED"
                                : incident.isDeleted() ? "DELETED" : "OPEN")));
            }
            for (HistoricJobLog failure : history.createHistoricJobLogQuery().processInstanceId(id).failureLog()
                    .list()) {
                entries.add(new TraceEntry(failure.getTimestamp().toInstant(), ActorType.SYSTEM, null,
                        "CAMUNDA_JOB", "JOB_FAILED", businessKey, "joblog#" + failure.getId(), details(
                        "activityId", failure.getFailedActivityId() != null ? failure.getFailedActivityId()
                                : failure.getActivityId(), "message", failure.getJobExceptionMessage(),
                        "retriesLeft", failure.getJobRetries())));
            }
            for (HistoricDetail detail : history.createHistoricDetailQuery().processInstanceId(id).variableUpdates()
                    .disableCustomObjectDeserialization().list()) {
                if (detail instanceof HistoricVariableUpdate update) {
                    Object value = update.getErrorMessage() != null ? "(unreadable)" : update.getValue();
                    // set by a user's operation (a task completed in Tasklist), or by the process itself
                    List<UserOperationLogEntry> by = update.getUserOperationId() == null ? null
                            : byOperation.get(update.getUserOperationId());
                    String user = by == null ? null : by.get(0).getUserId();
                    entries.add(new TraceEntry(update.getTime().toInstant(), user == null ? ActorType.SYSTEM
                            : ActorType.USER, user, "CAMUNDA_VARIABLE", "VARIABLE_SET",
                            businessKey, "detail#" + update.getId(), details("name", update.getVariableName(),
                            "value", value == null ? null : value.toString(), "revision", update.getRevision())));
                }
            }
        }
    }

    private Trace.Customer customer(AuditMapper.TraceReport report, String customerNo) {
        AuditMapper.ArchiveCustomer archive = customerNo == null ? null : mapper.archiveCustomer(customerNo);
        return new Trace.Customer(customerNo, archive == null ? null : archive.name(),
                archive == null ? null : archive.phone(), archive == null ? null : archive.address(), report.phone(),
                report.address(), report.description());
    }

    private static Trace.Customer mask(Trace.Customer c) {
        return new Trace.Customer(c.customerNo(), Pii.maskName(c.name()), Pii.maskPhone(c.phone()),
                Pii.maskAddress(c.address()), Pii.maskPhone(c.reportedPhone()), Pii.maskAddress(c.reportedAddress()),
                Pii.maskText(c.description()));
    }

    private static TraceEntry mask(TraceEntry entry) {
        Map<String, Object> details = new LinkedHashMap<>(entry.details());
        details.replaceAll((k, v) -> FREE_TEXT.contains(k) && v instanceof String s ? Pii.maskText(s) : v);
        return new TraceEntry(entry.at(), entry.actorType(), entry.actor(), entry.source(), entry.type(),
                entry.subject(), entry.ref(), details);
    }

    /** By time; entries of the same millisecond keep the order they were gathered in (each source's own order). */
    private static List<TraceEntry> sorted(List<TraceEntry> entries) {
        List<TraceEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(TraceEntry::at, Comparator.nullsLast(Comparator.naturalOrder())));
        return sorted;
    }

    private static void putIfNotNull(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /** Details from name/value pairs; null values are left out, times as ISO-8601. */
    static Map<String, Object> details(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            if (value instanceof java.util.Date date) {
                value = date.toInstant();
            }
            if (value instanceof Instant instant) {
                value = instant.toString();
            }
            if (value != null) {
                map.put((String) pairs[i], value);
            }
        }
        return map;
    }
}
