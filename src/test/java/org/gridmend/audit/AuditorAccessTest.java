package org.gridmend.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gridmend.report.ReportAnswer;
import org.gridmend.security.StaffIdentitySetup;
import org.gridmend.support.Await;
import org.gridmend.support.GridMendTest;
import org.gridmend.support.Http;
import org.gridmend.support.ReportFixture;
import org.gridmend.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Auditors in Camunda (Cockpit and the REST API it shares its authorizations with): they read every instance and
 * its history, and can modify, cancel, suspend, migrate or delete nothing. Other staff do not read history.
 */
@GridMendTest
class AuditorAccessTest {

    @LocalServerPort
    int port;

    @Autowired
    ReportFixture fixture;

    @Autowired
    StaffIdentitySetup staff;

    @Autowired
    RuntimeService runtime;

    Http auditor;
    ProcessInstance instance;

    @BeforeEach
    void setUp() {
        TestUsers.create(staff);
        auditor = Http.anonymous(port).as(TestUsers.AUDITOR, TestUsers.PASSWORD);
        ReportAnswer answer = fixture.byCustomer(fixture.newGrid().customer(1));
        Await.until(() -> fixture.record(answer).incidentId() != null, 20);
        instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(answer.reportId())
                .singleResult();
    }

    @Test
    void auditorsReadInstancesAndTheirHistory() {
        String id = instance.getId();
        assertThat(auditor.get("/engine-rest/process-instance/" + id).status()).isEqualTo(200);
        assertThat(auditor.get("/engine-rest/history/process-instance?processInstanceId=" + id)
                        .json())
                .hasSize(1);
        assertThat(auditor.get("/engine-rest/history/activity-instance?processInstanceId=" + id)
                        .json())
                .isNotEmpty();
        assertThat(auditor.get("/engine-rest/history/variable-instance?processInstanceId=" + id)
                        .json())
                .isNotEmpty();
        assertThat(auditor.get("/engine-rest/history/user-operation?maxResults=5")
                        .status())
                .isEqualTo(200);
        assertThat(auditor.get("/engine-rest/process-definition?key=FaultReport")
                        .json())
                .isNotEmpty();
    }

    @Test
    void auditorsChangeNothing() {
        String id = instance.getId();
        String definition = instance.getProcessDefinitionId();
        Map<String, Object> migration = Map.of(
                "migrationPlan",
                Map.of(
                        "sourceProcessDefinitionId",
                        definition,
                        "targetProcessDefinitionId",
                        definition,
                        "instructions",
                        List.of()),
                "processInstanceIds",
                List.of(id));
        List<Http.Response> attempts = List.of(
                auditor.delete("/engine-rest/process-instance/" + id),
                auditor.put("/engine-rest/process-instance/" + id + "/suspended", Map.of("suspended", true)),
                auditor.post(
                        "/engine-rest/process-instance/" + id + "/variables",
                        Map.of("modifications", Map.of("incidentId", Map.of("value", 1)))),
                auditor.post(
                        "/engine-rest/process-instance/" + id + "/modification",
                        Map.of(
                                "instructions",
                                List.of(Map.of("type", "cancel", "activityId", "Gateway_AwaitRestoration")))),
                auditor.post("/engine-rest/migration/execute", migration),
                auditor.post("/engine-rest/process-definition/key/FaultReport/start", Map.of()),
                auditor.delete("/engine-rest/history/process-instance/" + id));
        assertThat(attempts)
                .allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(403));

        JsonNode still = auditor.get("/engine-rest/process-instance/" + id).json();
        assertThat(still.path("suspended").asBoolean()).isFalse();
        assertThat(runtime.getVariable(id, "incidentId")).isNotEqualTo(1);
    }

    @Test
    void otherStaffDoNotReadHistory() {
        String id = instance.getId();
        for (String user : List.of(TestUsers.CREW, TestUsers.OUTSIDER)) {
            Http other = Http.anonymous(port).as(user, TestUsers.PASSWORD);
            assertThat(other.get("/engine-rest/history/process-instance?processInstanceId=" + id)
                            .json())
                    .as(user)
                    .isEmpty();
            assertThat(other.get("/engine-rest/history/activity-instance?processInstanceId=" + id)
                            .json())
                    .as(user)
                    .isEmpty();
            assertThat(other.get("/api/audit/reports/" + instance.getBusinessKey() + "/trace")
                            .status())
                    .as(user)
                    .isEqualTo(403);
        }
    }
}
