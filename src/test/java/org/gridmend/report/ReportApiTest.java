package org.gridmend.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.Assertions;
import org.gridmend.core.PublicIds;
import org.gridmend.grid.CoordinateSystem;
import org.gridmend.grid.GeoPoint;
import org.gridmend.security.StaffIdentitySetup;
import org.gridmend.support.GridMendTest;
import org.gridmend.support.Http;
import org.gridmend.support.ReportFixture;
import org.gridmend.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Intake, tracking and the customer's answers through HTTP, with the job executor running as in production. */
@GridMendTest
class ReportApiTest {

    @LocalServerPort
    int port;

    @Autowired
    ReportFixture fixture;

    @Autowired
    ReportMapper reports;

    @Autowired
    StaffIdentitySetup staff;

    Http http;
    ReportFixture.Grid grid;

    @BeforeEach
    void setUp() {
        http = Http.anonymous(port);
        grid = fixture.newGrid();
        TestUsers.create(staff);
    }

    private Map<String, Object> report(String customerNo) {
        Map<String, Object> body = new HashMap<>();
        body.put("requestId", UUID.randomUUID().toString());
        body.put("channel", "APP");
        body.put("customerNo", customerNo);
        body.put("description", "全楼停电");
        return body;
    }

    /** Polls the tracking page until the report reaches the state, as the customer's page would. */
    private JsonNode trackUntil(JsonNode answer, Predicate<JsonNode> done) {
        String path = "/api/reports/" + answer.path("reportId").asText() + "?token="
                + answer.path("trackingToken").asText();
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        JsonNode view = http.get(path).json();
        while (!done.test(view) && Instant.now().isBefore(until)) {
            sleep();
            view = http.get(path).json();
        }
        assertThat(done.test(view)).as("report never got there: " + view).isTrue();
        return view;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aReportIsAcceptedAndThenTriagedInTheBackground() {
        Http.Response response = http.post("/api/reports", report(grid.customer(1)));
        assertThat(response.status()).isEqualTo(201);
        JsonNode answer = response.json();
        assertThat(answer.path("reportId").asText()).matches("B-\\d{8}");
        assertThat(answer.path("trackingToken").asText()).hasSize(43);
        assertThat(answer.path("status").asText()).isEqualTo("RECEIVED");
        assertThat(answer.path("merged").asBoolean()).isFalse();
        assertThat(answer.path("message").asText()).startsWith("您的报修已受理");

        JsonNode tracked = trackUntil(answer, v -> v.path("status").asText().equals("IN_REPAIR"));
        assertThat(tracked.path("incident").path("incidentId").asText()).matches("R-\\d{8}");
        assertThat(tracked.path("incident").path("reportsCount").asInt()).isEqualTo(1);
        assertThat(tracked.path("timeline").get(0).path("type").asText()).isEqualTo("RECEIVED");
        assertThat(tracked.path("timeline").get(0).path("text").asText())
                .isEqualTo(answer.path("message").asText());
        assertThat(tracked.path("timeline").get(1).path("text").asText()).contains("已生成抢修单");
        // nobody asked yet whether power is back: only the small "it came back by itself" action
        assertThat(tracked.path("actions").path("confirmRestoration").asBoolean())
                .isFalse();
        assertThat(tracked.path("actions").path("reportPowerBack").asBoolean()).isTrue();
        // the parcel-style stages: received, and no crew has accepted yet
        assertThat(tracked.path("stages")).hasSize(6);
        assertThat(tracked.path("stages").get(0).path("zh").asText()).isEqualTo("受理");
        assertThat(tracked.path("stages").get(0).path("at").asText())
                .isEqualTo(tracked.path("receivedAt").asText());
        assertThat(tracked.path("stages").get(2).path("stage").asText()).isEqualTo("ACCEPTED");
        assertThat(tracked.path("stages").get(2).has("at")).isFalse();
        assertThat(tracked.path("stage").asText()).isIn("RECEIVED", "DISPATCHED");
        assertThat(tracked.path("receivedAt").asText()).endsWith("Z");
    }

    @Test
    void anUnknownCustomerNumberIsToldAtOnceAndGoesByTheLocationWhenThereIsOne() {
        Http.Response refused = http.post("/api/reports", report("2299999999"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("error").asText()).isEqualTo("UNKNOWN_CUSTOMER_NO");
        assertThat(refused.json().path("field").asText()).isEqualTo("customerNo");
        assertThat(refused.json().path("message").asText()).startsWith("没有找到户号 2299999999，请核对，或使用当前位置");
        assertThat(http.post("/api/reports", report("abc123"))
                        .json()
                        .path("error")
                        .asText())
                .isEqualTo("UNKNOWN_CUSTOMER_NO");
        assertThat(http.post("/api/reports", report("22 999"))
                        .json()
                        .path("field")
                        .asText())
                .as("a number that cannot be one: the format")
                .isEqualTo("customerNo");

        Map<String, Object> withLocation = report("2299999999");
        withLocation.put("location", Map.of("lat", grid.lat() + 0.0011, "lng", grid.lng(), "coordSys", "WGS84"));
        Http.Response accepted = http.post("/api/reports", withLocation);
        assertThat(accepted.status()).isEqualTo(201);
        assertThat(accepted.json().path("message").asText()).startsWith("没有找到户号 2299999999，已按您的当前位置");
        JsonNode tracked =
                trackUntil(accepted.json(), v -> v.path("status").asText().equals("IN_REPAIR"));
        assertThat(tracked.path("incident").path("incidentId").asText())
                .as("placed by its location, on the transformer there")
                .matches("R-\\d{8}");
    }

    @Test
    void aNeighbourLearnsAtOnceThatTheFaultIsKnown() {
        JsonNode first = http.post("/api/reports", report(grid.customer(1))).json();
        JsonNode incident = trackUntil(first, v -> v.path("status").asText().equals("IN_REPAIR"))
                .path("incident");

        JsonNode second = http.post("/api/reports", report(grid.customer(2))).json();
        assertThat(second.path("merged").asBoolean()).isTrue();
        assertThat(second.path("incidentId").asText())
                .isEqualTo(incident.path("incidentId").asText());
        assertThat(second.path("message").asText())
                .isEqualTo("您的报修已并入抢修单 " + incident.path("incidentId").asText() + "，附近已有 1 户报修，我们正在安排抢修人员。");
        JsonNode tracked = trackUntil(second, v -> v.path("status").asText().equals("IN_REPAIR"));
        assertThat(tracked.path("incident").path("reportsCount").asInt()).isEqualTo(2);
    }

    @Test
    void theSameRequestTwiceIsOneReportWithTheSameAnswer() {
        Map<String, Object> body = report(grid.customer(3));
        Http.Response first = http.post("/api/reports", body);
        Http.Response again = http.post("/api/reports", body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(reports.findByRequestId(body.get("requestId").toString()).id())
                .isEqualTo(PublicIds.parseReport(first.json().path("reportId").asText()));
    }

    @Test
    void theSameRequestIdForAnotherReportIsAConflict() {
        Map<String, Object> body = report(grid.customer(3));
        http.post("/api/reports", body);
        body.put("description", "另一件事");
        Http.Response conflict = http.post("/api/reports", body);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().path("error").asText()).isEqualTo("REQUEST_ID_REUSED");
        assertThat(conflict.json().path("field").asText()).isEqualTo("requestId");
    }

    @Test
    void badInputIsA400NamingTheField() {
        Map<String, Object> noPlace = report(null);
        assertField(http.post("/api/reports", noPlace), "customerNo");

        Map<String, Object> badLat = report(null);
        badLat.put("location", Map.of("lat", 91.0, "lng", 125.3, "coordSys", "WGS84"));
        assertField(http.post("/api/reports", badLat), "location.lat");

        Map<String, Object> badSystem = report(null);
        badSystem.put("location", Map.of("lat", 43.8, "lng", 125.3, "coordSys", "MERCATOR"));
        Http.Response system = http.post("/api/reports", badSystem);
        assertField(system, "location.coordSys");
        assertThat(system.json().path("message").asText()).contains("WGS84, GCJ02, BD09");

        Map<String, Object> longText = report(grid.customer(1));
        longText.put("description", "停".repeat(1001));
        assertField(http.post("/api/reports", longText), "description");

        Map<String, Object> noChannel = report(grid.customer(1));
        noChannel.remove("channel");
        assertField(http.post("/api/reports", noChannel), "channel");

        Map<String, Object> noRequestId = report(grid.customer(1));
        noRequestId.remove("requestId");
        assertField(http.post("/api/reports", noRequestId), "requestId");

        Map<String, Object> badPhone = report(grid.customer(1));
        badPhone.put("phone", "call me");
        assertField(http.post("/api/reports", badPhone), "phone");
    }

    private static void assertField(Http.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().path("field").asText()).isEqualTo(field);
        assertThat(response.body()).doesNotContain("Exception");
    }

    @Test
    void gcj02LocationsAreConvertedBeforeLocating() {
        // The phone reports customer 4's home in GCJ-02, hundreds of metres off its WGS-84 position.
        var home = grid.doc().customers().get(3);
        GeoPoint gcj = CoordinateSystem.GCJ02.fromWgs84(home.lat(), home.lng());
        Map<String, Object> body = report(null);
        body.remove("customerNo");
        body.put("location", Map.of("lat", gcj.lat(), "lng", gcj.lng(), "coordSys", "GCJ02"));
        JsonNode answer = http.post("/api/reports", body).json();
        trackUntil(answer, v -> v.path("status").asText().equals("IN_REPAIR"));
        ReportRecord report =
                reports.findById(PublicIds.parseReport(answer.path("reportId").asText()));
        assertThat(report.coordSys()).isEqualTo("GCJ02");
        assertThat(report.lat()).isCloseTo(home.lat(), Assertions.within(1e-5));
        assertThat(report.locatedCustomerNo()).isEqualTo(home.customerNo());
    }

    @Test
    void tooManyReportsFromOneCustomerAreA429() {
        for (int i = 0; i < 5; i++) {
            assertThat(http.post("/api/reports", report(grid.customer(6))).status())
                    .isEqualTo(201);
        }
        Http.Response limited = http.post("/api/reports", report(grid.customer(6)));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().path("error").asText()).isEqualTo("RATE_LIMITED");
        assertThat(limited.json().path("field").asText()).isEqualTo("customerNo");
    }

