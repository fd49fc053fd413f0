package org.gridmend.audit;

import static org.gridmend.audit.TraceEntry.details;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gridmend.core.Pii;
import org.gridmend.core.ProcessConstants;
import org.gridmend.core.PublicIds;
import org.gridmend.core.Refusal;
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
    /** Free-text details that may carry personal data a customer or crew typed in. */
    private static final Set<String> FREE_TEXT = Set.of("text", "comment", "reason", "caption", "truncated");

    private final AuditMapper mapper;
    private final AuditTrail audit;
    private final EngineHistoryTrace engine;
    private final ObjectMapper json;

    TraceService(AuditMapper mapper, AuditTrail audit, EngineHistoryTrace engine, ObjectMapper json) {
        this.mapper = mapper;
        this.audit = audit;
        this.engine = engine;
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
            entries.add(new TraceEntry(
                    line.at(),
                    ActorType.SYSTEM,
                    null,
                    "TRACKING",
                    line.type(),
                    PublicIds.report(id),
                    "tracking#" + line.id(),
                    details("text", line.text())));
        }
        if (!incidents.isEmpty()) {
            for (AuditMapper.TrackingLine line : mapper.incidentLines(incidents)) {
                entries.add(new TraceEntry(
                        line.at(),
                        ActorType.SYSTEM,
                        null,
                        "TRACKING",
                        line.type(),
                        PublicIds.report(id),
                        "order-line#" + line.id(),
                        details("text", line.text())));
            }
        }
        for (AuditMapper.OutboxLine m : mapper.outbox(id, customerNo, incidents)) {
            entries.add(new TraceEntry(
                    m.createdAt(),
                    ActorType.SYSTEM,
                    null,
                    "OUTBOX",
                    "MESSAGE_" + m.eventType(),
                    subject(null, m.incidentId(), m.id(), null),
                    "notification#" + m.id(),
                    details(
                            "messageId",
                            m.messageId(),
                            "channel",
                            m.channel(),
                            "to",
                            "SMS".equals(m.channel()) ? "phone:" + Pii.maskPhone(m.phone()) : "app:" + m.customerNo(),
                            "text",
                            m.text(),
                            "status",
                            m.status(),
                            "attempts",
                            m.attempts(),
                            "sentAt",
                            m.sentAt())));
        }
        List<Trace.ProcessLink> processes = new ArrayList<>();
        engine.collect(ProcessConstants.FAULT_REPORT, PublicIds.report(id), entries, processes);
        for (Long incident : incidents) {
            engine.collect(ProcessConstants.REPAIR_ORDER, PublicIds.incident(incident), entries, processes);
        }

        Trace.Customer customer = customer(report, customerNo);
        if (unmask) {
            audit.record(AuditEntry.of("PII_VIEWED")
                    .user(viewer)
                    .report(id)
                    .about(customerNo)
                    .detail("view", "report trace"));
        } else {
            customer = mask(customer);
            entries.replaceAll(TraceService::mask);
        }
        return new Trace(
                PublicIds.report(id),
                List.of(PublicIds.report(id)),
                incidents.stream().map(PublicIds::incident).toList(),
                processes,
                customer,
                !unmask,
                sorted(entries));
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
            engine.collect(ProcessConstants.REPAIR_ORDER, PublicIds.incident(incident), entries, processes);
        }
        if (unmask) {
            audit.record(AuditEntry.of("PII_VIEWED").user(viewer).incident(id).detail("view", "repair order trace"));
        } else {
            entries.replaceAll(TraceService::mask);
        }
        return new Trace(
                PublicIds.incident(id),
                List.of(),
                incidents.stream().map(PublicIds::incident).toList(),
                processes,
                null,
                !unmask,
                sorted(entries));
    }

    @Transactional(readOnly = true)
    public AuditSearch.Result search(AuditSearch.Query query) {
        if (query.customerNo() == null
                && query.crewId() == null
                && query.deviceId() == null
                && query.from() == null
                && query.to() == null) {
            throw Refusal.invalid(
                    "MISSING_FIELD",
                    "customerNo",
                    "give customerNo, crewId, deviceId or a date range (from, to) to search by");
        }
        if (query.from() != null && query.to() != null && !query.from().isBefore(query.to())) {
            throw Refusal.invalid("INVALID_FIELD", "to", "to must be after from");
        }
        List<AuditSearch.ReportHit> reports = mapper.searchReports(query, SEARCH_LIMIT + 1);
        List<AuditSearch.IncidentHit> incidents = mapper.searchIncidents(query, SEARCH_LIMIT + 1);
        boolean truncated = reports.size() > SEARCH_LIMIT || incidents.size() > SEARCH_LIMIT;
        return new AuditSearch.Result(
                reports.subList(0, Math.min(SEARCH_LIMIT, reports.size())),
                incidents.subList(0, Math.min(SEARCH_LIMIT, incidents.size())),
                truncated);
    }

    TraceEntry fromAudit(AuditEvent e) {
        Map<String, Object> details;
        try {
            details = json.readValue(e.details(), new TypeReference<LinkedHashMap<String, Object>>() {});
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
        return new TraceEntry(
                e.at(),
                e.actorType(),
                e.actor(),
                "AUDIT",
                e.type(),
                subject(e.reportId(), e.incidentId(), e.notificationId(), e.noticeId()),
                e.seq() == null ? "audit#unsealed-" + e.id() : "audit#" + e.seq(),
                details);
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

    private Trace.Customer customer(AuditMapper.TraceReport report, String customerNo) {
        AuditMapper.ArchiveCustomer archive = customerNo == null ? null : mapper.archiveCustomer(customerNo);
        return new Trace.Customer(
                customerNo,
                archive == null ? null : archive.name(),
                archive == null ? null : archive.phone(),
                archive == null ? null : archive.address(),
                report.phone(),
                report.address(),
                report.description());
    }

    private static Trace.Customer mask(Trace.Customer c) {
        return new Trace.Customer(
                c.customerNo(),
                Pii.maskName(c.name()),
                Pii.maskPhone(c.phone()),
                Pii.maskAddress(c.address()),
                Pii.maskPhone(c.reportedPhone()),
                Pii.maskAddress(c.reportedAddress()),
                Pii.maskText(c.description()));
    }

    static TraceEntry mask(TraceEntry entry) {
        Map<String, Object> details = new LinkedHashMap<>(entry.details());
        details.replaceAll((k, v) -> FREE_TEXT.contains(k) && v instanceof String s ? Pii.maskText(s) : v);
        return new TraceEntry(
                entry.at(),
                entry.actorType(),
                entry.actor(),
                entry.source(),
                entry.type(),
                entry.subject(),
                entry.ref(),
                details);
    }

    /** By time; entries of the same millisecond keep the order they were gathered in (each source's own order). */
    static List<TraceEntry> sorted(List<TraceEntry> entries) {
        List<TraceEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(TraceEntry::at, Comparator.nullsLast(Comparator.naturalOrder())));
        return sorted;
    }
}
