package org.gridmend.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.gridmend.repair.RepairOrderService;
import org.gridmend.report.Channel;
import org.gridmend.report.ReportAnswer;
import org.gridmend.report.ReportRequest;
import org.gridmend.report.ReportService;
import org.gridmend.support.ProcessTest;
import org.gridmend.support.RepairFixture;
import org.gridmend.support.ReportFixture;
import org.gridmend.triage.IncidentService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who is told what, through the "Notify affected customers" steps of fault-report.bpmn and repair-order.bpmn: every
 * event reaches every affected customer once (reporters and the neighbours below the device who did not report),
 * by app push or SMS, and customers of an order merged upstream follow the upstream order without repeats.
 * The outbox is read directly; delivery is {@link NotificationDeliveryTest}'s subject.
 */
@ProcessTest
class NotificationProcessTest {

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
    IncidentService incidents;

    @Autowired
    NotificationMapper outbox;

    @Autowired
    StaleMessages stale;

    RepairFixture.Grid g;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        g = repairs.newGrid().placeCrews();
    }

    @AfterEach
    void signOut() {
        engine.getIdentityService().clearAuthentication();
    }

    /** Who was told each event of the incident, as "customer/channel", sorted. */
    private Map<String, List<String>> told(long incidentId) {
        return outbox.list(null, incidentId, 1000).stream()
                .collect(Collectors.groupingBy(
                        NotificationRecord::eventType,
                        TreeMap::new,
                        Collectors.mapping(
                                n -> n.customerNo().substring(g.p().length()) + "/" + n.channel(),
                                Collectors.collectingAndThen(
                                        Collectors.toList(),
                                        l -> l.stream().sorted().toList()))));
    }

    /** A report; from the app it comes from the signed-in customer (which binds the app for pushes). */
    private ReportAnswer report(int customer, Channel channel) {
        ReportRequest request = new ReportRequest(
                UUID.randomUUID().toString(), channel, g.customer(customer), null, null, null, "停电了", null);
        ReportAnswer answer = channel == Channel.APP ? reports.signedIn(request) : reports.submit(request);
        execute(job(reports.process(answer)));
        return answer;
    }

    @Test
    void everyoneAffectedHearsEachStepOnceReportersAlsoTheirOwnRequests() {
        // C1 reports in the app, then once more by hotline; C2 and C3 on the same transformer do not report
        ReportAnswer app = report(1, Channel.APP);
        ReportAnswer hotline = report(1, Channel.HOTLINE);
        long incidentId = reports.record(app).incidentId();
        assertThat(reports.record(hotline).incidentId()).isEqualTo(incidentId);
        assertThat(told(incidentId)).containsOnly(Map.entry("ACKNOWLEDGED", List.of("C1/PUSH")));

        ProcessInstance order = repairs.order(incidentId);
        execute(job("Task_NotifyOutageKnown", order));
        assertThat(told(incidentId)).containsEntry("OUTAGE_KNOWN", List.of("C2/SMS", "C3/SMS"));

        execute(job("Task_DispatchCrew", order));
        repairs.completeAs(
                g.user(1), "crews", task("Task_AcceptRepairOrder", order), withVariables("acceptDecision", "ACCEPT"));
        assertThat(order).hasPassed("Task_NotifyCrewAccepted");
        assertThat(told(incidentId)).containsEntry("CREW_ACCEPTED", List.of("C1/PUSH", "C2/SMS", "C3/SMS"));
        NotificationRecord accepted = outbox.list(null, incidentId, 1000).stream()
                .filter(n ->
                        n.eventType().equals("CREW_ACCEPTED") && n.channel().equals("SMS"))
                .findFirst()
                .orElseThrow();
        assertThat(outbox.find(accepted.id()).phone()).isNotBlank();

        execute(job("Event_ArrivalCommitmentPassed", order));
        assertThat(told(incidentId)).containsEntry("DELAYED", List.of("C1/PUSH", "C2/SMS", "C3/SMS"));
        repairs.completeAs(
                "dispatcher1",
                "dispatchers",
                task("Task_HandleLateArrival", order),
                withVariables("lateCause", "TRAFFIC"));

        g.crewAtFault(1);
        repairs.completeAs(g.user(1), "crews", task("Task_ConfirmArrival", order), Map.of());
        assertThat(told(incidentId)).containsEntry("ARRIVED", List.of("C1/PUSH", "C2/SMS", "C3/SMS"));

        repairs.completeAs(
                g.user(1),
                "crews",
                task("Task_DiagnoseFault", order),
                withVariables("cause", "FUSE_BLOWN", "etr", RepairFixture.hoursAhead(2)));
        assertThat(told(incidentId)).containsEntry("DIAGNOSED", List.of("C1/PUSH", "C2/SMS", "C3/SMS"));

        // a new ETR 15 minutes later is not worth a message (etr-min-change 30 min); one 2 hours later is
        orders.changeEtr(orders.order(incidentId), RepairFixture.hoursAhead(2.25));
        assertThat(order).hasPassed("Task_NotifyNewEtr");
        assertThat(told(incidentId)).doesNotContainKey("ETR_CHANGED");
        orders.changeEtr(orders.order(incidentId), RepairFixture.hoursAhead(4));
        assertThat(told(incidentId)).containsEntry("ETR_CHANGED", List.of("C1/PUSH", "C2/SMS", "C3/SMS"));

        repairs.completeAs(
                g.user(1), "crews", task("Task_CompleteRepair", order), withVariables("resolution", "REPLACED_FUSE"));
        // everyone at once: neighbours hear power is back; the reporter is asked to confirm, once for both reports
        execute(job("Task_NotifyPowerRestored", order));
        assertThat(told(incidentId))
                .containsEntry("RESTORED", List.of("C2/SMS", "C3/SMS"))
                .containsEntry("CONFIRMATION_REQUEST", List.of("C1/PUSH"));
        execute(job("Task_NotifyRestoration", order));
        assertThat(order).isWaitingAt("Task_ReviewRepairOrder");
        // the reports' own processes ask too, and find the customer told
        execute(job(reports.process(app)));
        execute(job(reports.process(hotline)));
        assertThat(reports.process(app))
                .hasPassed("Task_NotifyConfirmationRequest")
                .isWaitingAt("Gateway_AwaitConfirmation");
        assertThat(told(incidentId)).containsEntry("CONFIRMATION_REQUEST", List.of("C1/PUSH"));

        customers.confirm(app.reportId(), app.trackingToken(), true);
        execute(job(reports.process(app)));
        assertThat(reports.process(app)).hasPassed("Task_NotifyRatingRequest");
        assertThat(told(incidentId)).containsEntry("RATING_REQUEST", List.of("C1/PUSH"));
        NotificationRecord rating = outbox.list(null, incidentId, 1000).stream()
                .filter(n -> n.eventType().equals("RATING_REQUEST"))
                .findFirst()
                .orElseThrow();
        // held back during quiet hours: due now, or at 08:00 China time when it is night
        Instant dueNoLaterThan = Instant.now().plus(10, ChronoUnit.HOURS);
        assertThat(rating.nextAttemptAt())
                .isBefore(dueNoLaterThan)
                .isAfter(rating.createdAt().minusSeconds(1));

        // nobody heard anything twice, and every message says what the timeline says
        assertThat(outbox.list(null, incidentId, 1000))
                .allSatisfy(n -> assertThat(n.status()).isEqualTo("PENDING"))
                .hasSize(1 + 2 + 3 * 5 + 2 + 1 + 1);
    }

    @Test
    void oneUnverifiedReportDoesNotTextTheAreaUntilSomethingCorroboratesIt() {
        // C1 reports through the web page, not signed in: only C1 hears of its report
        ReportAnswer first = report(1, Channel.WEB);
        long incidentId = reports.record(first).incidentId();
        ProcessInstance order = repairs.order(incidentId);
        execute(job("Task_NotifyOutageKnown", order));
        assertThat(told(incidentId)).containsOnly(Map.entry("ACKNOWLEDGED", List.of("C1/SMS")));
        execute(job("Task_DispatchCrew", order));
        repairs.completeAs(
                g.user(1), "crews", task("Task_AcceptRepairOrder", order), withVariables("acceptDecision", "ACCEPT"));
        assertThat(told(incidentId)).containsEntry("CREW_ACCEPTED", List.of("C1/SMS"));

        // a second customer's report corroborates it (two of T1's three customers: the fuse feeding T1 alone is
        // predicted): the fuse's order tells the rest of its area, once
        ReportAnswer second = report(2, Channel.WEB);
        long fuse = reports.record(second).incidentId();
        assertThat(reports.record(first).incidentId()).isEqualTo(fuse);
        execute(job("Task_NotifyOutageKnown", repairs.order(fuse)));
        assertThat(told(fuse))
                .containsEntry("OUTAGE_KNOWN", List.of("C3/SMS"))
                .containsEntry("ACKNOWLEDGED", List.of("C2/SMS"));
        // the merged order never told its area: its news of the merge reaches those of its area who reported, not C3
        execute(job("Task_NotifyMerged", order));
        assertThat(told(incidentId)).containsEntry("MERGED_UPSTREAM", List.of("C1/SMS", "C2/SMS"));
    }

    @Test
    void customersOfAnOrderMergedUpstreamFollowTheUpstreamOrderWithoutRepeats() {
        ReportAnswer onT1 = report(1, Channel.APP);
        long t1 = reports.record(onT1).incidentId();
        execute(job("Task_NotifyOutageKnown", repairs.order(t1)));
        assertThat(told(t1)).containsEntry("OUTAGE_KNOWN", List.of("C2/SMS", "C3/SMS"));

        // a report from T2 too: both transformers hang below the switch, triage rolls T1's order up into one there
        ReportAnswer onT2 = report(4, Channel.APP);
        long upstreamId = reports.record(onT2).incidentId();
        assertThat(incidents.find(upstreamId).orElseThrow().deviceId()).isEqualTo(g.node("SW"));
        assertThat(incidents.find(t1).orElseThrow().mergedIntoId()).isEqualTo(upstreamId);
        assertThat(reports.record(onT1).incidentId()).isEqualTo(upstreamId);
        // the merged order tells its customers in a step of its own, after triage let go of the feeder
        execute(job("Task_NotifyMerged", repairs.order(t1)));
        assertThat(told(t1)).containsEntry("MERGED_UPSTREAM", List.of("C1/PUSH", "C2/SMS", "C3/SMS"));

        // below the switch only C5 had heard nothing yet; C1 and C4 reported, C2 and C3 heard on T1's order
        ProcessInstance upstream = repairs.order(upstreamId);
        execute(job("Task_NotifyOutageKnown", upstream));
        assertThat(told(upstreamId))
                .containsEntry("OUTAGE_KNOWN", List.of("C5/SMS"))
                .containsEntry("ACKNOWLEDGED", List.of("C4/PUSH"));

        // from now on they hear the upstream order's news, once each
        execute(job("Task_DispatchCrew", upstream));
        Task offer = task("Task_AcceptRepairOrder", upstream);
        repairs.completeAs(offer.getAssignee(), "crews", offer, withVariables("acceptDecision", "ACCEPT"));
        assertThat(told(upstreamId))
                .containsEntry("CREW_ACCEPTED", List.of("C1/PUSH", "C2/SMS", "C3/SMS", "C4/PUSH", "C5/SMS"));
    }

    @Test
    void aCustomerMovedTwiceInACascadeHearsOnceOfTheOrderTheyEndOn() {
        ReportAnswer onT1 = report(1, Channel.APP);
        long t1 = reports.record(onT1).incidentId();
        ReportAnswer onT2 = report(4, Channel.APP);
        long sw = reports.record(onT2).incidentId();
        assertThat(incidents.find(t1).orElseThrow().mergedIntoId()).isEqualTo(sw);
        // T1's order tells C1 that it is on the switch's order now; the message waits a moment before it goes ...
        execute(job("Task_NotifyMerged", repairs.order(t1)));
        NotificationRecord first = outbox.list(null, t1, 100).stream()
                .filter(n -> n.eventType().equals("MERGED_UPSTREAM")
                        && n.customerNo().equals(g.customer(1)))
                .findFirst()
                .orElseThrow();
        assertThat(first.nextAttemptAt()).isAfter(first.createdAt());
        assertThat(stale.whyStale("MERGED_UPSTREAM", t1, null)).isNull();

        // ... and within it a report from T3 rolls the switch's order up to the breaker's
        ReportAnswer onT3 = report(6, Channel.APP);
        long cb = reports.record(onT3).incidentId();
        assertThat(incidents.find(sw).orElseThrow().mergedIntoId()).isEqualTo(cb);
        assertThat(incidents.find(cb).orElseThrow().deviceId()).isEqualTo(g.node("CB"));
        execute(job("Task_NotifyMerged", repairs.order(sw)));
        assertThat(told(sw)).containsEntry("MERGED_UPSTREAM", List.of("C1/PUSH", "C4/PUSH"));
        // C1's first message names an order that merged again: it is withdrawn at its turn; the second goes
        assertThat(stale.whyStale("MERGED_UPSTREAM", t1, null)).contains("merged again");
        assertThat(stale.whyStale("MERGED_UPSTREAM", sw, null)).isNull();
        // each report is acknowledged once, whatever order it was on when its step ran
        assertThat(outbox.list(null, null, 1000).stream()
                        .filter(n -> n.eventType().equals("ACKNOWLEDGED"))
                        .filter(n -> n.customerNo().startsWith(g.p()))
                        .map(NotificationRecord::customerNo)
                        .toList())
                .doesNotHaveDuplicates();
    }
}
