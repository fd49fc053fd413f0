package org.gridmend.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.gridmend.core.StaffGroups;
import org.gridmend.electrician.ServiceSkill;
import org.gridmend.security.StaffIdentitySetup;
import org.gridmend.support.Await;
import org.gridmend.support.ElectricianFixture;
import org.gridmend.support.GridMendTest;
import org.gridmend.support.Http;
import org.gridmend.support.ReportFixture;
import org.gridmend.support.TestCustomers;
import org.gridmend.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Custody through HTTP: a business customer applies and accepts on the page's API, a custody dispatcher reviews in
 * Tasklist through {@code /engine-rest}, and the electrician works two inspection rounds there, seeing the customer
 * only on its own assignments.
 */
@GridMendTest
class CustodyApiTest {

    @LocalServerPort
    int port;

    @Autowired
    StaffIdentitySetup staff;

    @Autowired
    ReportFixture reports;

    @Autowired
    ElectricianFixture electricians;

    @Autowired
    ManagementService management;

    @Autowired
    JdbcTemplate jdbc;

    Http anonymous;

    @BeforeEach
    void setUp() {
        TestUsers.create(staff);
        staff.user("tcustody", "Test", "Custody", TestUsers.PASSWORD, StaffGroups.CUSTODY);
        anonymous = Http.anonymous(port);
    }

    private Http customer(String phone) {
        return TestCustomers.signIn(anonymous, jdbc, phone);
    }

    private static Http.Response submit(Http user, String task, Map<String, Object> fields) {
        return TestCustomers.submit(user, task, fields);
    }

    private static String task(Http user, String id, String step) {
        String query = "/engine-rest/task?processInstanceBusinessKey=" + id + "&taskDefinitionKey=" + step;
        Await.until(() -> user.get(query).json().size() == 1, 30);
        return user.get(query).json().get(0).path("id").asText();
    }

