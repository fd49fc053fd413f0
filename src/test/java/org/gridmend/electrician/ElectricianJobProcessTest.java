package org.gridmend.electrician;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.gridmend.core.ProcessConstants;
import org.gridmend.core.Refusal;
import org.gridmend.customer.CustomerSession;
import org.gridmend.support.ElectricianFixture;
import org.gridmend.support.ProcessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of processes/electrician-job.bpmn: offer, accept, arrive, quote, quote accepted, complete, confirm and
 * rate in one test; the offers' order, lapse, decline and the dispatcher in another; the quote declined and
 * unanswered, the dispute, the unconfirmed close, withdrawal and cancellation, and refused completions in the rest.
 * Timers run only when a test executes them.
 */
@ProcessTest
class ElectricianJobProcessTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    ElectricianFixture electricians;

    @Autowired
    JobRequestService requests;

    @Autowired
    JobCustomerService customers;

    @Autowired
    JdbcTemplate jdbc;

    double lat;
    double lng;
    CustomerSession customer;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        lat = 22 + ThreadLocalRandom.current().nextDouble(25);
        lng = 80 + ThreadLocalRandom.current().nextDouble(45);
        customer = new CustomerSession(
                "+86137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)),
                List.of(),
                Instant.now().plusSeconds(3600));
    }

    private JobRequestService.Requested request(ServiceSkill skill) {
        return requests.request(
                customer,
                new ServiceRequest(
                        UUID.randomUUID().toString(),
                        "ELECTRICIAN",
                        skill.name(),
                        new ServiceRequest.Location(lat, lng),
                        "幸福路 8 号 3 单元 501",
                        "客厅插座没电，空开合不上",
                        "TODAY"));
    }

    /** The job's process, past its asynchronous start (where the first offer is made). */
    private ProcessInstance instance(JobRequestService.Requested job) {
        ProcessInstance instance = engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(ProcessConstants.ELECTRICIAN_JOB)
                .processInstanceBusinessKey(job.id())
                .singleResult();
        assertThat(instance).isWaitingAt("StartEvent_JobRequested");
        execute(job(instance));
        return instance;
    }

    private JobView view(JobRequestService.Requested job) {
        return customers.view(job.id(), job.token(), Optional.empty());
    }

    /** About {@code km} north of the job's place. */
    private double north(double km) {
        return lat + km / 111.0;
    }

    private void accept(ProcessInstance instance, ElectricianFixture.Electrician e, int fee) {
        assertThat(instance).isWaitingAt("Task_AcceptJob");
        assertThat(task(instance)).isAssignedTo(e.userId());
        complete(task(instance), withVariables("jobDecision", "ACCEPT", "visitFee", fee));
    }

    private void workToQuote(ProcessInstance instance) {
        complete(task(instance), withVariables("arrivedOnSite", true));
        complete(task(instance), withVariables("jobCause", "BREAKER_TRIPPED", "partsFee", 80.5, "labourFee", 120));
        assertThat(instance).isWaitingAt("Gateway_QuoteAnswer");
    }

    @Test
    void theNearestElectricianAcceptsQuotesRepairsAndIsRated() {
        ElectricianFixture.Electrician near =
                electricians.approved("王建国", north(1), lng, 10, ServiceSkill.HOUSE_WIRING);
        electricians.approved("李师傅", north(4), lng, 10, ServiceSkill.HOUSE_WIRING);
        JobRequestService.Requested job = request(ServiceSkill.HOUSE_WIRING);
        ProcessInstance instance = instance(job);
        assertThat(instance).hasPassed("Task_OfferJob").isWaitingAt("Task_AcceptJob");
        assertThat(view(job).stages().get(0).at()).isNotNull();
        assertThat(view(job).electrician())
                .as("no electrician shown before acceptance")
                .isNull();
        // the offer's SMS reaches the electrician
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM gm_notification WHERE phone = ? AND event_type = 'JOB_OFFERED'",
                        Integer.class,
                        near.phone().substring(3)))
                .isEqualTo(1);

        accept(instance, near, 50);
        JobView accepted = view(job);
        assertThat(accepted.electrician().name()).isEqualTo("王建国");
        assertThat(accepted.quote().visitFee()).isEqualByComparingTo("50");
        assertThat(accepted.actions().cancel()).isFalse();
        assertThat(instance).isWaitingAt("Task_ConfirmJobArrival");

        workToQuote(instance);
        JobView quoted = view(job);
        assertThat(quoted.quote().total()).isEqualByComparingTo("200.50");
        assertThat(quoted.actions().answerQuote()).isTrue();
        assertThat(quoted.timeline()).anyMatch(l -> l.text().contains("合计 200.50 元"));

        customers.answerQuote(job.id(), job.token(), Optional.empty(), true);
        assertThat(instance)
                .hasPassed("Event_QuoteAccepted", "Task_RecordQuoteAccepted")
                .isWaitingAt("Task_CompleteJob");
        complete(task(instance), withVariables("amountCharged", 250.5));
        assertThat(view(job).actions().confirm()).isTrue();

        customers.confirm(job.id(), job.token(), Optional.empty(), new JobCustomerService.Rating(5, "很专业"));
        assertThat(instance)
                .hasPassed("Task_AggregateElectricianRating", "Task_CloseJobDone")
                .isEnded();
        JobView done = view(job);
        assertThat(done.status()).isEqualTo("CLOSED");
        assertThat(done.outcome()).isEqualTo("DONE");
        assertThat(done.amountCharged()).isEqualByComparingTo(new BigDecimal("250.50"));
        assertThat(done.stages()).allMatch(s -> s.at() != null);
        assertThat(jdbc.queryForMap(
                        "SELECT rating_sum, rating_count, jobs_done FROM gm_electrician WHERE id = ?", near.id()))
                .containsEntry("RATING_SUM", 5)
                .containsEntry("RATING_COUNT", 1)
                .containsEntry("JOBS_DONE", 1);
        // only ids and gateway flags stay in the process
        assertThat(engine
                        .getHistoryService()
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(instance.getId())
                        .list()
                        .stream()
                        // what the tasks showed and the steps' own inputs were local to them
                        .filter(v -> v.getActivityInstanceId().equals(instance.getId()))
                        .filter(v -> v.getValue() != null)
                        .map(v -> v.getName()))
                .containsOnly("electricianFound", "jobAccepted");
    }

    @Nested
    class Offers {

        @Test
        void goOneAtATimeByScoreThenToADispatcherWhoAssigns() {
            ElectricianFixture.Electrician first =
                    electricians.approved("甲", north(1), lng, 10, ServiceSkill.APPLIANCES);
            ElectricianFixture.Electrician second =
                    electricians.approved("乙", north(3), lng, 10, ServiceSkill.APPLIANCES);
            // a poorly rated electrician close by comes after a well rated one a little further away
            ElectricianFixture.Electrician poor =
                    electricians.approved("丙", north(0.5), lng, 10, ServiceSkill.APPLIANCES);
            electricians.rated(poor.id(), 20, 10);
            electricians.approved("没技能", north(0.2), lng, 10, ServiceSkill.EV_CHARGER);
            electricians.approved("太远", north(20), lng, 10, ServiceSkill.APPLIANCES);

            JobRequestService.Requested job = request(ServiceSkill.APPLIANCES);
            ProcessInstance instance = instance(job);
            assertThat(task(instance)).isAssignedTo(first.userId());
            // the first lets the offer lapse
            execute(job("Event_AcceptWindowPassed", instance));
            assertThat(instance).hasPassed("Task_RecordLapse");
            assertThat(task(instance)).isAssignedTo(second.userId());
            // the second declines
            complete(task(instance), withVariables("jobDecision", "DECLINE"));
            assertThat(task(instance)).isAssignedTo(poor.userId());
            complete(task(instance), withVariables("jobDecision", "DECLINE"));
            // three offers: the customer hears it, a dispatcher looks
            assertThat(instance).hasPassed("Task_TellNoElectrician").isWaitingAt("Task_FindElectrician");
            JobView searching = view(job);
            assertThat(searching.status()).isEqualTo("SEARCHING");
            assertThat(searching.timeline()).anyMatch(l -> l.kind().equals("NO_ELECTRICIAN"));
            assertThat(searching.actions().cancel()).isTrue();
            assertThat(jdbc.queryForList(
                            "SELECT answer FROM gm_service_job_offer WHERE job_id = ? ORDER BY seq",
                            String.class,
                            org.gridmend.core.PublicIds.parseJob(job.id())))
                    .containsExactly("LAPSED", "DECLINED", "DECLINED");

            // someone not serving the place is refused; the first, called by the dispatcher, is offered the job
            assertThatThrownBy(() -> complete(
                            task(instance), withVariables("findDecision", "ASSIGN", "chosenElectricianId", "EL99999")))
                    .isInstanceOf(FormFieldValidationException.class);
            complete(task(instance), withVariables("findDecision", "ASSIGN", "chosenElectricianId", first.publicId()));
            accept(instance, first, 30);
            assertThat(instance).isWaitingAt("Task_ConfirmJobArrival");
        }

        @Test
        void withNobodyAroundTheDispatcherCancelsAndTheCustomerIsTold() {
            JobRequestService.Requested job = request(ServiceSkill.EV_CHARGER);
            ProcessInstance instance = instance(job);
            assertThat(instance).isWaitingAt("Task_FindElectrician");
            complete(task(instance), withVariables("findDecision", "CANCEL"));
            assertThat(instance)
                    .hasPassed("Task_CloseCancelled", "EndEvent_JobCancelled")
                    .isEnded();
            assertThat(view(job).outcome()).isEqualTo("CANCELLED");
            assertThat(view(job).timeline()).anyMatch(l -> l.text().contains("服务单已取消"));
        }

        @Test
        void outsideTheirHoursOrWithTooManyJobsAnElectricianIsSkipped() {
            ElectricianFixture.Electrician night = electricians.approved(
                    "夜班",
                    north(0.5),
                    lng,
                    10,
                    "02:00",
                    "02:01",
                    java.time.LocalDate.now().plusYears(1),
                    ServiceSkill.HOUSE_WIRING);
            ElectricianFixture.Electrician day =
                    electricians.approved("白班", north(2), lng, 10, ServiceSkill.HOUSE_WIRING);
            ProcessInstance instance = instance(request(ServiceSkill.HOUSE_WIRING));
            assertThat(task(instance)).isAssignedTo(day.userId());
            assertThat(night.userId()).isNotEqualTo(day.userId());
        }

        @Test
        void theCustomerMayWithdrawBeforeAnyoneAccepts() {
            electricians.approved("甲", north(1), lng, 10, ServiceSkill.HOUSE_WIRING);
            JobRequestService.Requested job = request(ServiceSkill.HOUSE_WIRING);
            ProcessInstance instance = instance(job);
            customers.cancel(job.id(), job.token(), Optional.empty());
            assertThat(instance)
                    .hasPassed("Event_WithdrawnBeforeAcceptance", "Task_CloseWithdrawn")
                    .isEnded();
            assertThat(view(job).outcome()).isEqualTo("WITHDRAWN");
        }

        @Test
        void whileADispatcherSearchesTheCustomerMayWithdrawToo() {
            JobRequestService.Requested job = request(ServiceSkill.DISTRIBUTION_ROOM);
            ProcessInstance instance = instance(job);
            assertThat(instance).isWaitingAt("Task_FindElectrician");
            customers.cancel(job.id(), job.token(), Optional.empty());
            assertThat(instance)
                    .hasPassed("Event_WithdrawnWhileSearching", "EndEvent_JobWithdrawn")
                    .isEnded();
        }

        @Test
        void anAcceptanceWithoutAFeeIsRefused() {
            electricians.approved("甲", north(1), lng, 10, ServiceSkill.HOUSE_WIRING);
            ProcessInstance instance = instance(request(ServiceSkill.HOUSE_WIRING));
            assertThatThrownBy(() -> complete(task(instance), withVariables("jobDecision", "ACCEPT")))
                    .isInstanceOf(FormFieldValidationException.class)
                    .hasMessageContaining("visitFee");
            assertThat(instance).isWaitingAt("Task_AcceptJob");
        }
    }

    @Nested
    class Quotes {

        private JobRequestService.Requested quoted(ProcessInstance[] out) {
            ElectricianFixture.Electrician e = electricians.approved("甲", north(1), lng, 10, ServiceSkill.HOUSE_WIRING);
            JobRequestService.Requested job = request(ServiceSkill.HOUSE_WIRING);
            out[0] = instance(job);
            accept(out[0], e, 40);
            workToQuote(out[0]);
            return job;
        }

        @Test
        void aDeclinedQuoteEndsTheJobWithTheVisitFeeOnly() {
            ProcessInstance[] instance = new ProcessInstance[1];
            JobRequestService.Requested job = quoted(instance);
            customers.answerQuote(job.id(), job.token(), Optional.empty(), false);
            assertThat(instance[0])
                    .hasPassed("Event_QuoteDeclined", "EndEvent_QuoteDeclined")
                    .isEnded();
            assertThat(view(job).timeline()).anyMatch(l -> l.text().contains("上门费 40.00 元"));
            assertThatThrownBy(() -> customers.answerQuote(job.id(), job.token(), Optional.empty(), true))
                    .isInstanceOf(Refusal.class)
                    .hasMessageContaining("no quote");
        }

        @Test
        void anUnansweredQuoteClosesWhenItsTimerFires() {
            ProcessInstance[] instance = new ProcessInstance[1];
            JobRequestService.Requested job = quoted(instance);
            execute(job("Event_QuoteWindowPassed", instance[0]));
            assertThat(instance[0])
                    .hasPassed("Task_CloseQuoteLapsed", "EndEvent_QuoteLapsed")
                    .isEnded();
            assertThat(view(job).outcome()).isEqualTo("QUOTE_LAPSED");
        }
    }

    @Nested
    class AfterCompletion {

        private JobRequestService.Requested completed(ProcessInstance[] out) {
            ElectricianFixture.Electrician e = electricians.approved("甲", north(1), lng, 10, ServiceSkill.HOUSE_WIRING);
            JobRequestService.Requested job = request(ServiceSkill.HOUSE_WIRING);
            out[0] = instance(job);
            accept(out[0], e, 40);
            workToQuote(out[0]);
            customers.answerQuote(job.id(), job.token(), Optional.empty(), true);
            complete(task(out[0]), withVariables("amountCharged", 400));
            return job;
        }

        @Test
        void aDisputeGoesToADispatcherWhoDecides() {
            ProcessInstance[] instance = new ProcessInstance[1];
            JobRequestService.Requested job = completed(instance);
            customers.dispute(
                    job.id(), job.token(), Optional.empty(), new JobCustomerService.Dispute("OVERCHARGED", "报价两百收了四百"));
            assertThat(instance[0]).isWaitingAt("Task_ResolveDispute");
            assertThat(engine.getTaskService()
                            .getVariable(task(instance[0]).getId(), "jobSummary")
                            .toString())
                    .contains("收费高于报价")
                    .contains("报价两百收了四百");
            complete(task(instance[0]), withVariables("disputeOutcome", "REFUND"));
            assertThat(instance[0])
                    .hasPassed("Task_RecordDisputeOutcome", "EndEvent_DisputeResolved")
                    .isEnded();
            assertThat(view(job).timeline()).anyMatch(l -> l.text().contains("电工退还多收的费用"));
        }

        @Test
        void anUnconfirmedJobClosesWhenTheWindowPasses() {
            ProcessInstance[] instance = new ProcessInstance[1];
            JobRequestService.Requested job = completed(instance);
            execute(job("Event_ConfirmationWindowPassed", instance[0]));
            assertThat(instance[0])
                    .hasPassed("Task_CloseUnconfirmed", "EndEvent_ClosedUnconfirmed")
                    .isEnded();
            assertThat(view(job).outcome()).isEqualTo("UNCONFIRMED");
        }

        @Test
        void aRatingOutsideOneToFiveIsRefusedByName() {
            ProcessInstance[] instance = new ProcessInstance[1];
            JobRequestService.Requested job = completed(instance);
            assertThatThrownBy(() -> customers.confirm(
                            job.id(), job.token(), Optional.empty(), new JobCustomerService.Rating(6, null)))
                    .isInstanceOf(Refusal.class)
                    .extracting("field")
                    .isEqualTo("rating");
        }
    }
}
