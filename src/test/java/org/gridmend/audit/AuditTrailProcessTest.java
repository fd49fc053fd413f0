package org.gridmend.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.gridmend.core.PublicIds;
import org.gridmend.core.Refusal;
import org.gridmend.repair.RepairOrderService;
import org.gridmend.report.ReportAnswer;
import org.gridmend.report.ReportService;
import org.gridmend.support.ProcessTest;
import org.gridmend.support.RepairFixture;
import org.gridmend.support.ReportFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit trail over a repair's whole life: report, merge, dispatch, decline, re-dispatch, arrival, diagnosis,
 * ETR change, restoration, confirmation, rating and review each appear once, in order, with their actor, joined
 * with Camunda's history; the CSV export reads back to the same entries; the chain finds an altered row, a removed
 * one, and survives retention through its checkpoint.
 */
@ProcessTest
class AuditTrailProcessTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    RepairFixture repairs;

    @Autowired
    ReportFixture reports;

    @Autowired
    ReportService customers;

    @Autowired
    RepairOrderService orders;

    @Autowired
    TraceService traces;

    @Autowired
    AuditChain chain;

    @Autowired
    RetentionService retention;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    RepairFixture.Grid g;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        g = repairs.newGrid().placeCrews();
    }

    private ReportAnswer report(int customer) {
        ReportAnswer answer = reports.byCustomer(g.customer(customer));
        execute(job(reports.process(answer)));
        return answer;
    }

    /** Everything the issue names, once, from the first customer's report to the dispatcher's review. */
    private record Lifecycle(
            ReportAnswer first, ReportAnswer second, long incidentId, String declinedBy, String acceptedBy) {}

    private Lifecycle fullLifecycle() {
        ReportAnswer first = report(1);
        long firstOrder = reports.record(first).incidentId();
        ReportAnswer second = report(2);
        execute(job("Task_NotifyMerged", repairs.order(firstOrder)));
        long incidentId = reports.record(first).incidentId();
        ProcessInstance order = repairs.order(incidentId);
        execute(job("Task_NotifyOutageKnown", order));
        execute(job("Task_DispatchCrew", order));
        Task offer = task("Task_AcceptRepairOrder", order);
        String declinedBy = offer.getAssignee();
        repairs.completeAs(
                declinedBy,
                "crews",
                offer,
                withVariables("acceptDecision", "DECLINE", "declineReason", "ON_ANOTHER_JOB"));
        execute(job("Task_DispatchCrew", order));
        Task manual = task("Task_DispatchCrewManually", order);
        if (manual != null) {
            // the only crew with the skills declined: a dispatcher sends another one
            int other = crewNumber(declinedBy) == 1 ? 2 : 1;
            repairs.completeAs("auditdispatcher", "dispatchers", manual, withVariables("chosenCrewId", g.crew(other)));
        }
        offer = task("Task_AcceptRepairOrder", order);
        String acceptedBy = offer.getAssignee();
        repairs.completeAs(acceptedBy, "crews", offer, withVariables("acceptDecision", "ACCEPT"));
        g.crewAtFault(crewNumber(acceptedBy));
        repairs.completeAs(acceptedBy, "crews", task("Task_ConfirmArrival", order), Map.of());
        repairs.completeAs(
                acceptedBy,
                "crews",
                task("Task_DiagnoseFault", order),
                withVariables("cause", "FUSE_BLOWN", "etr", RepairFixture.hoursAhead(2)));
        orders.changeEtr(orders.order(incidentId), RepairFixture.hoursAhead(4));
        repairs.completeAs(
                acceptedBy, "crews", task("Task_CompleteRepair", order), withVariables("resolution", "REPLACED_FUSE"));
        execute(job("Task_NotifyPowerRestored", order));
        execute(job("Task_NotifyRestoration", order));
        execute(job(reports.process(first)));
        customers.confirm(first.reportId(), first.trackingToken(), true);
        execute(job(reports.process(first)));
        customers.rate(first.reportId(), first.trackingToken(), 4, "来得很快，电话 13912345678 可回访");
        repairs.completeAs(
                "auditdispatcher",
                "dispatchers",
                task("Task_ReviewRepairOrder", order),
                withVariables("reviewDecision", "APPROVE"));
        return new Lifecycle(first, second, incidentId, declinedBy, acceptedBy);
    }

    /** K1..K4 from their users ({@code <prefix>k1}..). */
    private static int crewNumber(String user) {
        return user.charAt(user.length() - 1) - '0';
    }

    private static final List<String> STEPS = List.of(
            "REPORT_RECEIVED",
            "TRIAGE_OPENED",
            "TRIAGE_JOINED",
            "TRIAGE_MERGED",
            "CREW_OFFERED",
            "OFFER_DECLINED",
            "ACCEPTED",
            "ARRIVED",
            "DIAGNOSED",
            "ETR_SET",
            "ETR_CHANGED",
            "REPAIRED",
            "TRIAGE_RESTORED",
            "CONFIRMED_RESTORED",
            "RATED",
            "REVIEWED");

    @Test
    void aReportsTraceHoldsEveryStepOnceInOrderWithItsActor() {
        Lifecycle life = fullLifecycle();
        Trace trace = traces.report(life.first().reportId(), false, "tauditor");

        List<TraceEntry> audit =
                trace.entries().stream().filter(e -> e.source().equals("AUDIT")).toList();
        List<String> steps = audit.stream()
                .map(TraceEntry::type)
                .filter(t -> STEPS.contains(t) || t.equals("CREW_OFFERED"))
                .toList();
        // dispatch and re-dispatch are two offers; every other step is there exactly once, in the order it happened
        // the second report put the fault on the fuse above T1: T1's order was merged into the fuse's (a roll-up)
        assertThat(steps)
                .containsExactly(
                        "REPORT_RECEIVED",
                        "TRIAGE_OPENED",
                        "TRIAGE_JOINED",
                        "TRIAGE_MERGED",
                        "CREW_OFFERED",
                        "OFFER_DECLINED",
                        "CREW_OFFERED",
                        "ACCEPTED",
                        "ARRIVED",
                        "DIAGNOSED",
                        "ETR_SET",
                        "ETR_CHANGED",
                        "REPAIRED",
                        "TRIAGE_RESTORED",
                        "CONFIRMED_RESTORED",
                        "RATED",
                        "REVIEWED");
        assertThat(audit).extracting(TraceEntry::at).isSortedAccordingTo(Instant::compareTo);

        String customer = g.customer(1);
        assertThat(actor(audit, "REPORT_RECEIVED")).isEqualTo("CUSTOMER:" + customer);
        assertThat(life.declinedBy()).isNotEqualTo(life.acceptedBy());
        assertThat(actor(audit, "OFFER_DECLINED")).isEqualTo("USER:" + life.declinedBy());
        assertThat(actor(audit, "ACCEPTED")).isEqualTo("USER:" + life.acceptedBy());
        assertThat(actor(audit, "ARRIVED")).isEqualTo("USER:" + life.acceptedBy());
        assertThat(actor(audit, "DIAGNOSED")).isEqualTo("USER:" + life.acceptedBy());
        assertThat(actor(audit, "CONFIRMED_RESTORED")).isEqualTo("CUSTOMER:" + customer);
        assertThat(actor(audit, "RATED")).isEqualTo("CUSTOMER:" + customer);
        assertThat(actor(audit, "REVIEWED")).isEqualTo("USER:auditdispatcher");
        assertThat(actor(audit, "TRIAGE_OPENED")).isEqualTo("SYSTEM:null");

        // the details an auditor asks for: the rule that fired, the candidates, where the crew stood on arrival
        assertThat(one(audit, "TRIAGE_OPENED").details()).containsKey("rule").containsKey("reason");
        assertThat(audit.stream()
                        .filter(e -> e.type().equals("CREW_OFFERED"))
                        .map(e -> e.details().get("crewId")))
                .containsExactly(g.crew(crewNumber(life.declinedBy())), g.crew(crewNumber(life.acceptedBy())));
        assertThat((String) one(audit, "CREW_OFFERED").details().get("considered"))
                .isNotBlank();
        assertThat(one(audit, "OFFER_DECLINED").details()).containsEntry("reason", "ON_ANOTHER_JOB");
        assertThat(one(audit, "ARRIVED").details()).containsKeys("crewLat", "crewLng", "positionAt", "distanceM");
        assertThat(one(audit, "ETR_SET").details()).containsKeys("etr", "previousEtr");
        assertThat(one(audit, "RATED").details()).containsEntry("stars", 4);
        // masked for an auditor without the pii group: the phone number the customer typed into the comment
        assertThat((String) one(audit, "RATED").details().get("comment"))
                .contains("139****5678")
                .doesNotContain("13912345678");

        // what the customer was told: the tracking page's lines and the messages written for them
        assertThat(trace.entries())
                .filteredOn(e -> e.source().equals("TRACKING"))
                .extracting(TraceEntry::type)
                .contains("ACKNOWLEDGED", "ACCEPTED", "ARRIVED", "DIAGNOSED", "ETR_CHANGED", "RESTORED", "RATED");
        assertThat(trace.entries())
                .filteredOn(e -> e.source().equals("OUTBOX"))
                .extracting(TraceEntry::type)
                .as("every message to this customer, once each")
                .containsExactly(
                        "MESSAGE_ACKNOWLEDGED",
                        "MESSAGE_MERGED_UPSTREAM",
                        "MESSAGE_CREW_ACCEPTED",
                        "MESSAGE_ARRIVED",
                        "MESSAGE_DIAGNOSED",
                        "MESSAGE_ETR_CHANGED",
                        "MESSAGE_CONFIRMATION_REQUEST",
                        "MESSAGE_RATING_REQUEST");
        assertThat(trace.entries())
                .filteredOn(e -> e.source().equals("OUTBOX"))
                .allSatisfy(e -> assertThat(e.details()).containsKeys("messageId", "channel", "text", "status"));

        // Camunda's side: both process instances, user tasks with who completed them, the operation log, variables
        assertThat(trace.processes())
                .extracting(Trace.ProcessLink::definitionKey)
                .containsExactlyInAnyOrder("FaultReport", "RepairOrder", "RepairOrder");
        assertThat(trace.processes())
                .allSatisfy(p -> assertThat(p.cockpitHistoryUrl())
                        .isEqualTo("/camunda/app/cockpit/default/#/history/process-instance/" + p.id()));
        List<TraceEntry> accepts = trace.entries().stream()
                .filter(e -> e.source().equals("CAMUNDA_ACTIVITY")
                        && "Task_AcceptRepairOrder".equals(e.details().get("activityId")))
                .toList();
        assertThat(accepts)
                .extracting(e -> e.actorType() + ":" + e.actor())
                .containsExactly("USER:" + life.declinedBy(), "USER:" + life.acceptedBy());
        assertThat(trace.entries())
                .filteredOn(
                        e -> e.source().equals("CAMUNDA_OPERATION") && e.type().equals("OPERATION_Complete"))
                .extracting(TraceEntry::actor)
                .contains(life.declinedBy(), life.acceptedBy(), "auditdispatcher");
        assertThat(trace.entries())
                .filteredOn(e -> e.source().equals("CAMUNDA_VARIABLE"))
                .extracting(e -> e.details().get("name"))
                .contains("incidentId", "crewId", "accepted");
        // the crew's answer, set by completing the task: the variable change names the crew's user
        assertThat(trace.entries())
                .filteredOn(e -> e.source().equals("CAMUNDA_VARIABLE")
                        && "acceptDecision".equals(e.details().get("name")))
                .extracting(e -> e.actorType() + ":" + e.actor())
                .contains("USER:" + life.declinedBy(), "USER:" + life.acceptedBy());
        assertThat(trace.entries()).extracting(TraceEntry::at).isSortedAccordingTo(Instant::compareTo);
        assertThat(trace.customer().customerNo()).isEqualTo(customer);
        assertThat(trace.masked()).isTrue();
    }

    @Test
    void anOrdersTraceShowsEveryReportThatJoinedItAndWhoWorkedIt() {
        Lifecycle life = fullLifecycle();
        Trace trace = traces.incident(PublicIds.incident(life.incidentId()), false, "tauditor");
        List<String> types = trace.entries().stream()
                .filter(e -> e.source().equals("AUDIT"))
                .map(TraceEntry::type)
                .toList();
        assertThat(types)
                .containsSubsequence(
                        "TRIAGE_OPENED",
                        "TRIAGE_JOINED",
                        "TRIAGE_MERGED",
                        "CREW_OFFERED",
                        "OFFER_DECLINED",
                        "CREW_OFFERED",
                        "ACCEPTED",
                        "ARRIVED",
                        "DIAGNOSED",
                        "ETR_CHANGED",
                        "REPAIRED",
                        "REVIEWED");
        assertThat(types).contains("INCIDENT_OPENED", "NOTIFICATIONS_QUEUED").doesNotContain("REPORT_RECEIVED");
        assertThat(trace.incidents()).as("the order and the one merged into it").hasSize(2);
        assertThat(trace.processes())
                .extracting(Trace.ProcessLink::definitionKey)
                .containsExactly("RepairOrder", "RepairOrder");
    }

    @Test
    void theCsvExportReadsBackToTheSameEntries() throws Exception {
        Lifecycle life = fullLifecycle();
        Trace trace = traces.report(life.first().reportId(), false, "tauditor");
        String csv = TraceCsv.write(trace.entries(), json);
        assertThat(csv).startsWith("\uFEFF");

        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv.substring(1)))
                .getRecords();
        assertThat(rows).hasSize(trace.entries().size());
        List<TraceEntry> back = new ArrayList<>();
        for (CSVRecord row : rows) {
            back.add(new TraceEntry(
                    Instant.parse(row.get("at")),
                    ActorType.valueOf(row.get("actorType")),
                    blank(row.get("actor")),
                    row.get("source"),
                    row.get("type"),
                    blank(row.get("subject")),
                    row.get("ref"),
                    json.readValue(row.get("details"), new TypeReference<Map<String, Object>>() {})));
        }
        // details compared as JSON: a number read back from text may be an Integer where the trace held a Long
        assertThat(back).hasSameSizeAs(trace.entries());
        for (int i = 0; i < back.size(); i++) {
            TraceEntry original = trace.entries().get(i);
            TraceEntry read = back.get(i);
            assertThat(read)
                    .usingRecursiveComparison()
                    .ignoringFields("details")
                    .isEqualTo(original);
            assertThat(json.readTree(json.writeValueAsString(read.details())))
                    .isEqualTo(json.readTree(json.writeValueAsString(original.details())));
        }
        assertThat(csv).as("Chinese text survives").contains("来得很快");
    }

    private static String blank(String s) {
        return s.isEmpty() ? null : s;
    }

    @Test
    void aChangedOrRemovedAuditEventIsFoundAndNamed() {
        report(1);
        report(2);
        assertThat(chain.verify().intact()).isTrue();
        Long seq = jdbc.queryForObject("SELECT MAX(seq) - 2 FROM gm_audit_event", Long.class);

        String original = jdbc.queryForObject("SELECT details FROM gm_audit_event WHERE seq = ?", String.class, seq);
        jdbc.update("UPDATE gm_audit_event SET details = ? WHERE seq = ?", original.replace("}", ",\"x\":1}"), seq);
        ChainVerification altered = chain.verify();
        assertThat(altered.intact()).isFalse();
        assertThat(altered.firstBroken().seq()).isEqualTo(seq);
        assertThat(altered.firstBroken().problem()).contains("content");
        jdbc.update("UPDATE gm_audit_event SET details = ? WHERE seq = ?", original, seq);
        assertThat(chain.verify().intact()).isTrue();

        // a forged actor on an otherwise untouched row
        String actor = jdbc.queryForObject("SELECT actor FROM gm_audit_event WHERE seq = ?", String.class, seq + 1);
        jdbc.update("UPDATE gm_audit_event SET actor = 'someone-else' WHERE seq = ?", seq + 1);
        assertThat(chain.verify().firstBroken().seq()).isEqualTo(seq + 1);
        jdbc.update("UPDATE gm_audit_event SET actor = ? WHERE seq = ?", actor, seq + 1);

        // a row deleted from the middle: the gap is named
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM gm_audit_event WHERE seq = ?", seq);
        jdbc.update("DELETE FROM gm_audit_event WHERE seq = ?", seq);
        ChainVerification removed = chain.verify();
        assertThat(removed.intact()).isFalse();
        assertThat(removed.firstBroken().seq()).isEqualTo(seq + 1);
        assertThat(removed.firstBroken().problem()).contains("missing");
        jdbc.update(
                "INSERT INTO gm_audit_event (id, seq, at, actor_type, actor, type, report_id, incident_id, "
                        + "notice_id, notification_id, customer_no, crew_id, device_id, details, prev_hash, hash, "
                        + "sealed_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                row.get("ID"),
                row.get("SEQ"),
                row.get("AT"),
                row.get("ACTOR_TYPE"),
                row.get("ACTOR"),
                row.get("TYPE"),
                row.get("REPORT_ID"),
                row.get("INCIDENT_ID"),
                row.get("NOTICE_ID"),
                row.get("NOTIFICATION_ID"),
                row.get("CUSTOMER_NO"),
                row.get("CREW_ID"),
                row.get("DEVICE_ID"),
                row.get("DETAILS"),
                row.get("PREV_HASH"),
                row.get("HASH"),
                row.get("SEALED_AT"));
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void anUnmaskedViewIsItselfAudited() {
        Lifecycle life = fullLifecycle();
        Trace full = traces.report(life.first().reportId(), true, "tprivacy");
        assertThat(full.masked()).isFalse();
        assertThat(full.customer().phone()).doesNotContain("*");
        Trace again = traces.report(life.first().reportId(), false, "tauditor");
        assertThat(again.customer().phone()).contains("****");
        assertThat(again.customer().name()).contains("*");
        assertThat(again.entries())
                .filteredOn(e -> e.type().equals("PII_VIEWED"))
                .singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo("tprivacy"));
    }

    @Test
    void retentionRemovesEndedRecordsAndTheChainStillVerifiesFromItsCheckpoint() {
        Lifecycle life = fullLifecycle();
        chain.sealPending();
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM gm_audit_event", Long.class);
        // a year on: the report (closed after its rating) and everything older than the retention go
        jdbc.update(
                "UPDATE gm_report SET status = 'CLOSED' WHERE id = ?",
                reports.record(life.first()).id());
        // sign-in records go once they no longer throttle: a failure two days old, a code and a session long expired
        Instant old = Instant.now().minus(Duration.ofDays(2));
        jdbc.update(
                "INSERT INTO gm_sign_in_failure (throttle_key, failures, first_at, last_at) VALUES (?, 3, ?, ?)",
                "a:203.0.113.9",
                Timestamp.from(old),
                Timestamp.from(old));
        jdbc.update(
                "INSERT INTO gm_customer_code (phone, code_hash, created_at, expires_at) VALUES (?, ?, ?, ?)",
                "+8613900000000",
                "0".repeat(64),
                Timestamp.from(old),
                Timestamp.from(old));
        Map<String, Integer> removed = retention.cleanup(Instant.now().plus(Duration.ofDays(400)));
        assertThat(removed.get("signInFailures")).isPositive();
        assertThat(removed.get("customerCodes")).isPositive();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM gm_sign_in_failure WHERE throttle_key = ?", Long.class, "a:203.0.113.9"))
                .isZero();

        assertThat(removed.get("reports")).isPositive();
        assertThat(removed.get("auditEvents")).isEqualTo((int) before);
        assertThat(reports.record(life.second()))
                .as("a report still open is kept")
                .isNotNull();
        assertThatThrownBy(() -> traces.report(life.first().reportId(), false, "tauditor"))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("no report");
        ChainVerification verification = chain.verify();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.startsAfter()).isNotNull();
        // the clean-up is on record, chained to the checkpoint, and new events keep chaining after it
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM gm_audit_event WHERE type = 'RETENTION_CLEANUP'", Long.class))
                .isOne();
        report(3);
        assertThat(chain.verify()).satisfies(v -> {
            assertThat(v.intact()).isTrue();
            assertThat(v.checked()).isGreaterThan(1);
        });
    }

    private static String actor(List<TraceEntry> entries, String type) {
        TraceEntry entry = one(entries, type);
        return entry.actorType() + ":" + entry.actor();
    }

    private static TraceEntry one(List<TraceEntry> entries, String type) {
        return entries.stream()
                .filter(e -> e.type().equals(type))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in "
                        + entries.stream().map(TraceEntry::type).toList()));
    }
}
