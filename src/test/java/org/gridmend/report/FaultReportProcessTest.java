package org.gridmend.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.gridmend.core.PublicIds;
import org.gridmend.core.Refusal;
import org.gridmend.electrician.JobCustomerService;
import org.gridmend.electrician.ServiceSkill;
import org.gridmend.outage.NoticeType;
import org.gridmend.outage.OutageNoticeService;
import org.gridmend.support.ElectricianFixture;
import org.gridmend.support.ProcessTest;
import org.gridmend.support.ReportFixture;
import org.gridmend.triage.IncidentService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of processes/fault-report.bpmn: the happy path in one test, the detours in groups. Jobs run only when a
 * test executes them, so each step can be asserted where the process stands.
 */
@ProcessTest
class FaultReportProcessTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    ReportFixture reports;

    @Autowired
    ReportService customer;

    @Autowired
    IncidentService incidents;

    @Autowired
    OutageNoticeService notices;

    @Autowired
    ReportMapper mapper;

    @Autowired
    ElectricianFixture electricians;

    @Autowired
    JobCustomerService jobCustomers;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    ReportFixture.Grid grid;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        grid = reports.newGrid();
    }

    /** Runs the report's first job (locate, judge, triage, acknowledge) as the job executor would. */
    private ProcessInstance received(ReportAnswer answer) {
        ProcessInstance instance = reports.process(answer);
        assertThat(instance).isWaitingAt("StartEvent_FaultReported");
        execute(job(instance));
        return instance;
    }

    private ReportRecord record(ReportAnswer answer) {
        return reports.record(answer);
    }

    private List<String> timeline(ReportAnswer answer) {
        return mapper.events(record(answer).id()).stream()
                .map(ReportEvent::type)
                .toList();
    }

    @Test
    void happyPath_reportedTriagedRestoredConfirmedRatedClosed() {
        ReportAnswer answer = reports.byCustomer(grid.customer(1));
        assertThat(answer.status()).isEqualTo(ReportStatus.RECEIVED);
        ProcessInstance instance = received(answer);

        assertThat(instance)
                .hasPassedInOrder(
                        "Task_LocateReport", "Task_JudgeReport", "Task_TriageReport", "Task_AcknowledgeReport")
                .isWaitingAt("Gateway_AwaitRestoration")
                .variables()
                .containsEntry("locateOutcome", "LOCATED")
                .containsEntry("plannedOutage", false)
                .containsEntry("behindMeter", false)
                .containsKey("incidentId");
        ReportRecord triaged = record(answer);
        assertThat(triaged.status()).isEqualTo(ReportStatus.IN_REPAIR);
        assertThat(triaged.locatedTransformerId()).isEqualTo(grid.node("T1"));
        assertThat(triaged.locateMethod()).isEqualTo("CUSTOMER_ARCHIVE");

        incidents.restore(triaged.incidentId());
        assertThat(instance).isWaitingAt("Task_AskForConfirmation");
        execute(job(instance));
        assertThat(instance).isWaitingAt("Gateway_AwaitConfirmation");
        assertThat(record(answer).status()).isEqualTo(ReportStatus.RESTORED);

        customer.confirm(answer.reportId(), answer.trackingToken(), true);
        assertThat(instance).hasPassed("Gateway_PowerBack").isWaitingAt("Task_RequestRating");
        execute(job(instance));
        assertThat(instance).isWaitingAt("Gateway_AwaitRating");
        assertThat(record(answer).status()).isEqualTo(ReportStatus.RATING);

        customer.rate(answer.reportId(), answer.trackingToken(), 5, "很快就修好了");
        assertThat(instance).isWaitingAt("Task_CloseReport");
        execute(job(instance));
        assertThat(instance).isEnded().hasPassed("EndEvent_ReportClosed");
        assertThat(record(answer).status()).isEqualTo(ReportStatus.CLOSED);
        assertThat(mapper.ratingOf(record(answer).id())).isEqualTo(5);
        assertThat(timeline(answer))
                .containsExactly("ACKNOWLEDGED", "RESTORED", "CONFIRMED", "RATING_REQUESTED", "RATED", "CLOSED");
    }

    @Nested
    class PlannedOutage {

        @Test
        void aReportFromAnAnnouncedAreaIsAnsweredByTheNoticeWithoutAnIncident() {
            Instant now = Instant.now();
            notices.announce(
                    NoticeType.PLANNED,
                    grid.node("SW"),
                    now.minus(1, ChronoUnit.HOURS),
                    now.plus(3, ChronoUnit.HOURS),
                    "线路检修",
                    "tester");
            ReportAnswer answer = reports.byCustomer(grid.customer(4));
            assertThat(answer.message()).contains("计划停电").contains("线路检修");

            ProcessInstance instance = received(answer);
            assertThat(instance)
                    .isEnded()
                    .hasPassed("Task_AnswerWithNotice", "EndEvent_AnsweredByNotice")
                    .hasNotPassed("Task_TriageReport");
            ReportRecord report = record(answer);
            assertThat(report.status()).isEqualTo(ReportStatus.PLANNED_OUTAGE);
            assertThat(report.incidentId()).isNull();
            assertThat(report.noticeId()).isNotNull();
        }
    }

    @Nested
    class BehindTheMeter {

        private ProcessInstance offered(ReportAnswer answer) {
            ProcessInstance instance = received(answer);
            assertThat(instance).hasPassed("Task_OfferSocialElectrician").isWaitingAt("Gateway_CustomerChoice");
            assertThat(record(answer).status()).isEqualTo(ReportStatus.BEHIND_METER);
            return instance;
        }

        @Test
        void theCustomerMayInsistOnAUtilityCrew() {
            ReportAnswer answer = reports.onlyMyHome(grid.customer(1));
            ProcessInstance instance = offered(answer);
            customer.chooseBehindMeter(
                    answer.reportId(), answer.trackingToken(), ReportService.BehindMeterChoice.UTILITY_CREW);
            assertThat(instance)
                    .hasPassed("Event_UtilityCrewRequested", "Task_TriageReport")
                    .isWaitingAt("Gateway_AwaitRestoration");
            assertThat(record(answer).incidentId()).isNotNull();
        }

        @Test
        void orTakeTheSocialElectricianWhoseJobTheReportFollows() {
            ReportAnswer answer = reports.onlyMyHome(grid.customer(2));
            ProcessInstance instance = offered(answer);
            ReportRecord report = record(answer);
            double[] home = home(report);
            ElectricianFixture.Electrician e =
                    electricians.approved("张电工", home[0] + 0.01, home[1], 10, ServiceSkill.HOUSE_WIRING);
            customer.chooseBehindMeter(
                    answer.reportId(), answer.trackingToken(), ReportService.BehindMeterChoice.SOCIAL_ELECTRICIAN);
            assertThat(instance).hasPassed("Task_StartElectricianJob").isWaitingAt("Gateway_ElectricianJobOutcome");
            assertThat(record(answer).status()).isEqualTo(ReportStatus.ELECTRICIAN);
            TrackingView view = customer.track(answer.reportId(), answer.trackingToken());
            assertThat(view.serviceJob().trackUrl()).startsWith("/services/job?id=E-");
            ProcessInstance job = engine.getRuntimeService()
                    .createProcessInstanceQuery()
                    .processInstanceBusinessKey(view.serviceJob().id())
                    .singleResult();
            execute(job(job));
            assertThat(task(job)).isAssignedTo(e.userId());
            // the job ends (here: the customer withdraws it before the electrician answered); the report closes
            jobCustomers.cancel(
                    view.serviceJob().id(),
                    view.serviceJob().trackUrl().replaceAll(".*#token=", ""),
                    java.util.Optional.empty());
            assertThat(instance)
                    .hasPassed("Event_ElectricianJobEnded", "Task_ReferToElectrician", "EndEvent_ReferredToElectrician")
                    .isEnded();
            assertThat(record(answer).status()).isEqualTo(ReportStatus.REFERRED);
        }

        @Test
        void withNoElectricianTheUtilityCrewIsOfferedAgainAndTheJobWithdrawn() {
            ReportAnswer answer = reports.onlyMyHome(grid.customer(3));
            ProcessInstance instance = offered(answer);
            customer.chooseBehindMeter(
                    answer.reportId(), answer.trackingToken(), ReportService.BehindMeterChoice.SOCIAL_ELECTRICIAN);
            // nobody serves this place: the job goes to a dispatcher and the report offers the utility crew
            String jobId = customer.track(answer.reportId(), answer.trackingToken())
                    .serviceJob()
                    .id();
            execute(job(engine.getRuntimeService()
                    .createProcessInstanceQuery()
                    .processInstanceBusinessKey(jobId)
                    .singleResult()));
            assertThat(instance)
                    .hasPassed("Event_NoElectricianFound", "Task_OfferUtilityCrewAgain")
                    .isWaitingAt("Gateway_ChoiceAfterNoElectrician");
            TrackingView view = customer.track(answer.reportId(), answer.trackingToken());
            assertThat(view.status()).isEqualTo(ReportStatus.BEHIND_METER);
            assertThat(view.actions().chooseBehindMeter()).isTrue();
            assertThat(view.actions().chooseElectrician()).isFalse();
            assertThatThrownBy(() -> customer.chooseBehindMeter(
                            answer.reportId(),
                            answer.trackingToken(),
                            ReportService.BehindMeterChoice.SOCIAL_ELECTRICIAN))
                    .isInstanceOf(Refusal.class);
            customer.chooseBehindMeter(
                    answer.reportId(), answer.trackingToken(), ReportService.BehindMeterChoice.UTILITY_CREW);
            assertThat(instance)
                    .hasPassed("Task_WithdrawElectricianJob", "Task_TriageReport")
                    .isWaitingAt("Gateway_AwaitRestoration");
            ProcessInstance job = engine.getRuntimeService()
                    .createProcessInstanceQuery()
                    .processInstanceBusinessKey(view.serviceJob().id())
                    .singleResult();
            assertThat(job).as("the withdrawn job has ended").isNull();
        }

        @Test
        void anElectricianADispatcherFoundLaterServesTheReport() {
            ReportAnswer answer = reports.onlyMyHome(grid.customer(5));
            ProcessInstance instance = offered(answer);
            customer.chooseBehindMeter(
                    answer.reportId(), answer.trackingToken(), ReportService.BehindMeterChoice.SOCIAL_ELECTRICIAN);
            String jobId = customer.track(answer.reportId(), answer.trackingToken())
                    .serviceJob()
                    .id();
            ProcessInstance job = engine.getRuntimeService()
                    .createProcessInstanceQuery()
                    .processInstanceBusinessKey(jobId)
                    .singleResult();
            execute(job(job));
            assertThat(instance).isWaitingAt("Gateway_ChoiceAfterNoElectrician");
            // the dispatcher finds an electrician who accepts: the utility crew is no longer on offer
            double[] home = home(record(answer));
            ElectricianFixture.Electrician e =
                    electricians.approved("陈电工", home[0] + 0.01, home[1], 10, ServiceSkill.HOUSE_WIRING);
            complete(task(job), withVariables("findDecision", "ASSIGN", "chosenElectricianId", e.publicId()));
            complete(task(job), withVariables("jobDecision", "ACCEPT", "visitFee", 30));
            assertThat(customer.track(answer.reportId(), answer.trackingToken())
                            .actions()
                            .chooseBehindMeter())
                    .isFalse();
            assertThatThrownBy(() -> customer.chooseBehindMeter(
                            answer.reportId(), answer.trackingToken(), ReportService.BehindMeterChoice.UTILITY_CREW))
                    .isInstanceOf(Refusal.class)
                    .hasMessageContaining("accepted");
            // the job ends (the quote declined): so does the report
            complete(task(job), withVariables("arrivedOnSite", true));
            complete(task(job), withVariables("jobCause", "WIRING_FAULT", "partsFee", 10, "labourFee", 90));
            String token = customer.track(answer.reportId(), answer.trackingToken())
                    .serviceJob()
                    .trackUrl()
                    .replaceAll(".*#token=", "");
            jobCustomers.answerQuote(jobId, token, java.util.Optional.empty(), false);
            assertThat(instance)
                    .hasPassed("Event_JobEndedAfterOffer", "Task_ReferToElectrician")
                    .isEnded();
            assertThat(record(answer).status()).isEqualTo(ReportStatus.REFERRED);
        }

        @Test
        void withoutAnAnswerTheReportClosesSayingSo() {
            ReportAnswer answer = reports.onlyMyHome(grid.customer(4));
            ProcessInstance instance = offered(answer);
            execute(job("Event_ChoiceWindowPassed", instance));
            assertThat(instance).isEnded().hasPassed("Task_CloseBehindMeterOffer", "EndEvent_OfferLapsed");
            assertThat(record(answer).status()).isEqualTo(ReportStatus.CLOSED);
            assertThat(customer.track(answer.reportId(), answer.trackingToken()).timeline())
                    .anyMatch(e -> e.text().contains("本次报修已结束"));
        }

        private double[] home(ReportRecord report) {
            return jdbc.queryForObject(
                    "SELECT lat, lng FROM gm_customer WHERE customer_no = ?",
                    (rs, i) -> new double[] {rs.getDouble(1), rs.getDouble(2)},
                    report.locatedCustomerNo());
        }

        @Test
        void onlyMyHomeIsAnOutageWhenANeighbourReportedToo() {
            ReportAnswer neighbour = reports.byCustomer(grid.customer(1));
            received(neighbour);
            ReportAnswer answer = reports.onlyMyHome(grid.customer(2));
            ProcessInstance instance = received(answer);
            assertThat(instance).hasNotPassed("Task_OfferSocialElectrician").isWaitingAt("Gateway_AwaitRestoration");
            assertThat(record(answer).incidentId()).isEqualTo(record(neighbour).incidentId());
        }
    }

    @Nested
    class NotLocated {

        private ProcessInstance waitingForDispatcher(ReportAnswer answer) {
            ProcessInstance instance = received(answer);
            assertThat(instance).isWaitingAt("Task_LocateReportManually").task().hasCandidateGroup("dispatchers");
            // The Camunda Form comes from the same deployment as the process.
            try (var form =
                    engine.getFormService().getDeployedTaskForm(task(instance).getId())) {
                assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8))
                        .contains("\"id\": \"LocateReport\"");
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            assertThat(record(answer).status()).isEqualTo(ReportStatus.LOCATING);
            return instance;
        }

        @Test
        void theFormShowsWhatTheCustomerSentAndCandidatesByPositionAndAddress() {
            // 1.4 km north of the customers, 1.5 km from every transformer: too far for triage to place by itself
            ReportAnswer answer = reports.unknownCustomerFarAway("2299999999", grid.lat() + 0.0135, grid.lng());
            ProcessInstance instance = waitingForDispatcher(answer);
            Task task = task(instance);
            assertThat(task.getName()).startsWith("定位 " + answer.reportId());
            Map<String, Object> shown = engine.getTaskService().getVariablesLocal(task.getId());
            assertThat(shown)
                    .containsEntry("reportNo", answer.reportId())
                    .containsEntry("typedCustomerNo", "2299999999")
                    .containsEntry("typedAddress", "人民大街 8 号")
                    .containsEntry("typedDescription", "楼里都停了")
                    .containsEntry("maskedPhone", "—");
            assertThat((String) shown.get("receivedAt")).contains("北京时间");
            assertThat((String) shown.get("position")).endsWith("(WGS-84)");
            List<String> customers =
                    JsonPath.read(shown.get("customerCandidates").toString(), "$[*].value");
            assertThat(customers.subList(0, 3))
                    .as("the nearest customers first")
                    .containsExactlyInAnyOrder(grid.customer(1), grid.customer(2), grid.customer(3));
            List<String> areas =
                    JsonPath.read(shown.get("transformerCandidates").toString(), "$[*].value");
            assertThat(areas).contains(grid.node("T1"), grid.node("T2"));

            complete(task, withVariables("locateDecision", "LOCATED", "candidateCustomerNo", grid.customer(5)));
            execute(job(instance));
            assertThat(instance).isWaitingAt("Gateway_AwaitRestoration");
            assertThat(record(answer).locatedTransformerId())
                    .as("the picked candidate")
                    .isEqualTo(grid.node("T2"));
        }

        @Test
        void aDispatcherPlacesTheReportByCustomerNumber() {
            ReportAnswer answer = reports.unknownCustomerFarAway("NO-SUCH-CUSTOMER", grid.lat() + 0.5, grid.lng());
            ProcessInstance instance = waitingForDispatcher(answer);
            complete(task(instance), withVariables("locateDecision", "LOCATED", "locatedCustomerNo", grid.customer(5)));
            execute(job(instance));
            assertThat(instance).isWaitingAt("Gateway_AwaitRestoration");
            ReportRecord report = record(answer);
            assertThat(report.locateMethod()).isEqualTo("DISPATCHER");
            assertThat(report.locatedTransformerId()).isEqualTo(grid.node("T2"));
        }

        @Test
        void aWrongEntryBringsTheTaskBack() {
            ReportAnswer answer = reports.unknownCustomerFarAway("NO-SUCH-CUSTOMER", grid.lat() + 0.5, grid.lng());
            ProcessInstance instance = waitingForDispatcher(answer);
            complete(task(instance), withVariables("locateDecision", "LOCATED", "locatedNodeId", "T-nowhere"));
            execute(job(instance));
            assertThat(instance).isWaitingAt("Task_LocateReportManually");
        }

        @Test
        void aDispatcherGroupsALocationOutsideTheArchiveByPosition() {
            ReportAnswer answer = reports.atLocation(grid.lat() + 0.5, grid.lng());
            ProcessInstance instance = waitingForDispatcher(answer);
            complete(task(instance), withVariables("locateDecision", "BY_POSITION"));
            execute(job(instance));
            assertThat(instance).isWaitingAt("Gateway_AwaitRestoration");
            assertThat(record(answer).incidentId()).isNotNull();
        }

        @Test
        void aReportNobodyCanPlaceIsClosed() {
            ReportAnswer answer = reports.unknownCustomerFarAway("NO-SUCH-CUSTOMER", grid.lat() + 0.5, grid.lng());
            ProcessInstance instance = waitingForDispatcher(answer);
            complete(task(instance), withVariables("locateDecision", "UNLOCATABLE"));
            execute(job(instance));
            assertThat(instance).isEnded().hasPassed("Task_CloseUnlocatedReport", "EndEvent_ReportUnlocated");
            assertThat(record(answer).status()).isEqualTo(ReportStatus.UNLOCATED);
        }
    }

    @Nested
    class AfterRestoration {

        private ProcessInstance restored(ReportAnswer answer) {
            ProcessInstance instance = received(answer);
            incidents.restore(record(answer).incidentId());
            execute(job(instance));
            assertThat(instance).isWaitingAt("Gateway_AwaitConfirmation");
            return instance;
        }

        @Test
        void stillOutIsANestedOutageTriagedWithoutTheRestoredIncident() {
            ReportAnswer answer = reports.byCustomer(grid.customer(1));
            ProcessInstance instance = restored(answer);
            long restoredIncident = record(answer).incidentId();

            customer.confirm(answer.reportId(), answer.trackingToken(), false);

            assertThat(instance).hasPassed("Task_RecordNestedOutage").isWaitingAt("Gateway_AwaitRestoration");
            ReportRecord report = record(answer);
            assertThat(report.incidentId()).isNotEqualTo(restoredIncident);
            assertThat(report.excludedIncidentId()).isEqualTo(restoredIncident);
            assertThat(report.status()).isEqualTo(ReportStatus.IN_REPAIR);
            assertThat(timeline(answer)).contains("STILL_OUT");
        }

        @Test
        void anAnswerBeforeTheReportIsAskedIsKeptAndTakenWhenItIs() {
            // the restoration message reaches everyone at once; this report's process is told a moment later
            ReportAnswer answer = reports.byCustomer(grid.customer(1));
            ProcessInstance instance = received(answer);
            incidents.restore(record(answer).incidentId());
            assertThat(instance).isWaitingAt("Task_AskForConfirmation");

            customer.confirm(answer.reportId(), answer.trackingToken(), true);
            assertThat(record(answer).powerRestored()).isTrue();
            execute(job(instance));
            assertThat(instance)
                    .hasPassed("Gateway_AnsweredAlready", "Gateway_PowerBack")
                    .hasNotPassed("Gateway_AwaitConfirmation")
                    .isWaitingAt("Task_RequestRating");
            assertThat(timeline(answer)).endsWith("CONFIRMED");
        }

        @Test
        void stillOutBeforeTheReportHearsOfTheRestorationIsANestedOutageToo() {
            ReportAnswer answer = reports.byCustomer(grid.customer(2));
            ProcessInstance instance = received(answer);
            long restoredIncident = record(answer).incidentId();
            incidents.markRestored(restoredIncident);

            customer.confirm(answer.reportId(), answer.trackingToken(), false);
            incidents.notifyRestored(List.of(record(answer).id()));
            execute(job(instance));
            assertThat(instance)
                    .hasPassed("Gateway_AnsweredAlready", "Task_RecordNestedOutage")
                    .isWaitingAt("Gateway_AwaitRestoration");
            assertThat(record(answer).excludedIncidentId()).isEqualTo(restoredIncident);
        }

        @Test
        void noAnswerWithinTheWindowCountsAsPowerBack() {
            ReportAnswer answer = reports.byCustomer(grid.customer(2));
            ProcessInstance instance = restored(answer);
            execute(job("Event_ConfirmationWindowPassed", instance));
            assertThat(instance).isWaitingAt("Task_RequestRating");
        }

        @Test
        void powerBackBeforeTheRepairOrderSaysSoGoesStraightToTheRating() {
            ReportAnswer answer = reports.byCustomer(grid.customer(3));
            ProcessInstance instance = received(answer);
            customer.confirm(answer.reportId(), answer.trackingToken(), true);
            assertThat(instance).hasPassed("Event_CustomerConfirmedEarly").isWaitingAt("Task_RequestRating");
        }

        @Test
        void stillOutIsNotNewsWhileTheCrewWorks() {
            ReportAnswer answer = reports.byCustomer(grid.customer(3));
            received(answer);
            assertThatThrownBy(() -> customer.confirm(answer.reportId(), answer.trackingToken(), false))
                    .isInstanceOf(Refusal.class)
                    .hasMessageContaining("does not expect");
        }

        @Test
        void anUnratedReportClosesAfterTheRatingWindow() {
            ReportAnswer answer = reports.byCustomer(grid.customer(4));
            ProcessInstance instance = restored(answer);
            customer.confirm(answer.reportId(), answer.trackingToken(), true);
            execute(job(instance));
            assertThat(instance).isWaitingAt("Gateway_AwaitRating");
            execute(job("Event_RatingWindowPassed", instance));
            execute(job(instance));
            assertThat(instance).isEnded().hasPassed("Task_CloseUnratedReport", "EndEvent_ReportClosedUnrated");
            assertThat(record(answer).status()).isEqualTo(ReportStatus.CLOSED);
        }
    }

    @Test
    void theProcessKeepsIdsAndFlagsOnly() {
        ReportAnswer answer = reports.byCustomer(grid.customer(6));
        ProcessInstance instance = received(answer);
        assertThat(engine.getRuntimeService().getVariables(instance.getId()).keySet())
                .containsExactlyInAnyOrder("reportId", "locateOutcome", "plannedOutage", "behindMeter", "incidentId");
        assertThat(instance.getBusinessKey())
                .isEqualTo(PublicIds.report(record(answer).id()));
    }
}
