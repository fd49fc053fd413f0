package org.gridmend.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gridmend.core.PublicIds;
import org.gridmend.core.StaffGroups;
import org.gridmend.report.ReportAnswer;
import org.gridmend.support.Await;
import org.gridmend.support.GridMendTest;
import org.gridmend.support.Http;
import org.gridmend.support.RepairFixture;
import org.gridmend.support.ReportFixture;
import org.gridmend.support.TestUsers;
import org.gridmend.triage.IncidentMapper;
import org.gridmend.triage.IncidentState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A crew or dispatcher who forges process data through {@code /engine-rest}, as an attacker would: a crew points its
 * own task at another crew's order (the variable incidentId), hands the next task to someone else (crewUserId), or
 * slips any other variable into a completion; a dispatcher correlates messages, signals, starts or modifies
 * instances. Every way is refused; the other order stays as it was, and the crew's own order goes on normally.
 */
@GridMendTest
class ProcessDataAttackTest {

    /** Variables delegates once took ids and flags from, and a few more an attacker would try. */
    static final List<String> FORGED = List.of(
            "incidentId",
            "reportId",
            "noticeId",
            "crewId",
            "crewUserId",
            "mergedIntoId",
            "dispatchTries",
            "accepted",
            "reviewApproved",
            "restorationBatches");

    @LocalServerPort
    int port;

    @Autowired
    RepairFixture repairs;

    @Autowired
    ReportFixture reports;

    @Autowired
    StaffIdentitySetup staff;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    IncidentMapper incidents;

    RepairFixture.Grid mine;
    RepairFixture.Grid theirs;
    Http crew;
    Http dispatcher;

    @BeforeEach
    void setUp() {
        TestUsers.create(staff);
        dispatcher = Http.anonymous(port).as(TestUsers.DISPATCHER, TestUsers.PASSWORD);
        mine = repairs.newGrid().placeCrews();
        theirs = repairs.newGrid().placeCrews();
        for (RepairFixture.Grid g : List.of(mine, theirs)) {
            for (int k = 1; k <= 4; k++) {
                staff.user(g.user(k), "Crew", "K" + k, TestUsers.PASSWORD, StaffGroups.CREWS);
            }
        }
        crew = Http.anonymous(port).as(mine.user(1), TestUsers.PASSWORD);
    }

    private long orderOf(RepairFixture.Grid g) {
        ReportAnswer answer = reports.byCustomer(g.customer(1));
        Await.until(() -> reports.record(answer).incidentId() != null, 20);
        return reports.record(answer).incidentId();
    }

    private Task task(long incidentId, String activity) {
        Await.until(
                () -> tasks.createTaskQuery()
                                .processInstanceBusinessKey(PublicIds.incident(incidentId))
                                .taskDefinitionKey(activity)
                                .count()
                        == 1,
                20);
        return tasks.createTaskQuery()
                .processInstanceBusinessKey(PublicIds.incident(incidentId))
                .taskDefinitionKey(activity)
                .singleResult();
    }

