package org.gridmend.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridmend.core.PublicIds;
import org.gridmend.report.ReportAnswer;
import org.gridmend.report.ReportRecord;
import org.gridmend.report.ReportStatus;
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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Correcting and contradicting the prediction through HTTP, on {@code TestGrids.small}: CB ─ SW ─ FU ─ T1 (C1–C3),
 * SW ─ T2 (C4, C5), CB ─ T3 (C6). A dispatcher moves an incident or splits areas off it; a customer says power is
 * on; each moves the incident with its order, and the reporters whose areas leave are told once.
 */
@GridMendTest
class PredictionApiTest {

    @LocalServerPort
    int port;

    @Autowired
    ReportFixture fixture;

    @Autowired
    StaffIdentitySetup staff;

    @Autowired
    JdbcTemplate jdbc;

    Http dispatcher;
    Http auditor;
    Http anonymous;
    ReportFixture.Grid grid;

    @BeforeEach
    void setUp() {
        TestUsers.create(staff);
        anonymous = Http.anonymous(port);
        dispatcher = anonymous.as(TestUsers.DISPATCHER, TestUsers.PASSWORD);
        auditor = anonymous.as(TestUsers.AUDITOR, TestUsers.PASSWORD);
        grid = fixture.newGrid();
    }

    private ReportAnswer triaged(int customer) {
        ReportAnswer answer = fixture.byCustomer(grid.customer(customer));
        Await.until(() -> fixture.record(answer).status() == ReportStatus.IN_REPAIR, 20);
        return answer;
    }

    private JsonNode incidentOf(ReportAnswer answer) {
        ReportRecord r = fixture.record(answer);
        return dispatcher
                .get("/api/incidents/" + PublicIds.incident(r.incidentId()))
                .json();
    }

    /** T1 and T2 reporting: both branches of the switch are out, so the switch is predicted. */
    private List<ReportAnswer> switchPredicted() {
        ReportAnswer t1 = triaged(1);
        ReportAnswer t2 = triaged(4);
        Await.until(() -> grid.node("SW").equals(incidentOf(t2).path("deviceId").asText()), 20);
        return List.of(t1, t2);
    }

