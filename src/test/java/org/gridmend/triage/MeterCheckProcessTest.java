package org.gridmend.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.gridmend.core.PublicIds;
import org.gridmend.grid.AreaType;
import org.gridmend.grid.DeviceType;
import org.gridmend.grid.GridDocument;
import org.gridmend.grid.GridImportService;
import org.gridmend.report.ReportAnswer;
import org.gridmend.report.ReportService;
import org.gridmend.report.TrackingView;
import org.gridmend.support.FakeHeadEnd;
import org.gridmend.support.ProcessTest;
import org.gridmend.support.RepairFixture;
import org.gridmend.support.ReportFixture;
import org.gridmend.support.TestGrids;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The RepairOrder's meter check ("Ask the meters first?"): before a crew drives out on a prediction above a single
 * area, the AMI head-end (a real HTTP server on loopback, through Camunda Connect) is asked about meters below it.
 * Dark meters confirm; powered ones veto and the incident moves down, the areas that leave it go to orders of their
 * own and their reporters are told once; a silent head-end never holds the crew back; an area's order asks nothing.
 * <pre>
 * B1 ─ FU1 ─ T1, T2, T3      B1 ─ FU2 ─ T4, T5, T6      (4 customers each)
 * </pre>
 */
@ProcessTest
class MeterCheckProcessTest {

    static final FakeHeadEnd HEAD_END = new FakeHeadEnd();