    @Test
    void tooManyReportsFromOnePhoneAreA429() {
        String phone = "139" + (10_000_000 + (int) (Math.random() * 89_999_999));
        for (int i = 1; i <= 5; i++) {
            Map<String, Object> body = report(grid.customer(i));
            body.put("phone", phone);
            assertThat(http.post("/api/reports", body).status()).isEqualTo(201);
        }
        Map<String, Object> body = report(grid.customer(6));
        body.put("phone", phone);
        Http.Response limited = http.post("/api/reports", body);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().path("field").asText()).isEqualTo("phone");
    }

    @Test
    void aWrongTokenLooksLikeNoReportAtAll() {
        JsonNode answer = http.post("/api/reports", report(grid.customer(1))).json();
        String id = answer.path("reportId").asText();
        Http.Response wrong = http.get("/api/reports/" + id + "?token=" + "x".repeat(43));
        Http.Response missing = http.get("/api/reports/" + id);
        Http.Response nothing = http.get(
                "/api/reports/B-99999999?token=" + answer.path("trackingToken").asText());
        assertThat(wrong.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(wrong.json().path("message").asText())
                .isEqualTo(missing.json().path("message").asText().replace(id, id));
        assertThat(nothing.status()).isEqualTo(404);
        assertThat(http.get("/api/reports/garbage?token=x").status()).isEqualTo(404);
    }

    @Test
    void customersAnswersAreCheckedAgainstWhereTheReportStands() {
        JsonNode answer = http.post("/api/reports", report(grid.customer(5))).json();
        trackUntil(answer, v -> v.path("status").asText().equals("IN_REPAIR"));
        String base = "/api/reports/" + answer.path("reportId").asText();
        String token = "?token=" + answer.path("trackingToken").asText();

        Http.Response rateTooEarly = http.post(base + "/rating" + token, Map.of("stars", 5));
        assertThat(rateTooEarly.status()).isEqualTo(409);
        assertThat(rateTooEarly.json().path("error").asText()).isEqualTo("NOT_EXPECTED_NOW");
        assertThat(http.post(base + "/rating" + token, Map.of("stars", 0))
                        .json()
                        .path("field")
                        .asText())
                .isEqualTo("stars");
        assertThat(http.post(base + "/confirmation" + token, Map.of())
                        .json()
                        .path("field")
                        .asText())
                .isEqualTo("powerRestored");
        assertThat(http.post(base + "/confirmation?token=wrong", Map.of("powerRestored", true))
                        .status())
                .isEqualTo(404);

        // Power came back by itself: the customer says so, and is asked for a rating.
        assertThat(http.post(base + "/confirmation" + token, Map.of("powerRestored", true))
                        .status())
                .isEqualTo(202);
        trackUntil(answer, v -> v.path("status").asText().equals("RATING"));
        assertThat(http.post(base + "/rating" + token, Map.of("stars", 4, "comment", "谢谢"))
                        .status())
                .isEqualTo(202);
        JsonNode closed = trackUntil(answer, v -> v.path("status").asText().equals("CLOSED"));
        assertThat(closed.path("timeline").findValuesAsText("type")).contains("CONFIRMED", "RATED", "CLOSED");
        assertThat(http.post(base + "/rating" + token, Map.of("stars", 1)).status())
                .isEqualTo(409);
    }
}
