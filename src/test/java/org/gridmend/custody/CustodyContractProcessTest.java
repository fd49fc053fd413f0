package org.gridmend.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.gridmend.core.ProcessConstants;
import org.gridmend.core.Refusal;
import org.gridmend.customer.CustomerSession;
import org.gridmend.electrician.ServiceSkill;
import org.gridmend.report.ReportAnswer;
import org.gridmend.support.ElectricianFixture;
import org.gridmend.support.ProcessTest;
import org.gridmend.support.ReportFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of processes/custody-contract.bpmn: application, review, acceptance, two inspection rounds on the
 * engine's clock, renewal and the end in one test; refusal, a declined and a lapsed offer, both sides' defects, an
 * overdue inspection, the monthly summary and a custody customer's fault report in the rest.
 */
@ProcessTest
class CustodyContractProcessTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    ReportFixture reports;

    @Autowired
    ElectricianFixture electricians;

    @Autowired
    CustodyService custody;

    @Autowired
    JdbcTemplate jdbc;

    ReportFixture.Grid grid;
    String customerNo;
    CustomerSession session;
    ElectricianFixture.Electrician keeper;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        grid = reports.newGrid();
        customerNo = grid.customer(1);
        jdbc.update("UPDATE gm_customer SET kind = 'BUSINESS' WHERE customer_no = ?", customerNo);
        session = new CustomerSession(
                "+86138" + String.format("%08d", Math.abs(customerNo.hashCode()) % 100_000_000),
                List.of(customerNo, grid.customer(2)),
                Instant.now().plusSeconds(3600));
        double[] site = jdbc.queryForObject(
                "SELECT lat, lng FROM gm_customer WHERE customer_no = ?",
                (rs, i) -> new double[] {rs.getDouble(1), rs.getDouble(2)},
                customerNo);
        keeper = electricians.approved("卫配电", site[0] + 0.01, site[1], 20, ServiceSkill.DISTRIBUTION_ROOM);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private ContractView apply() {
        return custody.apply(
                session,
                new CustodyApplication(
                        UUID.randomUUID().toString(),
                        customerNo,
                        "STANDARD",
                        List.of(
                                new CustodyApplication.Item("TRANSFORMER", "630 kVA", "特变电工", 2015, "配电房东侧"),
                                new CustodyApplication.Item("SWITCHGEAR", "10 kV KYN28", "正泰", 2016, "配电房北墙"))));
    }

    private ProcessInstance instance(ContractView contract) {
        return engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(ProcessConstants.CUSTODY_CONTRACT)
                .processInstanceBusinessKey(contract.id())
                .singleResult();
    }

    private ProcessInstance active(ContractView contract) {
        ProcessInstance instance = instance(contract);
        complete(
                task(instance),
                withVariables(
                        "custodyDecision",
                        "APPROVE",
                        "custodyElectricianId",
                        keeper.publicId(),
                        "monthlyFee",
                        3000,
                        "termMonths",
                        "12"));
        custody.answerOffer(session, contract.id(), true);
        assertThat(instance)
                .hasPassed("Task_ActivateContract")
                .isWaitingAt("Event_InspectionRoundDue", "Event_MonthEnded", "Event_RenewalDue");
        return instance;
    }

    private Map<String, Object> checklist(String defect) {
        Map<String, Object> form = new HashMap<>();
        form.put("temperatureC", 38.5);
        form.put("noise", "NORMAL");
        form.put("cleanliness", "CLEAN");
        form.put("insulationMohm", 2500);
        form.put("defect", defect);
        return form;
    }

    private List<String> texts() {
        return jdbc.queryForList(
                "SELECT text FROM gm_notification WHERE phone = ? ORDER BY id",
                String.class,
                session.phone().substring(3));
    }

    @Test
    void anAcceptedContractRunsItsRoundsIsRenewedAndEnds() {
        ContractView contract = apply();
        ProcessInstance instance = instance(contract);
        assertThat(task(instance)).hasCandidateGroup("custody");
        assertThat(engine.getTaskService()
                        .getVariable(task(instance).getId(), "custodySummary")
                        .toString())
                .contains("变压器 630 kVA")
                .contains("开关柜");
        ProcessInstance running = active(contract);
        ContractView view = custody.view(session, contract.id());
        assertThat(view.status()).isEqualTo("ACTIVE");
        assertThat(view.electricians())
                .extracting(ContractView.Electrician::name)
                .containsExactly("卫配电");

        for (int round = 1; round <= 2; round++) {
            // the round is due a month after the previous one; on the engine's clock, it is then executable
            Job due = job("Event_InspectionRoundDue", running);
            Instant expected = ZonedDateTime.ofInstant(view.startsAt(), ZoneId.of("Asia/Shanghai"))
                    .plusMonths(round)
                    .toInstant();
            assertThat(due.getDuedate().toInstant()).isEqualTo(expected);
            assertThat(engine.getManagementService()
                            .createJobQuery()
                            .jobId(due.getId())
                            .executable()
                            .count())
                    .isZero();
            ClockUtil.setCurrentTime(Date.from(expected.plusSeconds(60)));
            assertThat(engine.getManagementService()
                            .createJobQuery()
                            .jobId(due.getId())
                            .executable()
                            .count())
                    .isOne();
            execute(due);
            for (int piece = 0; piece < 2; piece++) {
                assertThat(running).isWaitingAt("Task_InspectEquipment");
                assertThat(task(running)).isAssignedTo(keeper.userId());
                engine.getTaskService().complete(task(running).getId(), checklist("NONE"));
            }
            assertThat(running).isWaitingAt("Event_InspectionRoundDue");
        }
        List<ContractView.Inspection> inspections =
                custody.view(session, contract.id()).inspections();
        assertThat(inspections).hasSize(4).allMatch(i -> "OK".equals(i.result()) && i.doneAt() != null);
        assertThat(inspections).extracting(ContractView.Inspection::kind).allMatch(k -> k.startsWith("月度巡视"));
        assertThat(Equipment.due(Equipment.Type.TRANSFORMER, 3)).isEqualTo(Equipment.Inspection.QUARTERLY_INFRARED);
        assertThat(Equipment.due(Equipment.Type.GENERATOR, 3)).isEqualTo(Equipment.Inspection.MONTHLY_INSPECTION);
        assertThat(Equipment.due(Equipment.Type.SWITCHGEAR, 12)).isEqualTo(Equipment.Inspection.YEARLY_TEST);

        // 30 days before the end: a renewal, accepted on the page, moves the end on by the term
        Instant ends = custody.view(session, contract.id()).endsAt();
        execute(job("Event_RenewalDue", running));
        assertThat(custody.view(session, contract.id()).actions().acceptRenewal())
                .isTrue();
        custody.acceptRenewal(session, contract.id());
        assertThat(running).hasPassed("Task_RenewContract");
        Instant renewed = custody.view(session, contract.id()).endsAt();
        assertThat(renewed)
                .isEqualTo(ZonedDateTime.ofInstant(ends, ZoneId.of("Asia/Shanghai"))
                        .plusMonths(12)
                        .toInstant());
        // the renewed term's own renewal offer comes 30 days before its end; declined by silence, the end comes
        assertThat(job("Event_RenewalDue", running).getDuedate().toInstant())
                .isEqualTo(renewed.minus(java.time.Duration.ofDays(30)));
        execute(job("Event_RenewalDue", running));
        assertThat(job("Event_ContractEnded", running).getDuedate().toInstant()).isEqualTo(renewed);

        // the end stops everything: no round, no summary waits any more
        execute(job("Event_ContractEnded", running));
        assertThat(running)
                .hasPassed("Task_EndContract", "EndEvent_ContractEnded")
                .isEnded();
        assertThat(custody.view(session, contract.id()).status()).isEqualTo("ENDED");
        assertThat(engine.getManagementService()
                        .createJobQuery()
                        .processInstanceId(running.getId())
                        .count())
                .isZero();
        assertThat(texts()).anyMatch(t -> t.contains("已续约")).anyMatch(t -> t.contains("已到期结束"));
    }

    @Nested
    class BeforeTheContract {

        @Test
        void onlyABusinessNumberOfThePhoneMayApplyOnce() {
            assertThatThrownBy(() -> custody.apply(
                            session,
                            new CustodyApplication(
                                    UUID.randomUUID().toString(),
                                    grid.customer(2),
                                    "BASIC",
                                    List.of(new CustodyApplication.Item("CABLE", "YJV22", "远东", 2018, "电缆沟")))))
                    .isInstanceOf(Refusal.class)
                    .hasMessageContaining("household");
            assertThatThrownBy(() -> custody.apply(
                            session,
                            new CustodyApplication(
                                    UUID.randomUUID().toString(),
                                    customerNo,
                                    "BASIC",
                                    List.of(new CustodyApplication.Item("BOILER", "x", "y", 2018, "z")))))
                    .isInstanceOf(Refusal.class)
                    .extracting("field")
                    .isEqualTo("equipment[0].type");
            apply();
            assertThatThrownBy(this::applyAgain).isInstanceOf(Refusal.class).hasMessageContaining("has a custody");
        }

        private void applyAgain() {
            apply();
        }

        @Test
        void aRefusalNamesItsReason() {
            ProcessInstance instance = instance(apply());
            assertThatThrownBy(() -> complete(task(instance), withVariables("custodyDecision", "REFUSE")))
                    .isInstanceOf(FormFieldValidationException.class);
            assertThatThrownBy(() -> complete(
                            task(instance),
                            withVariables(
                                    "custodyDecision",
                                    "APPROVE",
                                    "custodyElectricianId",
                                    "EL99999",
                                    "monthlyFee",
                                    1,
                                    "termMonths",
                                    "12")))
                    .isInstanceOf(FormFieldValidationException.class)
                    .hasMessageContaining("pick an electrician");
            complete(
                    task(instance),
                    withVariables("custodyDecision", "REFUSE", "custodyRefusalReason", "EQUIPMENT_UNCLEAR"));
            assertThat(instance)
                    .hasPassed("Task_TellCustodyRefusal", "EndEvent_CustodyRefused")
                    .isEnded();
            assertThat(texts()).anyMatch(t -> t.contains("设备信息不完整"));
        }

        @Test
        void aDeclinedOrUnansweredOfferClosesTheContract() {
            ContractView first = apply();
            ProcessInstance declined = instance(first);
            complete(
                    task(declined),
                    withVariables(
                            "custodyDecision",
                            "APPROVE",
                            "custodyElectricianId",
                            keeper.publicId(),
                            "monthlyFee",
                            2000,
                            "termMonths",
                            "24"));
            assertThat(custody.view(session, first.id()).actions().answerOffer())
                    .isTrue();
            custody.answerOffer(session, first.id(), false);
            assertThat(declined)
                    .hasPassed("Event_ContractDeclined", "EndEvent_ContractNotSigned")
                    .isEnded();
            assertThat(custody.view(session, first.id()).status()).isEqualTo("NOT_SIGNED");

            ContractView second = apply();
            ProcessInstance lapsed = instance(second);
            complete(
                    task(lapsed),
                    withVariables(
                            "custodyDecision",
                            "APPROVE",
                            "custodyElectricianId",
                            keeper.publicId(),
                            "monthlyFee",
                            2000,
                            "termMonths",
                            "36"));
            execute(job("Event_ContractOfferLapsed", lapsed));
            assertThat(lapsed).hasPassed("Task_CloseUnsignedContract").isEnded();
        }
    }

    @Nested
    class DuringTheContract {

        private ProcessInstance firstInspection(ContractView contract) {
            ProcessInstance running = active(contract);
            execute(job("Event_InspectionRoundDue", running));
            assertThat(running).isWaitingAt("Task_InspectEquipment");
            return running;
        }

        private void inspect(ProcessInstance running, String defect) {
            engine.getTaskService().complete(task(running).getId(), checklist(defect));
        }

        @Test
        void aDefectOnTheCustomersSideStartsAnElectricianJob() {
            ContractView contract = apply();
            ProcessInstance running = firstInspection(contract);
            inspect(running, "CUSTOMER");
            assertThat(running).hasPassed("Task_StartDefectJob");
            ContractView.Inspection found = custody.view(session, contract.id()).inspections().stream()
                    .filter(i -> "DEFECT_CUSTOMER".equals(i.result()))
                    .findFirst()
                    .orElseThrow();
            assertThat(found.followUp()).startsWith("E-");
            assertThat(jdbc.queryForObject(
                            "SELECT skill FROM gm_service_job WHERE request_id = ?",
                            String.class,
                            "custody-" + found.id()))
                    .isEqualTo("DISTRIBUTION_ROOM");
        }

        @Test
        void aDefectOnTheUtilitysSideIsAFaultReport() {
            ContractView contract = apply();
            ProcessInstance running = firstInspection(contract);
            inspect(running, "UTILITY");
            assertThat(running).hasPassed("Task_ReportUtilityFault");
            ContractView.Inspection found = custody.view(session, contract.id()).inspections().stream()
                    .filter(i -> "DEFECT_UTILITY".equals(i.result()))
                    .findFirst()
                    .orElseThrow();
            assertThat(found.followUp()).startsWith("B-");
            assertThat(jdbc.queryForObject(
                            "SELECT customer_no FROM gm_report WHERE request_id = ?",
                            String.class,
                            "custody-" + found.id()))
                    .isEqualTo(customerNo);
        }

        @Test
        void anOverdueInspectionGoesToTheCustodyDispatcherAndStaysOpen() {
            ContractView contract = apply();
            ProcessInstance running = firstInspection(contract);
            execute(job("Event_InspectionOverdue", running));
            org.camunda.bpm.engine.task.Task chase = engine.getTaskService()
                    .createTaskQuery()
                    .processInstanceId(running.getId())
                    .taskDefinitionKey("Task_ChaseOverdueInspection")
                    .singleResult();
            assertThat(chase.getName()).contains(contract.id());
            assertThat(engine.getTaskService()
                            .getVariable(chase.getId(), "inspectionSummary")
                            .toString())
                    .contains("超期")
                    .contains(keeper.userId());
            engine.getTaskService().complete(chase.getId(), Map.of("chaseContacted", true));
            assertThat(running)
                    .hasPassed("Task_RecordChase", "EndEvent_OverdueChased")
                    .isWaitingAt("Task_InspectEquipment");
        }

        @Test
        void theMonthsSummaryGoesToTheCustomer() {
            ContractView contract = apply();
            ProcessInstance running = firstInspection(contract);
            execute(job("Event_MonthEnded", running));
            assertThat(running).hasPassed("Task_SendMonthlySummary").isWaitingAt("Event_MonthEnded");
            assertThat(texts()).anyMatch(t -> t.contains("完成巡检") && t.contains(contract.id()));
        }

        @Test
        void aFaultReportOfTheCustomerIsFlaggedAndItsElectricianTold() {
            active(apply());
            ReportAnswer answer = reports.byCustomer(customerNo);
            execute(job(reports.process(answer)));
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM gm_audit_event WHERE type = 'CUSTODY_FAULT_FLAGGED' AND customer_no = ?",
                            Integer.class,
                            customerNo))
                    .isEqualTo(1);
            assertThat(jdbc.queryForList(
                            "SELECT text FROM gm_notification WHERE phone = ? AND event_type = 'CUSTODY_FAULT'",
                            String.class,
                            keeper.phone().substring(3)))
                    .singleElement()
                    .asString()
                    .contains(customerNo)
                    .contains(answer.reportId());
        }
    }
}