    private static Map<String, Object> variables(Object... keysAndValues) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            variables.put(
                    (String) keysAndValues[i],
                    Map.of(
                            "value",
                            value,
                            "type",
                            value instanceof Long
                                    ? "Long"
                                    : value instanceof Boolean
                                            ? "Boolean"
                                            : value instanceof Integer ? "Integer" : "String"));
        }
        return Map.of("variables", variables);
    }

    /** Every forged variable, in every way a task's user can write one, on this task: all refused. */
    private void forgeryRefused(Http user, Task task, long victim, Object... formFields) {
        String path = "/engine-rest/task/" + task.getId();
        for (String name : FORGED) {
            Object value = name.endsWith("Id") && !name.equals("crewUserId") && !name.equals("crewId")
                    ? victim
                    : name.equals("crewUserId")
                            ? theirs.user(1)
                            : name.equals("crewId")
                                    ? theirs.crew(1)
                                    : name.equals("dispatchTries")
                                            ? 0
                                            : name.equals("restorationBatches") ? 0 : (Object) true;
            assertThat(user.put(
                                    path + "/variables/" + name,
                                    Map.of(
                                            "value",
                                            value,
                                            "type",
                                            value instanceof Long
                                                    ? "Long"
                                                    : value instanceof Integer
                                                            ? "Integer"
                                                            : value instanceof Boolean ? "Boolean" : "String"))
                            .status())
                    .as("PUT %s on %s", name, task.getTaskDefinitionKey())
                    .isEqualTo(403);
            assertThat(user.put(
                                    path + "/localVariables/" + name,
                                    Map.of("value", String.valueOf(value), "type", "String"))
                            .status())
                    .as("PUT local %s", name)
                    .isEqualTo(403);
            assertThat(user.post(
                                    path + "/variables",
                                    Map.of(
                                            "modifications",
                                            Map.of(name, Map.of("value", String.valueOf(value), "type", "String"))))
                            .status())
                    .as("POST %s", name)
                    .isEqualTo(403);
            Object[] withForged = Arrays.copyOf(formFields, formFields.length + 2);
            withForged[formFields.length] = name;
            withForged[formFields.length + 1] = value;
            for (String verb : List.of("/complete", "/submit-form")) {
                Http.Response refused = user.post(path + verb, variables(withForged));
                assertThat(refused.status())
                        .as("%s with %s on %s", verb, name, task.getTaskDefinitionKey())
                        .isEqualTo(400);
                assertThat(refused.body()).contains("'" + name + "'");
            }
        }
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count())
                .as("the task is still open")
                .isOne();
    }

    @Test
    void aCrewCannotPointItsTasksAtAnotherOrderOrHandThemToSomeoneElse() {
        long own = orderOf(mine);
        long other = orderOf(theirs);
        Task accept = task(own, "Task_AcceptRepairOrder");
        assertThat(accept.getAssignee()).isEqualTo(mine.user(1));

        forgeryRefused(crew, accept, other, "acceptDecision", "ACCEPT");
        assertThat(crew.post("/engine-rest/task/" + accept.getId() + "/assignee", Map.of("userId", theirs.user(1)))
                        .status())
                .isEqualTo(403);
        assertThat(crew.post("/engine-rest/task/" + accept.getId() + "/delegate", Map.of("userId", theirs.user(1)))
                        .status())
                .isEqualTo(403);
        assertThat(crew.post("/engine-rest/task/" + accept.getId() + "/complete", variables("acceptDecision", "ACCEPT"))
                        .status())
                .isEqualTo(204);

        mine.crewAtFault(1);
        Task arrive = task(own, "Task_ConfirmArrival");
        forgeryRefused(crew, arrive, other);
        assertThat(crew.post("/engine-rest/task/" + arrive.getId() + "/complete", Map.of())
                        .status())
                .isEqualTo(204);

        Task diagnose = task(own, "Task_DiagnoseFault");
        String etr = RepairFixture.hoursAhead(2);
        forgeryRefused(crew, diagnose, other, "cause", "FUSE_BLOWN", "etr", etr);
        assertThat(crew.post(
                                "/engine-rest/task/" + diagnose.getId() + "/complete",
                                variables("cause", "FUSE_BLOWN", "etr", etr))
                        .status())
                .isEqualTo(204);

        // the case: on its own "Complete repair", pointing it at another order to restore that one
        Task complete = task(own, "Task_CompleteRepair");
        forgeryRefused(crew, complete, other, "resolution", "REPLACED_FUSE");
        assertThat(crew.post(
                                "/engine-rest/task/" + complete.getId() + "/complete",
                                variables("resolution", "REPLACED_FUSE"))
                        .status())
                .isEqualTo(204);
        Await.until(() -> incidents.findById(own).state() == IncidentState.RESTORED, 20);
        assertThat(incidents.findById(other).state())
                .as("the other crew's order")
                .isEqualTo(IncidentState.OPEN);

        // the dispatcher's review of the order: its own fields only
        Task review = task(own, "Task_ReviewRepairOrder");
        forgeryRefused(dispatcher, review, other, "reviewDecision", "APPROVE");
    }

    @Test
    void aDispatcherCannotDriveProcessesFromOutside() {
        long other = orderOf(theirs);
        String instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(PublicIds.incident(other))
                .singleResult()
                .getId();
        assertThat(dispatcher
                        .post(
                                "/engine-rest/message",
                                Map.of(
                                        "messageName",
                                        "Message_RepairOrderMerged",
                                        "businessKey",
                                        PublicIds.incident(other)))
                        .status())
                .isEqualTo(403);
        assertThat(dispatcher
                        .post("/engine-rest/message", Map.of("messageName", "Message_PowerRestored", "all", true))
                        .status())
                .isEqualTo(403);
        assertThat(dispatcher
                        .post("/engine-rest/signal", Map.of("name", "anything"))
                        .status())
                .isEqualTo(403);
        assertThat(dispatcher
                        .post(
                                "/engine-rest/process-instance/" + instance + "/variables",
                                Map.of("modifications", Map.of("incidentId", Map.of("value", 1, "type", "Long"))))
                        .status())
                .isEqualTo(403);
        assertThat(dispatcher
                        .put(
                                "/engine-rest/process-instance/" + instance + "/variables/incidentId",
                                Map.of("value", 1, "type", "Long"))
                        .status())
                .isEqualTo(403);
        assertThat(dispatcher
                        .post(
                                "/engine-rest/process-instance/" + instance + "/modification",
                                Map.of(
                                        "instructions",
                                        List.of(Map.of(
                                                "type", "startBeforeActivity", "activityId", "Task_RestorePower"))))
                        .status())
                .isEqualTo(403);
        assertThat(dispatcher
                        .post(
                                "/engine-rest/process-definition/key/RepairOrder/start",
                                Map.of("businessKey", "R-99999999"))
                        .status())
                .isIn(403, 404);
        assertThat(incidents.findById(other).state()).isEqualTo(IncidentState.OPEN);
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(instance)
                        .count())
                .isOne();
    }
}
