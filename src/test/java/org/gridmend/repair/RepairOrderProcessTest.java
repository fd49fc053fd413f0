package org.gridmend.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.gridmend.core.PublicIds;
import org.gridmend.core.Refusal;
import org.gridmend.grid.GridLookupService;
import org.gridmend.report.ReportAnswer;
import org.gridmend.report.ReportService;
import org.gridmend.report.ReportStatus;
import org.gridmend.report.TrackingView;
import org.gridmend.support.ProcessTest;
import org.gridmend.support.RepairFixture;
import org.gridmend.support.ReportFixture;
import org.gridmend.triage.IncidentRecord;
import org.gridmend.triage.IncidentService;
import org.gridmend.triage.IncidentState;
import org.gridmend.triage.TriageRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of processes/repair-order.bpmn: the happy path from dispatch to the crew's rating in one test, the
 * detours in groups. Jobs and timers run only when a test executes them; users act as the crews and dispatchers
 * they are (with Camunda's authorization checks on).
 */
@ProcessTest
class RepairOrderProcessTest {

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
    RepairQueryService query;

    @Autowired
    CrewService crews;

    @Autowired
    IncidentService incidents;

    @Autowired
    GridLookupService grid;

    @Autowired
    JdbcTemplate jdbc;

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

    // ---- helpers: what customers, crews and dispatchers do ----

    /** A customer of T1 reports; the report is triaged onto T1's incident. */
    private ReportAnswer report(int customer) {
        ReportAnswer answer = reports.byCustomer(g.customer(customer));
        ProcessInstance faultReport = reports.process(answer);
        execute(job(faultReport));
        assertThat(faultReport).isWaitingAt("Gateway_AwaitRestoration");
        return answer;
    }

    private long incidentOf(ReportAnswer answer) {
        return reports.record(answer).incidentId();
    }

    private ProcessInstance dispatched(long incidentId) {
        ProcessInstance order = repairs.order(incidentId);
        execute(job("Task_NotifyOutageKnown", order));
        execute(job("Task_DispatchCrew", order));
        return order;
    }

    private TrackingView.Stage stage(ReportAnswer answer) {
        TrackingView view = customers.track(answer.reportId(), answer.trackingToken());
        // every stage before the current one is reached, none after it
        int current = view.stage().ordinal();
        assertThat(view.stages())
                .allSatisfy(step -> assertThat(step.at() != null)
                        .as(step.stage().name())
                        .isEqualTo(step.stage().ordinal() <= current));
        return view.stage();
    }

    private void accept(ProcessInstance order, int crew) {
        Task accept = task("Task_AcceptRepairOrder", order);
        assertThat(accept).isAssignedTo(g.user(crew));
        repairs.completeAs(g.user(crew), "crews", accept, withVariables("acceptDecision", "ACCEPT"));
    }

    private List<String> timeline(ReportAnswer answer) {
        return customers.track(answer.reportId(), answer.trackingToken()).timeline().stream()
                .map(TrackingView.Entry::type)
                .toList();
    }

    private RepairOrderRecord record(long incidentId) {
        return orders.order(incidentId);
    }

    /** Who the audit trail names for the order's one event of this type. */
    private String auditActor(long incidentId, String type) {
        return jdbc.queryForObject(
                "SELECT actor FROM gm_audit_event WHERE incident_id = ? AND type = ?", String.class, incidentId, type);
    }

    private List<DispatchAttempt> attempts(long incidentId) {
        return query.briefing(record(incidentId)).dispatchAttempts();
    }

    // ---- the happy path ----

    @Test
    void happyPath_dispatchedAcceptedArrivedDiagnosedRepairedReviewedAndRated() {
        ReportAnswer first = report(1);
        ReportAnswer second = report(2);
        ReportAnswer third = report(3);
        long incidentId = incidentOf(first);
        assertThat(incidentOf(third)).isEqualTo(incidentId);
        // all three customers of T1 reported: triage put the fault on the fuse above it, a medium-voltage job
        assertThat(incidents.find(incidentId).orElseThrow().deviceId()).isEqualTo(g.node("FU"));
        ProcessInstance order = repairs.order(incidentId);
        // customers below the fuse who did not report hear of the outage first, in a job of its own
        assertThat(order).isWaitingAt("Task_NotifyOutageKnown");
        execute(job("Task_NotifyOutageKnown", order));
        assertThat(order).isWaitingAt("Task_DispatchCrew");

        execute(job("Task_DispatchCrew", order));
        assertThat(order)
                .isWaitingAt("Task_AcceptRepairOrder")
                .variables()
                .containsEntry("crewFound", true)
                .containsEntry("crewId", g.crew(4))
                .containsEntry("crewUserId", g.user(4))
                .containsEntry("dispatchTries", 1);
        Task acceptTask = task("Task_AcceptRepairOrder", order);
        assertThat(acceptTask).isAssignedTo(g.user(4));
        assertThat(stage(first)).isEqualTo(TrackingView.Stage.DISPATCHED);
        assertThat(customers.track(first.reportId(), first.trackingToken()).actions())
                .as("not asked yet: only the small action")
                .returns(false, TrackingView.Actions::confirmRestoration)
                .returns(true, TrackingView.Actions::reportPowerBack);
        Map<String, Object> shown = engine.getTaskService().getVariablesLocal(acceptTask.getId());
        assertThat(shown)
                .containsEntry("orderId", PublicIds.incident(incidentId))
                .containsEntry("reportsCount", 3L)
                .containsEntry("briefingUrl", "/crew.html?order=" + PublicIds.incident(incidentId));
        assertThat((String) shown.get("navigationUrl")).startsWith("https://uri.amap.com/navigation?to=");
        assertThat(shown.keySet()).noneMatch(k -> k.contains("phone") || k.contains("address"));

        accept(order, 4);
        assertThat(order).isWaitingAt("Task_ConfirmArrival");
        assertThat(task("Task_ConfirmArrival", order)).isAssignedTo(g.user(4));
        TrackingView accepted = customers.track(first.reportId(), first.trackingToken());
        String employeeNo = (g.p() + "04").toUpperCase();
        assertThat(accepted.incident().crew().employeeNo()).isEqualTo(employeeNo);
        assertThat(accepted.stage()).isEqualTo(TrackingView.Stage.ACCEPTED);
        assertThat(accepted.incident().eta()).isAfter(Instant.now());
        assertThat(accepted.timeline().get(accepted.timeline().size() - 1).text())
                .contains("已接单")
                .contains(employeeNo);

        g.crewAtFault(4);
        repairs.completeAs(g.user(4), "crews", task("Task_ConfirmArrival", order), Map.of());
        assertThat(order).hasPassed("Task_RecordArrival", "EndEvent_CrewOnSite").isWaitingAt("Task_DiagnoseFault");
        assertThat(record(incidentId).arrivedAt()).isNotNull();
        assertThat(stage(first)).isEqualTo(TrackingView.Stage.ARRIVED);

        repairs.completeAs(
                g.user(4),
                "crews",
                task("Task_DiagnoseFault", order),
                withVariables("cause", "FUSE_BLOWN", "etr", RepairFixture.hoursAhead(2)));
        assertThat(order).isWaitingAt("Task_CompleteRepair");
        assertThat(record(incidentId).cause()).isEqualTo("FUSE_BLOWN");
        assertThat(stage(first)).isEqualTo(TrackingView.Stage.REPAIRING);

        repairs.completeAs(
                g.user(4), "crews", task("Task_CompleteRepair", order), withVariables("resolution", "REPLACED_FUSE"));
        assertThat(order).hasPassed("Task_RestorePower").variables().containsEntry("restorationBatches", 2);
        assertThat(record(incidentId).state()).isEqualTo(IncidentState.RESTORED);
        // everyone affected hears it at once, in a job of its own; then the reports' processes, in batches
        execute(job("Task_NotifyPowerRestored", order));
        execute(job("Task_NotifyRestoration", order));
        assertThat(reports.process(first)).isWaitingAt("Task_AskForConfirmation");
        assertThat(stage(first)).isEqualTo(TrackingView.Stage.RESTORED);
        assertThat(reports.process(third)).as("second batch not yet sent").isWaitingAt("Gateway_AwaitRestoration");
        execute(job("Task_NotifyRestoration", order));
        assertThat(reports.process(third)).isWaitingAt("Task_AskForConfirmation");
        assertThat(order).isWaitingAt("Task_ReviewRepairOrder");
        Task review = task("Task_ReviewRepairOrder", order);
        assertThat(review).hasCandidateGroup("dispatchers");
        assertThat(engine.getTaskService().getVariablesLocal(review.getId()))
                .containsEntry("causeText", "熔断器熔断")
                .containsEntry("withinCommitment", "是 (yes)");

        repairs.completeAs("dispatcher1", "dispatchers", review, withVariables("reviewDecision", "APPROVE"));
        assertThat(order).isWaitingAt("Event_RatingWindowPassed");
        assertThat(record(incidentId).reviewedBy()).isEqualTo("dispatcher1");

        // the customers confirm and rate, each through their own FaultReport
        for (ReportAnswer answer : List.of(first, second)) {
            execute(job(reports.process(answer)));
            assertThat(reports.record(answer).status()).isEqualTo(ReportStatus.RESTORED);
            assertThat(customers
                            .track(answer.reportId(), answer.trackingToken())
                            .actions())
                    .as("now the process asks")
                    .returns(true, TrackingView.Actions::confirmRestoration)
                    .returns(false, TrackingView.Actions::reportPowerBack);
            customers.confirm(answer.reportId(), answer.trackingToken(), true);
            execute(job(reports.process(answer)));
        }
        customers.rate(first.reportId(), first.trackingToken(), 5, null);
        customers.rate(second.reportId(), second.trackingToken(), 4, null);

        execute(job("Event_RatingWindowPassed", order));
        execute(job("Task_AggregateCrewRating", order));
        assertThat(order).isEnded().hasPassed("EndEvent_RepairOrderClosed");
        RepairQueryService.CrewStats stats = query.stats(crews.crew(g.crew(4)));
        assertThat(stats.ratingsCount()).isEqualTo(2);
        assertThat(stats.averageRating()).isEqualTo(4.5);
        assertThat(stats.orders()).isEqualTo(1);
        assertThat(stats.shareWithinCommitment()).isEqualTo(1.0);
        assertThat(record(incidentId).state()).isEqualTo(IncidentState.CLOSED);
        assertThat(timeline(first))
                .containsSubsequence("ACKNOWLEDGED", "ACCEPTED", "ARRIVED", "DIAGNOSED", "REPAIRED", "REVIEWED")
                .containsSubsequence("REPAIRED", "RESTORED", "CONFIRMED", "RATED");
    }

    // ---- dispatch ----

    @Nested
    class Dispatch {

        @Test
        void skipsCrewsOffShiftAndRecordsTheCandidatesConsidered() {
            crews.setShift(crews.crew(g.crew(1)), false);
            long incidentId = incidentOf(report(1));
            ProcessInstance order = dispatched(incidentId);
            assertThat(order).variables().containsEntry("crewId", g.crew(2));
            assertThat(record(incidentId).eta()).isAfter(Instant.now());
            assertThat(attempts(incidentId)).singleElement().satisfies(a -> {
                assertThat(a.crewId()).isEqualTo(g.crew(2));
                assertThat(a.outcome()).isEqualTo("OFFERED");
                assertThat(a.candidates()).contains(g.crew(3)).doesNotContain(g.crew(1));
            });
        }

        @Test
        void aFeederLevelFaultNeedsAMediumVoltageCrew() {
            IncidentRecord feederFault = incidents
                    .openOrGet(grid.topology(g.node("F")), g.node("SW"), TriageRule.FIRST_REPORT, "test", Instant.now())
                    .incident();
            ProcessInstance order = dispatched(feederFault.id());
            assertThat(order).variables().containsEntry("crewId", g.crew(4));
        }

        @Test
        void withNoSuitableCrewADispatcherChoosesFromTheCandidates() {
            for (int k = 1; k <= 4; k++) {
                g.moveCrew(k, g.t1()[0] + 2, g.t1()[1]); // 220 km away: out of reach
            }
            long incidentId = incidentOf(report(1));
            ProcessInstance order = dispatched(incidentId);
            assertThat(order).variables().containsEntry("crewFound", false);
            Task manual = task("Task_DispatchCrewManually", order);
            assertThat(manual).hasCandidateGroup("dispatchers");
            String candidates = engine.getTaskService()
                    .getVariableLocalTyped(manual.getId(), "candidateCrews")
                    .getValue()
                    .toString();
            assertThat(candidates).contains("\"value\":\"" + g.crew(1) + "\"").contains("222");

            assertThatThrownBy(() -> repairs.completeAs(
                            "dispatcher1", "dispatchers", manual, withVariables("chosenCrewId", "no-such-crew")))
                    .isInstanceOf(FormFieldValidationException.class)
                    .hasMessageContaining("no-such-crew");
            assertThat(order).isWaitingAt("Task_DispatchCrewManually");

            repairs.completeAs("dispatcher1", "dispatchers", manual, withVariables("chosenCrewId", g.crew(3)));
            assertThat(order).isWaitingAt("Task_AcceptRepairOrder").variables().doesNotContainKey("chosenCrewId");
            assertThat(task("Task_AcceptRepairOrder", order)).isAssignedTo(g.user(3));
            assertThat(attempts(incidentId).get(0).byUser()).isEqualTo("dispatcher1");
        }
    }

    // ---- accept: decline, lapse, three tries ----

    @Nested
    class Accept {

        @Test
        void aDeclinedOrderGoesToTheNextCrewAndNeverBackToTheOneThatDeclined() {
            long incidentId = incidentOf(report(1));
            ProcessInstance order = dispatched(incidentId);
            Task offer = task("Task_AcceptRepairOrder", order);
            assertThatThrownBy(() -> repairs.completeAs(
                            g.user(1),
                            "crews",
                            offer,
                            withVariables("acceptDecision", "DECLINE", "declineReason", "TIRED")))
                    .isInstanceOf(FormFieldValidationException.class)
                    .hasMessageContaining("declineReason");

            repairs.completeAs(
                    g.user(1),
                    "crews",
                    offer,
                    withVariables("acceptDecision", "DECLINE", "declineReason", "ON_ANOTHER_JOB"));
            assertThat(order)
                    .hasPassed("Task_RecordCrewAnswer")
                    .isWaitingAt("Task_DispatchCrew")
                    .variables()
                    .containsEntry("accepted", false)
                    .doesNotContainKey("acceptDecision");
            execute(job("Task_DispatchCrew", order));
            assertThat(task("Task_AcceptRepairOrder", order)).isAssignedTo(g.user(2));
            assertThat(attempts(incidentId))
                    .extracting(DispatchAttempt::crewId, DispatchAttempt::outcome, DispatchAttempt::reason)
                    .containsExactly(tuple(g.crew(1), "DECLINED", "ON_ANOTHER_JOB"), tuple(g.crew(2), "OFFERED", null));
        }

        @Test
        void anUnansweredOfferLapsesAndTheNextCrewIsAsked() {
            long incidentId = incidentOf(report(1));
            ProcessInstance order = dispatched(incidentId);
            execute(job("Event_AcceptWindowPassed", order));
            assertThat(order).hasPassed("Task_RecordLapse").isWaitingAt("Task_DispatchCrew");
            execute(job("Task_DispatchCrew", order));
            assertThat(task("Task_AcceptRepairOrder", order)).isAssignedTo(g.user(2));
            assertThat(attempts(incidentId).get(0).outcome()).isEqualTo("LAPSED");
        }

        @Test
        void afterThreeUnansweredOffersADispatcherDecides() {
            long incidentId = incidentOf(report(1));
            ProcessInstance order = dispatched(incidentId);
            execute(job("Event_AcceptWindowPassed", order));
            execute(job("Task_DispatchCrew", order));
            repairs.completeAs(
                    g.user(2),
                    "crews",
                    task("Task_AcceptRepairOrder", order),
                    withVariables("acceptDecision", "DECLINE", "declineReason", "TOO_FAR"));
            execute(job("Task_DispatchCrew", order));
            assertThat(task("Task_AcceptRepairOrder", order)).isAssignedTo(g.user(3));
            execute(job("Event_AcceptWindowPassed", order));
            assertThat(order)
                    .hasPassed("Gateway_TriesLeft")
                    .isWaitingAt("Task_DispatchCrewManually")
                    .variables()
                    .containsEntry("dispatchTries", 3);

            repairs.completeAs(
                    "dispatcher1",
                    "dispatchers",
                    task("Task_DispatchCrewManually", order),
                    withVariables("chosenCrewId", g.crew(1)));
            accept(order, 1);
            assertThat(order).isWaitingAt("Task_ConfirmArrival");
        }
    }

    // ---- arrival ----

    @Nested
    class Arrival {

        @Test
        void aConfirmationFromTooFarAwayIsRefusedAndTheTaskStaysOpen() {
            long incidentId = incidentOf(report(1));
            ProcessInstance order = dispatched(incidentId);
            accept(order, 1);
            Task confirm = task("Task_ConfirmArrival", order);
            assertThatThrownBy(() -> repairs.completeAs(g.user(1), "crews", confirm, Map.of()))
                    .isInstanceOf(FormFieldValidationException.class)
                    .hasMessageContaining("1.0 公里")
                    .hasMessageContaining("within 500 m");
            assertThat(order).isWaitingAt("Task_ConfirmArrival");
            assertThat(task("Task_ConfirmArrival", order).getId()).isEqualTo(confirm.getId());
            assertThat(record(incidentId).arrivedAt()).isNull();

            g.crewAtFault(1);
            repairs.completeAs(g.user(1), "crews", confirm, Map.of());
            assertThat(order).isWaitingAt("Task_DiagnoseFault");
        }

        @Test
        void theArrivalCommitmentPassingTellsCustomersAndGivesADispatcherATask() {
            ReportAnswer answer = report(1);
            long incidentId = incidentOf(answer);
            ProcessInstance order = dispatched(incidentId);
            accept(order, 1);
            RepairOrderRecord accepted = record(incidentId);
            assertThat(accepted.arrivalDeadline())
                    .isEqualTo(accepted.firstReportAt().plus(45, ChronoUnit.MINUTES));
            assertThat(engine.getManagementService()
                            .createJobQuery()
                            .activityId("Event_ArrivalCommitmentPassed")
                            .processInstanceId(order.getId())
                            .singleResult()
                            .getDuedate()
                            .toInstant())
                    .isEqualTo(accepted.arrivalDeadline());

            execute(job("Event_ArrivalCommitmentPassed", order));
            assertThat(order)
                    .hasPassed("Task_AnnounceDelay")
                    .isWaitingAt("Task_ConfirmArrival", "Task_HandleLateArrival");
            assertThat(task("Task_HandleLateArrival", order)).hasCandidateGroup("dispatchers");
            assertThat(timeline(answer)).endsWith("DELAYED");
            assertThat(customers
                            .track(answer.reportId(), answer.trackingToken())
                            .incident()
                            .late())
                    .isTrue();

            repairs.completeAs(
                    "dispatcher1",
                    "dispatchers",
                    task("Task_HandleLateArrival", order),
                    withVariables("lateCause", "TRAFFIC"));
            assertThat(order).hasPassed("EndEvent_LateArrivalHandled").isWaitingAt("Task_ConfirmArrival");
            g.crewAtFault(1);
            // the crew's phone is flat: a dispatcher confirms the arrival for it, and the audit says who did
            repairs.completeAs("dispatcher2", "dispatchers", task("Task_ConfirmArrival", order), Map.of());
            assertThat(query.stats(crews.crew(g.crew(1))).arrivals()).isEqualTo(1);
            assertThat(auditActor(incidentId, "LATE_CAUSE")).isEqualTo("dispatcher1");
            assertThat(auditActor(incidentId, "ARRIVED")).isEqualTo("dispatcher2");
            assertThat(auditActor(incidentId, "ACCEPTED")).isEqualTo(g.user(1));
        }
    }

    // ---- repair: diagnosis refusals, ETR changes ----

    @Nested
    class Repair {

        private ProcessInstance onSite(long incidentId) {
            ProcessInstance order = dispatched(incidentId);
            accept(order, 1);
            g.crewAtFault(1);
            repairs.completeAs(g.user(1), "crews", task("Task_ConfirmArrival", order), Map.of());
            return order;
        }

        @Test
        void aDiagnosisNeedsACauseFromTheListAndAnEtrAhead() {
            ProcessInstance order = onSite(incidentOf(report(1)));
            Task diagnose = task("Task_DiagnoseFault", order);
            assertThatThrownBy(() -> repairs.completeAs(
                            g.user(1),
                            "crews",
                            diagnose,
                            withVariables("cause", "GREMLINS", "etr", RepairFixture.hoursAhead(2))))
                    .isInstanceOf(FormFieldValidationException.class)
                    .hasMessageContaining("cause");
            assertThatThrownBy(() -> repairs.completeAs(
                            g.user(1),
                            "crews",
                            diagnose,
                            withVariables("cause", "CABLE_FAULT", "etr", "2020-01-01T08:00+08:00")))
                    .isInstanceOf(FormFieldValidationException.class)
                    .hasMessageContaining("ETR");
            assertThat(order).isWaitingAt("Task_DiagnoseFault");
        }

        @Test
        void aNewEtrWhileTheRepairRunsIsToldToCustomers() {
            ReportAnswer answer = report(1);
            long incidentId = incidentOf(answer);
            ProcessInstance order = onSite(incidentId);
            assertThatThrownBy(() -> orders.changeEtr(record(incidentId), RepairFixture.hoursAhead(2)))
                    .isInstanceOf(Refusal.class)
                    .hasMessageContaining("not under repair");

            repairs.completeAs(
                    g.user(1),
                    "crews",
                    task("Task_DiagnoseFault", order),
                    withVariables("cause", "CABLE_FAULT", "etr", RepairFixture.hoursAhead(2)));
            String later = RepairFixture.hoursAhead(5);
            orders.changeEtr(record(incidentId), later);
            assertThat(order)
                    .hasPassed("Event_EtrUpdated", "Task_TellCustomersNewEtr")
                    .isWaitingAt("Task_CompleteRepair");
            assertThat(record(incidentId).etr())
                    .isEqualTo(OffsetDateTime.parse(later).toInstant());
            TrackingView view = customers.track(answer.reportId(), answer.trackingToken());
            assertThat(view.timeline().get(view.timeline().size() - 1).type()).isEqualTo("ETR_CHANGED");
            assertThat(view.incident().etr())
                    .isEqualTo(OffsetDateTime.parse(later).toInstant());
        }
    }

    // ---- the crew's finding corrects the prediction ----

    @Test
    void theCrewNamesTheFaultyDeviceBelowThePredictionAndTheOrderMovesThere() {
        report(1);
        ReportAnswer second = report(2);
        long incidentId = incidentOf(second);
        // two of T1's three customers: the fuse feeding T1 alone is predicted
        assertThat(record(incidentId).deviceId()).isEqualTo(g.node("FU"));
        ProcessInstance order = dispatched(incidentId);
        accept(order, 4);
        g.crewAtFault(4);
        repairs.completeAs(g.user(4), "crews", task("Task_ConfirmArrival", order), Map.of());
        Task diagnose = task("Task_DiagnoseFault", order);
        assertThat(engine.getTaskService()
                        .getVariableLocal(diagnose.getId(), "faultDevices")
                        .toString())
                .contains("\"value\":\"" + g.node("FU") + "\"")
                .contains("\"value\":\"" + g.node("T1") + "\"")
                .doesNotContain(g.node("T2"));

        assertThatThrownBy(() -> repairs.completeAs(
                        g.user(4),
                        "crews",
                        diagnose,
                        withVariables(
                                "cause",
                                "TRANSFORMER_FAULT",
                                "etr",
                                RepairFixture.hoursAhead(2),
                                "faultDeviceId",
                                g.node("T2"))))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("predicted device or one below it");
        assertThat(record(incidentId).deviceId()).isEqualTo(g.node("FU"));

        repairs.completeAs(
                g.user(4),
                "crews",
                diagnose,
                withVariables(
                        "cause",
                        "TRANSFORMER_FAULT",
                        "etr",
                        RepairFixture.hoursAhead(2),
                        "faultDeviceId",
                        g.node("T1")));
        RepairOrderRecord moved = record(incidentId);
        assertThat(moved.deviceId()).isEqualTo(g.node("T1"));
        IncidentRecord incident = incidents.find(incidentId).orElseThrow();
        assertThat(incident.rule()).isEqualTo(TriageRule.CREW_FINDING);
        assertThat(incident.predictionLines().get(0))
                .contains("the crew of " + PublicIds.incident(incidentId) + " found the fault here");
        assertThat(reports.record(second).incidentId()).isEqualTo(incidentId);
        assertThat(order).isWaitingAt("Task_CompleteRepair");
    }

    // ---- review sent back, and an order nobody rated ----

    @Test
    void aReviewSendsTheOrderBackToTheCrewWithTheRemark() {
        long incidentId = incidentOf(report(1));
        ProcessInstance order = dispatched(incidentId);
        accept(order, 1);
        g.crewAtFault(1);
        repairs.completeAs(g.user(1), "crews", task("Task_ConfirmArrival", order), Map.of());
        repairs.completeAs(
                g.user(1),
                "crews",
                task("Task_DiagnoseFault", order),
                withVariables("cause", "OTHER", "etr", RepairFixture.hoursAhead(2)));
        repairs.completeAs(
                g.user(1), "crews", task("Task_CompleteRepair", order), withVariables("resolution", "OTHER"));
        execute(job("Task_NotifyPowerRestored", order));
        execute(job("Task_NotifyRestoration", order));

        repairs.completeAs(
                "dispatcher1",
                "dispatchers",
                task("Task_ReviewRepairOrder", order),
                withVariables("reviewDecision", "SEND_BACK", "reviewRemark", "CAUSE_UNCLEAR"));
        assertThat(order).isWaitingAt("Task_AmendRepairReport");
        Task amend = task("Task_AmendRepairReport", order);
        assertThat(amend).isAssignedTo(g.user(1));
        assertThat(engine.getTaskService().getVariablesLocal(amend.getId()))
                .containsEntry("reviewRemarkText", "故障原因不清");

        repairs.completeAs(
                g.user(1), "crews", amend, withVariables("cause", "TREE_CONTACT", "resolution", "REPAIRED_LINE"));
        assertThat(order).hasPassed("Task_RecordAmendment").isWaitingAt("Task_ReviewRepairOrder");
        assertThat(record(incidentId).cause()).isEqualTo("TREE_CONTACT");
        repairs.completeAs(
                "dispatcher2",
                "dispatchers",
                task("Task_ReviewRepairOrder", order),
                withVariables("reviewDecision", "APPROVE"));
        assertThat(order).isWaitingAt("Event_RatingWindowPassed");
        assertThat(record(incidentId).reviewRemark()).isNull();

        // nobody rated: the order closes and the crew's rating stays as it was
        execute(job("Event_RatingWindowPassed", order));
        execute(job("Task_AggregateCrewRating", order));
        assertThat(order).isEnded();
        assertThat(query.stats(crews.crew(g.crew(1))).ratingsCount()).isZero();
    }

    // ---- merged away ----

    @Test
    void anOrderMergedUpstreamEndsAndItsCrewIsFree() {
        var feeder = grid.topology(g.node("F"));
        long incidentId = incidentOf(report(1));
        ProcessInstance child = dispatched(incidentId);
        accept(child, 1);
        assertThat(crews.crew(g.crew(1)).openOrders()).isEqualTo(1);

        IncidentRecord parent = incidents
                .openOrGet(feeder, g.node("FU"), TriageRule.ROLLUP_BRANCHES, "test", Instant.now())
                .incident();
        incidents.absorb(parent, List.of(incidents.find(incidentId).orElseThrow()), TriageRule.ROLLUP_BRANCHES, "test");

        // the crew is free at once; the customers hear of the merge in a step of its own
        assertThat(child).hasPassed("Task_ReleaseCrew").isWaitingAt("Task_NotifyMerged");
        assertThat(crews.crew(g.crew(1)).openOrders()).isZero();
        execute(job("Task_NotifyMerged", child));
        assertThat(child).isEnded().hasPassed("Task_ReleaseCrew", "Task_NotifyMerged", "EndEvent_RepairOrderMerged");
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .processInstanceId(child.getId())
                        .count())
                .isZero();
        assertThat(crews.crew(g.crew(1)).openOrders()).isZero();
        assertThat(repairs.order(parent.id())).isWaitingAt("Task_NotifyOutageKnown");
    }

    @Test
    void anOfferStillOpenWhenMergedIsWithdrawn() {
        var feeder = grid.topology(g.node("F"));
        long incidentId = incidentOf(report(1));
        ProcessInstance child = dispatched(incidentId);
        IncidentRecord parent = incidents
                .openOrGet(feeder, g.node("FU"), TriageRule.ROLLUP_BRANCHES, "test", Instant.now())
                .incident();
        incidents.absorb(parent, List.of(incidents.find(incidentId).orElseThrow()), TriageRule.ROLLUP_BRANCHES, "test");
        execute(job("Task_NotifyMerged", child));
        assertThat(child).isEnded();
        assertThat(attempts(incidentId))
                .singleElement()
                .satisfies(a -> assertThat(a.outcome()).isEqualTo("CANCELLED"));
        assertThat(record(incidentId).crewId()).isNull();
    }
}