    private long movedMessages(ReportAnswer answer) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM gm_notification WHERE report_id = ? AND event_type = ?",
                Long.class,
                PublicIds.parseReport(answer.reportId()),
                "REPORT_MOVED");
    }

    @Test
    void theIncidentExplainsItsPrediction() {
        List<ReportAnswer> answers = switchPredicted();
        JsonNode incident = incidentOf(answers.get(0));
        assertThat(incident.path("level").asText()).isEqualTo("SWITCH");
        assertThat(incident.path("prediction").get(0).asText())
                .isEqualTo(grid.node("SW") + " (SWITCH): 2 of 2 " + "branches out (" + grid.node("FU") + ", "
                        + grid.node("T2") + ")");
        assertThat(incident.path("prediction").get(1).asText())
                .startsWith(grid.node("CB") + " (BREAKER): 1 of 2 branches out");
    }

    @Test
    void aDispatcherMovesTheIncidentDownAndTheAreaItNoLongerCoversGetsItsOwnOrder() {
        List<ReportAnswer> answers = switchPredicted();
        String orderId = incidentOf(answers.get(0)).path("incidentId").asText();
        Http.Response moved =
                dispatcher.post("/api/incidents/" + orderId + "/move", Map.of("deviceId", grid.node("FU")));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().path("incidentId").asText()).isEqualTo(orderId);
        assertThat(moved.json().path("deviceId").asText()).isEqualTo(grid.node("FU"));
        assertThat(moved.json().path("rule").asText()).isEqualTo("DISPATCHER_DECISION");
        assertThat(moved.json().path("prediction").get(0).asText()).contains("a dispatcher moved " + orderId + " here");

        JsonNode t2 = incidentOf(answers.get(1));
        assertThat(t2.path("incidentId").asText()).isNotEqualTo(orderId);
        assertThat(t2.path("deviceId").asText()).isEqualTo(grid.node("T2"));
        assertThat(movedMessages(answers.get(1))).isEqualTo(1);
        assertThat(movedMessages(answers.get(0))).isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM gm_audit_event WHERE type = 'PREDICTION_CORRECTED' "
                                + "AND incident_id = ? AND actor = ?",
                        Long.class,
                        PublicIds.parseIncident(orderId),
                        TestUsers.DISPATCHER))
                .isEqualTo(1);

        // a later report from T2 joins T2's own order: the correction holds
        ReportAnswer again = triaged(5);
        assertThat(incidentOf(again).path("incidentId").asText())
                .isEqualTo(t2.path("incidentId").asText());
    }

    @Test
    void aDispatcherSplitsAnAreaOff() {
        List<ReportAnswer> answers = switchPredicted();
        String orderId = incidentOf(answers.get(0)).path("incidentId").asText();
        Http.Response split = dispatcher.post(
                "/api/incidents/" + orderId + "/split", Map.of("transformerIds", List.of(grid.node("T2"))));
        assertThat(split.status()).as(split.toString()).isEqualTo(200);
        assertThat(incidentOf(answers.get(0)).path("incidentId").asText()).isEqualTo(orderId);
        JsonNode t2 = incidentOf(answers.get(1));
        assertThat(t2.path("incidentId").asText()).isNotEqualTo(orderId);
        assertThat(t2.path("deviceId").asText()).isEqualTo(grid.node("T2"));
        assertThat(movedMessages(answers.get(1))).isEqualTo(1);
    }

    @Test
    void correctionsAreCheckedAndOnlyDispatchersMayMakeThem() {
        List<ReportAnswer> answers = switchPredicted();
        String orderId = incidentOf(answers.get(0)).path("incidentId").asText();
        String path = "/api/incidents/" + orderId;
        assertThat(auditor.post(path + "/move", Map.of("deviceId", grid.node("FU")))
                        .status())
                .isEqualTo(403);
        assertThat(anonymous
                        .post(path + "/move", Map.of("deviceId", grid.node("FU")))
                        .status())
                .isEqualTo(401);

        Http.Response elsewhere = dispatcher.post(path + "/move", Map.of("deviceId", "no-such-device"));
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.json().path("field").asText()).isEqualTo("deviceId");
        Http.Response missing = dispatcher.post(path + "/move", Map.of());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("field").asText()).isEqualTo("deviceId");
        Http.Response there = dispatcher.post(path + "/move", Map.of("deviceId", grid.node("SW")));
        assertThat(there.status()).isEqualTo(409);

        Http.Response notBelow = dispatcher.post(path + "/split", Map.of("transformerIds", List.of(grid.node("T3"))));
        assertThat(notBelow.status()).isEqualTo(400);
        assertThat(notBelow.json().path("field").asText()).isEqualTo("transformerIds");
        Http.Response everything =
                dispatcher.post(path + "/split", Map.of("transformerIds", List.of(grid.node("T1"), grid.node("T2"))));
        assertThat(everything.status()).isEqualTo(400);
        assertThat(dispatcher
                        .post("/api/incidents/R-99999999/move", Map.of("deviceId", "x"))
                        .status())
                .isEqualTo(404);
        // nothing moved
        assertThat(incidentOf(answers.get(1)).path("incidentId").asText()).isEqualTo(orderId);
    }

    @Test
    void aCustomerWithPowerBelowThePredictedDeviceMovesTheIncidentDown() {
        List<ReportAnswer> answers = switchPredicted();
        String orderId = incidentOf(answers.get(0)).path("incidentId").asText();
        // C5 lives in T2, beside C4 who reported: T2's transformer is fine, so the switch cannot be open
        Http.Response said =
                anonymous.post("/api/power-status", Map.of("customerNo", grid.customer(5), "powered", true));
        assertThat(said.status()).as(said.toString()).isEqualTo(202);
        assertThat(said.json().path("message").asText()).contains("有电");

        assertThat(incidentOf(answers.get(0)).path("deviceId").asText()).isNotEqualTo(grid.node("SW"));
        assertThat(incidentOf(answers.get(0)).path("incidentId").asText()).isEqualTo(orderId);
        assertThat(incidentOf(answers.get(0)).path("prediction").toString())
                .contains("power is on below it at " + grid.node("T2"));
        assertThat(incidentOf(answers.get(1)).path("deviceId").asText()).isEqualTo(grid.node("T2"));
    }

    @Test
    void powerStatusTakesOnlyAPlaceOnTheGridAndPowerOn() {
        assertThat(anonymous
                        .post("/api/power-status", Map.of("customerNo", grid.customer(1), "powered", false))
                        .json()
                        .path("field")
                        .asText())
                .isEqualTo("powered");
        assertThat(anonymous
                        .post("/api/power-status", Map.of("powered", true))
                        .json()
                        .path("field")
                        .asText())
                .isEqualTo("customerNo");
        Http.Response unknown =
                anonymous.post("/api/power-status", Map.of("customerNo", "0000000000", "powered", true));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("error").asText()).isEqualTo("UNKNOWN_PLACE");
        for (int i = 0; i < 3; i++) {
            assertThat(anonymous
                            .post("/api/power-status", Map.of("customerNo", grid.customer(6), "powered", true))
                            .status())
                    .isEqualTo(202);
        }
        assertThat(anonymous
                        .post("/api/power-status", Map.of("customerNo", grid.customer(6), "powered", true))
                        .status())
                .isEqualTo(429);
    }
}