    @Test
    void aBusinessCustomersContractRunsTwoInspectionRoundsWorkedThroughEngineRest() {
        ReportFixture.Grid grid = reports.newGrid();
        String business = grid.customer(1);
        String phone = "136" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        jdbc.update("UPDATE gm_customer SET kind = 'BUSINESS', phone = ? WHERE customer_no = ?", phone, business);
        jdbc.update("UPDATE gm_customer SET phone = ? WHERE customer_no = ?", phone, grid.customer(2));
        double[] site = jdbc.queryForObject(
                "SELECT lat, lng FROM gm_customer WHERE customer_no = ?",
                (rs, i) -> new double[] {rs.getDouble(1), rs.getDouble(2)},
                business);
        ElectricianFixture.Electrician keeper =
                electricians.approved("韩配电", site[0] + 0.01, site[1], 20, ServiceSkill.DISTRIBUTION_ROOM);
        ElectricianFixture.Electrician other =
                electricians.approved("刘配电", site[0] + 0.02, site[1], 20, ServiceSkill.DISTRIBUTION_ROOM);
        Http customer = customer(phone);

        Map<String, Object> application = new HashMap<>();
        application.put("requestId", UUID.randomUUID().toString());
        application.put("customerNo", grid.customer(2));
        application.put("serviceLevel", "PREMIUM");
        application.put(
                "equipment",
                List.of(Map.of(
                        "type",
                        "GENERATOR",
                        "rating",
                        "500 kW",
                        "manufacturer",
                        "玉柴",
                        "year",
                        2019,
                        "location",
                        "地下一层")));
        assertThat(anonymous.post("/api/custody/applications", application).status())
                .isEqualTo(401);
        Http.Response household = customer.post("/api/custody/applications", application);
        assertThat(household.status()).isEqualTo(400);
        assertThat(household.json().path("error").asText()).isEqualTo("NOT_A_BUSINESS");
        application.put("customerNo", business);
        application.put(
                "equipment",
                List.of(Map.of(
                        "type",
                        "GENERATOR",
                        "rating",
                        "500 kW",
                        "manufacturer",
                        "玉柴",
                        "year",
                        2099,
                        "location",
                        "地下一层")));
        assertThat(customer.post("/api/custody/applications", application)
                        .json()
                        .path("field")
                        .asText())
                .isEqualTo("equipment[0].year");
        application.put(
                "equipment",
                List.of(
                        Map.of(
                                "type",
                                "TRANSFORMER",
                                "rating",
                                "1000 kVA",
                                "manufacturer",
                                "西电",
                                "year",
                                2012,
                                "location",
                                "一号配电室"),
                        Map.of(
                                "type",
                                "GENERATOR",
                                "rating",
                                "500 kW",
                                "manufacturer",
                                "玉柴",
                                "year",
                                2019,
                                "location",
                                "地下一层")));
        Http.Response applied = customer.post("/api/custody/applications", application);
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        String id = applied.json().path("id").asText();
        assertThat(anonymous.get("/api/custody/contracts/" + id).status()).isEqualTo(401);
        assertThat(customer(("137" + phone.substring(3)))
                        .get("/api/custody/contracts/" + id)
                        .status())
                .isEqualTo(404);

        // the custody dispatcher reviews in Tasklist; a dispatcher outside the group does not see the task
        Http dispatcher = anonymous.as("tcustody", TestUsers.PASSWORD);
        assertThat(anonymous
                        .as(TestUsers.CREW, TestUsers.PASSWORD)
                        .get("/engine-rest/task?processInstanceBusinessKey=" + id)
                        .json())
                .isEmpty();
        String review = task(dispatcher, id, "Task_ReviewCustodyApplication");
        assertThat(submit(
                                dispatcher,
                                review,
                                Map.of(
                                        "custodyDecision",
                                        "APPROVE",
                                        "custodyElectricianId",
                                        keeper.publicId(),
                                        "secondElectricianId",
                                        other.publicId(),
                                        "monthlyFee",
                                        4800,
                                        "termMonths",
                                        "24"))
                        .status())
                .isEqualTo(204);
        Await.until(
                () -> customer.get("/api/custody/contracts/" + id)
                        .json()
                        .path("actions")
                        .path("answerOffer")
                        .asBoolean(),
                30);
        JsonNode active = customer.post("/api/custody/contracts/" + id + "/acceptance", Map.of("accept", true))
                .json();
        assertThat(active.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(active.path("electricians")).hasSize(2);

        Http electrician = anonymous.as(keeper.userId(), ElectricianFixture.PASSWORD);
        JsonNode kept = electrician.get("/api/custody/assignments").json();
        assertThat(kept).hasSize(1);
        assertThat(kept.get(0).path("phone").asText()).isEqualTo(phone);
        assertThat(anonymous
                        .as(TestUsers.CREW, TestUsers.PASSWORD)
                        .get("/api/custody/assignments")
                        .status())
                .isEqualTo(403);

        for (int round = 1; round <= 2; round++) {
            String instance = jdbc.queryForObject(
                    "SELECT ID_ FROM ACT_RU_EXECUTION WHERE BUSINESS_KEY_ = ? AND PARENT_ID_ IS NULL",
                    String.class,
                    id);
            Job due = management
                    .createJobQuery()
                    .processInstanceId(instance)
                    .activityId("Event_InspectionRoundDue")
                    .singleResult();
            management.executeJob(due.getId());
            for (int piece = 0; piece < 2; piece++) {
                String inspect = task(electrician, id, "Task_InspectEquipment");
                assertThat(anonymous
                                .as(other.userId(), ElectricianFixture.PASSWORD)
                                .get("/engine-rest/task/" + inspect)
                                .status())
                        .isIn(403, 404);
                Map<String, Object> checklist = new HashMap<>();
                checklist.put("temperatureC", 41.0);
                checklist.put("noise", "NORMAL");
                checklist.put("cleanliness", "DUSTY");
                checklist.put("defect", "NONE");
                assertThat(submit(electrician, inspect, checklist).status()).isEqualTo(204);
            }
        }
        JsonNode contract = customer.get("/api/custody/contracts/" + id).json();
        assertThat(contract.path("inspections")).hasSize(4);
        contract.path("inspections")
                .forEach(i -> assertThat(i.path("result").asText()).isEqualTo("OK"));
        String month =
                java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        assertThat(customer.get("/api/custody/contracts/" + id + "/summary?month=" + month)
                        .json()
                        .path("inspections"))
                .isNotEmpty();
        assertThat(customer.get("/api/custody/contracts/" + id + "/summary?month=13")
                        .json()
                        .path("field")
                        .asText())
                .isEqualTo("month");

        JsonNode trace = anonymous
                .as(TestUsers.AUDITOR, TestUsers.PASSWORD)
                .get("/api/audit/custody/" + id + "/trace")
                .json();
        assertThat(trace.toString())
                .contains("CUSTODY_APPLIED")
                .contains("CUSTODY_APPROVED")
                .contains("CUSTODY_INSPECTED")
                .contains("CustodyContract");

        // a fault report of the customer under custody: flagged on the board, its electricians told at once
        Map<String, Object> report = new HashMap<>();
        report.put("requestId", UUID.randomUUID().toString());
        report.put("channel", "APP");
        report.put("customerNo", business);
        report.put("description", "配电房进线没电");
        JsonNode answer = anonymous.post("/api/reports", report).json();
        Http board = anonymous.as(TestUsers.DISPATCHER, TestUsers.PASSWORD);
        Await.until(
                () -> {
                    for (JsonNode incident : board.get("/api/board").json().path("incidents")) {
                        if (incident.path("custodyReports").asLong() > 0) {
                            return true;
                        }
                    }
                    return false;
                },
                30);
        Await.until(
                () -> jdbc.queryForObject(
                                "SELECT COUNT(*) FROM gm_notification WHERE event_type = 'CUSTODY_FAULT' AND text LIKE ?",
                                Integer.class,
                                "%" + answer.path("reportId").asText() + "%")
                        == 2,
                30);
    }
}