    @DynamicPropertySource
    static void headEnd(DynamicPropertyRegistry registry) {
        // a context of its own (the head-end's URL is its own): its own engine name and database
        registry.add("gridmend.ami.url", HEAD_END::url);
        registry.add("camunda.bpm.process-engine-name", () -> "metercheck");
        registry.add(
                "spring.datasource.url", () -> "jdbc:h2:mem:gridmend-metercheck;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
    }

    @AfterAll
    static void stop() {
        HEAD_END.close();
    }

    @Autowired
    ProcessEngine engine;

    @Autowired
    GridImportService importer;

    @Autowired
    ReportFixture reports;

    @Autowired
    RepairFixture repairs;

    @Autowired
    ReportService customers;

    @Autowired
    IncidentMapper incidents;

    @Autowired
    JdbcTemplate jdbc;

    String p;

    @BeforeEach
    void grid() {
        BpmnAwareTests.init(engine);
        p = TestGrids.prefix();
        double lat = 20 + ThreadLocalRandom.current().nextDouble(30);
        double lng = 75 + ThreadLocalRandom.current().nextDouble(55);
        List<GridDocument.Transformer> areas = new ArrayList<>();
        List<GridDocument.Customer> people = new ArrayList<>();
        for (int t = 1; t <= 6; t++) {
            areas.add(new GridDocument.Transformer(
                    p + "-T" + t,
                    "T" + t,
                    p + "-F",
                    p + (t <= 3 ? "-FU1" : "-FU2"),
                    AreaType.URBAN,
                    lat + 0.01 * t,
                    lng));
            for (int c = 1; c <= 4; c++) {
                people.add(new GridDocument.Customer(
                        customer(t, c),
                        null,
                        String.format("139%04d%04d", t, c % 10000),
                        p + "-T" + t,
                        lat + 0.01 * t,
                        lng,
                        null));
            }
        }
        importer.importDocument(new GridDocument(
                List.of(),
                List.of(new GridDocument.Substation(p + "-SS", null, lat, lng)),
                List.of(new GridDocument.Feeder(p + "-F", null, p + "-SS")),
                List.of(
                        new GridDocument.Device(p + "-B1", DeviceType.BREAKER, p + "-F", null, lat, lng),
                        new GridDocument.Device(p + "-FU1", DeviceType.FUSE, p + "-F", p + "-B1", lat, lng),
                        new GridDocument.Device(p + "-FU2", DeviceType.FUSE, p + "-F", p + "-B1", lat, lng)),
                areas,
                people,
                List.of()));
    }

    private String customer(int area, int n) {
        return p + "T" + area + "c" + n;
    }

    private ReportAnswer report(int area) {
        ReportAnswer answer = reports.byCustomer(customer(area, 1));
        execute(job(reports.process(answer)));
        return answer;
    }

    /** Reports from T1, T2, T4 and T5: both fuses are out, so the breaker is predicted. */
    private List<ReportAnswer> breakerPredicted() {
        List<ReportAnswer> answers = List.of(report(1), report(2), report(4), report(5));
        assertThat(deviceOf(answers.get(3))).isEqualTo(p + "-B1");
        return answers;
    }

    private IncidentRecord incidentOf(ReportAnswer answer) {
        return incidents.findById(reports.record(answer).incidentId());
    }

    private String deviceOf(ReportAnswer answer) {
        return incidentOf(answer).deviceId();
    }

    private boolean inFu2(String meter) {
        return meter.startsWith(p + "T4") || meter.startsWith(p + "T5") || meter.startsWith(p + "T6");
    }

    @Test
    void darkMetersConfirmThePredictionAndTheCrewIsDispatchedOnIt() {
        List<ReportAnswer> answers = breakerPredicted();
        HEAD_END.answer(meter -> false);
        ProcessInstance order = repairs.order(incidentOf(answers.get(0)).id());
        assertThat(order).isWaitingAt("Task_PingMeters");
        int before = HEAD_END.pings().size();
        execute(job("Task_PingMeters", order));

        List<String> asked = HEAD_END.pings().get(before);
        // up to three meters per area, never a customer who reported
        for (int t = 1; t <= 6; t++) {
            String area = p + "T" + t + "c";
            assertThat(asked).filteredOn(m -> m.startsWith(area)).hasSize(3);
        }
        assertThat(asked).doesNotContain(customer(1, 1), customer(2, 1), customer(4, 1), customer(5, 1));
        IncidentRecord incident = incidentOf(answers.get(0));
        assertThat(incident.deviceId()).isEqualTo(p + "-B1");
        assertThat(incident.predictionLines().get(0)).startsWith(p + "-B1 (BREAKER): 2 of 2 branches out");
        assertThat(incidents.decisionsOfIncident(incident.id()))
                .extracting(TriageDecision::reason)
                .anyMatch(r -> r.startsWith("asked 18 meters in 6 areas below " + p + "-B1: 18 dark"));
        assertThat(order).isWaitingAt("Task_NotifyOutageKnown");
    }

    @Test
    void poweredMetersVetoTheBreakerTheOrderMovesDownAndTheAreasThatLeaveHearOnce() {
        List<ReportAnswer> answers = breakerPredicted();
        long orderId = incidentOf(answers.get(0)).id();
        // FU2 blew; T1 and T2 have faults of their own; T3 has power
        HEAD_END.answer(meter -> !(inFu2(meter) || meter.startsWith(p + "T1") || meter.startsWith(p + "T2")));
        ProcessInstance order = repairs.order(orderId);
        execute(job("Task_PingMeters", order));

        IncidentRecord moved = incidents.findById(orderId);
        assertThat(moved.deviceId())
                .as("the order goes where most of its reports are")
                .isEqualTo(p + "-FU2");
        assertThat(moved.rule()).isEqualTo(TriageRule.CONTRADICTED);
        assertThat(deviceOf(answers.get(2))).isEqualTo(p + "-FU2");
        assertThat(deviceOf(answers.get(0))).isEqualTo(p + "-T1");
        assertThat(deviceOf(answers.get(1))).isEqualTo(p + "-T2");
        assertThat(incidents.findOpenOnFeeder(p + "-F"))
                .extracting(IncidentRecord::deviceId)
                .containsExactlyInAnyOrder(p + "-FU2", p + "-T1", p + "-T2");
        assertThat(incidents.decisionsOfIncident(orderId))
                .extracting(TriageDecision::decision)
                .contains("MOVED");
        assertThat(moved.predictionLines())
                .contains(p + "-B1 (BREAKER): not out, power is on below it at " + p
                        + "-T3 (a meter answered the ping with power)");

        // the reporters whose areas left the order read it on their page and hear it once; the others nothing
        for (ReportAnswer left : List.of(answers.get(0), answers.get(1))) {
            List<TrackingView.Entry> lines =
                    customers.track(left.reportId(), left.trackingToken()).timeline();
            assertThat(lines)
                    .filteredOn(e -> e.type().equals("MOVED_INCIDENT"))
                    .last()
                    .extracting(TrackingView.Entry::text)
                    .asString()
                    .contains(incidentOf(left).publicId());
            assertThat(moves(left)).isEqualTo(1);
        }
        assertThat(moves(answers.get(2))).isZero();
        assertThat(moves(answers.get(3))).isZero();
        // the order carries on to dispatch on FU2; the split-off areas have orders of their own
        assertThat(order).isWaitingAt("Task_NotifyOutageKnown");
        assertThat(repairs.order(incidentOf(answers.get(0)).id())).isNotNull();
    }

    private long moves(ReportAnswer answer) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM gm_notification WHERE report_id = ? AND event_type = ?",
                Long.class,
                PublicIds.parseReport(answer.reportId()),
                "REPORT_MOVED");
    }

    @Test
    void aSilentHeadEndNeverHoldsTheCrewBack() {
        List<ReportAnswer> answers = breakerPredicted();
        HEAD_END.failWith(503);
        ProcessInstance order = repairs.order(incidentOf(answers.get(0)).id());
        Job ping = job("Task_PingMeters", order);
        assertThatThrownBy(() -> execute(ping)).hasStackTraceContaining("HTTP 503");
        assertThat(engine.getManagementService()
                        .createJobQuery()
                        .jobId(ping.getId())
                        .singleResult()
                        .getRetries())
                .as("retried later")
                .isEqualTo(2);

        execute(job("Event_HeadEndSilent", order));
        assertThat(order).hasPassed("Event_HeadEndSilent").isWaitingAt("Task_NotifyOutageKnown");
        assertThat(engine.getManagementService()
                        .createJobQuery()
                        .jobId(ping.getId())
                        .count())
                .isZero();
        assertThat(incidentOf(answers.get(0)).deviceId()).isEqualTo(p + "-B1");
    }

    @Test
    void anAreasOwnOrderAsksNothing() {
        ReportAnswer answer = report(1);
        ProcessInstance order = repairs.order(incidentOf(answer).id());
        assertThat(order)
                .hasPassed("Gateway_AskMeters")
                .hasNotPassed("SubProcess_CheckMeters")
                .isWaitingAt("Task_NotifyOutageKnown");
        assertThat(Set.of(incidentOf(answer).level())).containsExactly(IncidentLevel.TRANSFORMER);
    }
}
