package org.gridmend.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.gridmend.core.PublicIds;
import org.gridmend.notify.NotificationMapper;
import org.gridmend.notify.NotificationRecord;
import org.gridmend.report.ReportAnswer;
import org.gridmend.report.ReportStatus;
import org.gridmend.support.ProcessTest;
import org.gridmend.support.ReportFixture;
import org.gridmend.triage.IncidentService;
import org.gridmend.triage.IncidentState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of processes/outage-notice.bpmn: planned a week ahead, planned and under way until a dispatcher ends it,
 * withdrawn before it began, a fault notice that opens the device's repair order and ends with its restoration, and
 * the Tasklist start form. Notices here cover the switch P-SW: customers C1 to C5 (T1 and T2), not C6 (T3).
 */
@ProcessTest
class OutageNoticeProcessTest {

    private static final List<String> BELOW_SWITCH = List.of("C1", "C2", "C3", "C4", "C5");

    @Autowired
    ProcessEngine engine;

    @Autowired
    ReportFixture reports;

    @Autowired
    OutageNoticeService notices;

    @Autowired
    IncidentService incidents;

    @Autowired
    NotificationMapper outbox;

    @Autowired
    JdbcTemplate jdbc;

    ReportFixture.Grid g;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        g = reports.newGrid();
    }

    @AfterEach
    void signOut() {
        engine.getIdentityService().clearAuthentication();
    }

    private long publish(NoticeType type, Duration startsIn, Duration lasts) {
        Instant start = Instant.now().plus(startsIn).truncatedTo(ChronoUnit.SECONDS);
        return notices.announce(type, g.node("SW"), start, start.plus(lasts), "10kV 线路检修", "dispatcher1")
                .noticeId();
    }

    private ProcessInstance process(long noticeId) {
        return engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(PublicIds.notice(noticeId))
                .singleResult();
    }

    private List<NotificationRecord> messages(long noticeId) {
        return jdbc
                .queryForList("SELECT id FROM gm_notification WHERE notice_id = ? ORDER BY id", Long.class, noticeId)
                .stream()
                .map(outbox::find)
                .toList();
    }

    /** Who heard each event of the notice, by customer (the grid's prefix left off). */
    private Map<String, List<String>> told(long noticeId) {
        return messages(noticeId).stream()
                .collect(Collectors.groupingBy(
                        NotificationRecord::eventType,
                        TreeMap::new,
                        Collectors.mapping(
                                n -> n.customerNo().substring(g.p().length()),
                                Collectors.collectingAndThen(
                                        Collectors.toList(),
                                        l -> l.stream().sorted().toList()))));
    }

    private Instant due(ProcessInstance instance, String activityId) {
        Job timer = engine.getManagementService()
                .createJobQuery()
                .processInstanceId(instance.getId())
                .activityId(activityId)
                .singleResult();
        return timer.getDuedate().toInstant();
    }

    @Test
    void aPlannedOutageIsAnnouncedAWeekAndADayAheadThenItsEnd() {
        long noticeId = publish(NoticeType.PLANNED, Duration.ofDays(3), Duration.ofHours(4));
        OutageNoticeRecord notice = notices.find(noticeId).orElseThrow();
        ProcessInstance instance = process(noticeId);
        // three days ahead: the week-ahead message is due at once, the day-ahead one 24 h before
        assertThat(instance)
                .isWaitingAt("Event_WeekBefore")
                .variables()
                .containsEntry("weekAhead", true)
                .containsEntry("faultNotice", false)
                .containsOnlyKeys("noticeId", "weekAhead", "faultNotice");
        assertThat(due(instance, "Event_WeekBefore")).isBefore(Instant.now());
        execute(job("Event_WeekBefore", instance));
        assertThat(told(noticeId)).containsOnly(Map.entry("NOTICE_WEEK_BEFORE", BELOW_SWITCH));

        assertThat(instance).isWaitingAt("Event_DayBefore");
        assertThat(due(instance, "Event_DayBefore")).isEqualTo(notice.startsAt().minus(Duration.ofDays(1)));
        execute(job("Event_DayBefore", instance));
        assertThat(told(noticeId)).containsEntry("NOTICE_DAY_BEFORE", BELOW_SWITCH);
        NotificationRecord sample = messages(noticeId).stream()
                .filter(n -> n.eventType().equals("NOTICE_DAY_BEFORE"))
                .findFirst()
                .orElseThrow();
        assertThat(jdbc.queryForObject("SELECT text FROM gm_notification WHERE id = ?", String.class, sample.id()))
                .contains("计划停电")
                .contains("10kV 线路检修");

        assertThat(instance).isWaitingAt("Event_ExpectedEnd");
        assertThat(due(instance, "Event_ExpectedEnd")).isEqualTo(notice.expectedEndAt());
        execute(job("Event_ExpectedEnd", instance));
        assertThat(instance).hasPassed("Task_EndNotice").isWaitingAt("Task_NotifyNoticeEnded");
        execute(job("Task_NotifyNoticeEnded", instance));
        assertThat(instance).isEnded().hasPassed("EndEvent_NoticeClosed");
        assertThat(told(noticeId)).containsEntry("NOTICE_ENDED", BELOW_SWITCH);
        assertThat(notices.find(noticeId).orElseThrow()).satisfies(n -> {
            assertThat(n.state()).isEqualTo("ENDED");
            assertThat(n.endReason()).isEqualTo("EXPECTED_END");
        });
    }

    @Test
    void aPlannedOutageUnderWayAnswersReportsUntilADispatcherEndsIt() {
        long noticeId = publish(NoticeType.PLANNED, Duration.ofMinutes(-10), Duration.ofHours(4));
        ProcessInstance instance = process(noticeId);
        assertThat(instance).isWaitingAt("Event_DayBefore").variables().containsEntry("weekAhead", false);
        execute(job("Event_DayBefore", instance));
        assertThat(told(noticeId)).containsOnly(Map.entry("NOTICE_DAY_BEFORE", BELOW_SWITCH));

        // C1 reports anyway: the notice answers, nobody is dispatched
        ReportAnswer answered = reports.byCustomer(g.customer(1));
        ProcessInstance report = reports.process(answered);
        execute(job(report));
        assertThat(report).isEnded().hasPassed("Task_NotifyNoticeAnswer", "EndEvent_AnsweredByNotice");
        assertThat(reports.record(answered).status()).isEqualTo(ReportStatus.PLANNED_OUTAGE);
        assertThat(told(noticeId)).containsEntry("OUTAGE_NOTICE_ANSWER", List.of("C1"));

        notices.endNow(noticeId);
        assertThat(instance).hasPassed("Task_EndNotice").isWaitingAt("Task_NotifyNoticeEnded");
        assertThat(notices.find(noticeId).orElseThrow().endReason()).isEqualTo("ENDED");
        execute(job("Task_NotifyNoticeEnded", instance));
        assertThat(instance).isEnded();
        assertThat(told(noticeId)).containsEntry("NOTICE_ENDED", BELOW_SWITCH);

        // over: a report from C2 now is a fault of its own
        ReportAnswer later = reports.byCustomer(g.customer(2));
        execute(job(reports.process(later)));
        assertThat(reports.record(later).incidentId()).isNotNull();
        assertThat(reports.record(later).noticeId()).isNull();
    }

    @Test
    void aPlannedOutageWithdrawnBeforeItBeginsIsCalledOff() {
        long noticeId = publish(NoticeType.PLANNED, Duration.ofDays(10), Duration.ofHours(4));
        ProcessInstance instance = process(noticeId);
        assertThat(due(instance, "Event_WeekBefore")).isAfter(Instant.now());
        notices.endNow(noticeId);
        assertThat(instance).hasPassed("Task_EndNotice").isWaitingAt("Task_NotifyNoticeCancelled");
        execute(job("Task_NotifyNoticeCancelled", instance));
        assertThat(instance).isEnded();
        assertThat(told(noticeId)).containsOnly(Map.entry("NOTICE_CANCELLED", BELOW_SWITCH));
        assertThat(engine.getManagementService()
                        .createJobQuery()
                        .processInstanceId(instance.getId())
                        .count())
                .isZero();
    }

    @Test
    void aFaultNoticeReachesEveryoneBelowAtOnceOpensTheRepairOrderAndEndsWithIt() {
        long noticeId = publish(NoticeType.FAULT, Duration.ZERO, Duration.ofHours(3));
        ProcessInstance instance = process(noticeId);
        assertThat(instance)
                .hasPassed("Task_OpenIncident", "Task_NotifyFaultOutage")
                .isWaitingAt("Event_ExpectedEnd");
        assertThat(told(noticeId)).containsOnly(Map.entry("NOTICE_FAULT", BELOW_SWITCH));

        long incidentId = notices.find(noticeId).orElseThrow().incidentId();
        assertThat(incidents.find(incidentId).orElseThrow().deviceId()).isEqualTo(g.node("SW"));
        ProcessInstance order = engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(PublicIds.incident(incidentId))
                .singleResult();
        // the repair order does not tell them of the outage a second time
        execute(job("Task_NotifyOutageKnown", order));
        assertThat(outbox.list(null, incidentId, 1000))
                .noneMatch(n -> n.eventType().equals("OUTAGE_KNOWN"));

        // a second fault notice on the same device joins the same order
        long again = publish(NoticeType.FAULT, Duration.ZERO, Duration.ofHours(3));
        assertThat(notices.find(again).orElseThrow().incidentId()).isEqualTo(incidentId);

        assertThat(incidents.markRestored(incidentId)).isTrue();
        assertThat(incidents.find(incidentId).orElseThrow().state()).isEqualTo(IncidentState.RESTORED);
        assertThat(instance)
                .isEnded()
                .hasPassed("Task_EndNotice", "EndEvent_NoticeClosed")
                .hasNotPassed("Task_NotifyNoticeEnded");
        assertThat(process(again)).isNull();
        assertThat(notices.find(noticeId).orElseThrow()).satisfies(n -> {
            assertThat(n.state()).isEqualTo("ENDED");
            assertThat(n.endReason()).isEqualTo("INCIDENT_RESTORED");
        });
        assertThat(told(noticeId)).containsOnlyKeys("NOTICE_FAULT");
    }

    @Test
    void aDispatcherPublishesFromTasklistsStartFormAndBadFieldsAreRefused() {
        var definition = engine.getRepositoryService()
                .createProcessDefinitionQuery()
                .processDefinitionKey("OutageNotice")
                .latestVersion()
                .singleResult();
        String start = OffsetDateTime.now(ZoneOffset.ofHours(8))
                .plusHours(2)
                .truncatedTo(ChronoUnit.MINUTES)
                .toString();
        String end = OffsetDateTime.now(ZoneOffset.ofHours(8))
                .plusHours(6)
                .truncatedTo(ChronoUnit.MINUTES)
                .toString();
        engine.getIdentityService().setAuthentication("dispatcher1", List.of("dispatchers"));

        assertThatThrownBy(() -> engine.getFormService()
                        .submitStartForm(
                                definition.getId(),
                                Map.of(
                                        "noticeType",
                                        "PLANNED",
                                        "deviceId",
                                        "NO-SUCH-DEVICE",
                                        "start",
                                        start,
                                        "expectedEnd",
                                        end)))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("deviceId");
        assertThatThrownBy(() -> engine.getFormService()
                        .submitStartForm(
                                definition.getId(),
                                Map.of(
                                        "noticeType",
                                        "PLANNED",
                                        "deviceId",
                                        g.node("SW"),
                                        "start",
                                        end,
                                        "expectedEnd",
                                        start)))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("expectedEnd");

        ProcessInstance instance = engine.getFormService()
                .submitStartForm(
                        definition.getId(),
                        Map.of(
                                "noticeType",
                                "PLANNED",
                                "deviceId",
                                g.node("SW"),
                                "start",
                                start,
                                "expectedEnd",
                                end,
                                "reason",
                                "变压器更换"));
        long noticeId = (Long) engine.getRuntimeService().getVariable(instance.getId(), "noticeId");
        assertThat(engine.getRuntimeService()
                        .createProcessInstanceQuery()
                        .processInstanceId(instance.getId())
                        .singleResult()
                        .getBusinessKey())
                .isEqualTo(PublicIds.notice(noticeId));
        assertThat(engine.getRuntimeService().getVariables(instance.getId()))
                .containsOnlyKeys("noticeId", "weekAhead", "faultNotice");
        assertThat(notices.find(noticeId).orElseThrow()).satisfies(n -> {
            assertThat(n.createdBy()).isEqualTo("dispatcher1");
            assertThat(n.reason()).isEqualTo("变压器更换");
            assertThat(n.startsAt()).isEqualTo(OffsetDateTime.parse(start).toInstant());
        });
        assertThat(instance).isWaitingAt("Event_DayBefore");
    }
}
