package org.gridmend.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gridmend.support.GridMendTest;
import org.gridmend.support.Http;
import org.gridmend.support.RawHttp;
import org.gridmend.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests that fail before any controller of GridMend's runs, from Tomcat's URL parser through Spring Security's
 * firewall to Spring's handler lookup: every answer is GridMend's {@code {"error", "message"}} in JSON, with no HTML,
 * no {@code timestamp}/{@code path} body, no server version, and input repeated at most as a short prefix.
 */
@GridMendTest
class ErrorFormatAttackTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    StaffIdentitySetup staff;

    String dispatcher;

    @BeforeEach
    void setUp() {
        TestUsers.create(staff);
        dispatcher = "Basic "
                + Base64.getEncoder().encodeToString((TestUsers.DISPATCHER + ":" + TestUsers.PASSWORD).getBytes());
    }

    private JsonNode gridMendError(RawHttp.Response response, int... statuses) throws Exception {
        assertThat(response.status()).as(response.body()).isIn(toObjects(statuses));
        assertThat(response.header("content-type")).as(response.body()).startsWith("application/json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("error").asText()).as(response.body()).isNotEmpty();
        assertThat(body.path("message").asText()).as(response.body()).isNotEmpty();
        assertThat(body.has("timestamp")).as(response.body()).isFalse();
        assertThat(response.body())
                .doesNotContain("<html")
                .doesNotContain("Tomcat")
                .doesNotContain("Exception");
        return body;
    }

    private static Object[] toObjects(int[] statuses) {
        Object[] boxed = new Object[statuses.length];
        for (int i = 0; i < statuses.length; i++) {
            boxed[i] = statuses[i];
        }
        return boxed;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/reports/%00",
                "/api/reports/%2F",
                "/api/..%2Freports",
                "/api/reports;jsessionid=1",
                "/api/reports/B-00000001;x=1",
                "/api//board",
                "/api/reports/B-1/%2e%2e/x",
                "/a%ZZ",
                "/api/%C0%AE%C0%AE/board",
                "/api/nothing/here",
                "/api/board/../nothing"
            })
    void pathTricksAreAnsweredInGridMendsFormat(String path) throws Exception {
        gridMendError(
                RawHttp.send("127.0.0.1", port, "GET", path, Map.of("Authorization", dispatcher), null), 400, 404);
    }

    @Test
    void aQueryOverTheLimitIsAnsweredInGridMendsFormat() throws Exception {
        gridMendError(
                RawHttp.send("127.0.0.1", port, "GET", "/api/outages?x=" + "a".repeat(9000), Map.of(), null), 400);
    }

    @Test
    void wrongMediaTypesAndMethodsAreAnsweredInGridMendsFormat() throws Exception {
        JsonNode xml = gridMendError(
                RawHttp.send("127.0.0.1", port, "POST", "/api/reports", Map.of("Content-Type", "text/xml"), "<a/>"),
                415);
        assertThat(xml.path("error").asText()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        gridMendError(
                RawHttp.send("127.0.0.1", port, "DELETE", "/api/board", Map.of("Authorization", dispatcher), null),
                405);
        Http.Response xmlWanted = Http.anonymous(port)
                .as(TestUsers.DISPATCHER, TestUsers.PASSWORD)
                .get("/api/board", "application/xml");
        assertThat(xmlWanted.status()).as(xmlWanted.body()).isEqualTo(406);
        assertThat(xmlWanted.contentType()).startsWith("application/json");
        assertThat(xmlWanted.json().path("error").asText()).isEqualTo("NOT_ACCEPTABLE");
    }

    @Test
    void aLongIdIsNotEchoedWhole() throws Exception {
        String id = "B-" + "9".repeat(5000);
        JsonNode answer = gridMendError(
                RawHttp.send(
                        "127.0.0.1",
                        port,
                        "GET",
                        "/api/audit/incidents/R-" + "9".repeat(5000) + "/trace",
                        Map.of(),
                        null),
                401);
        assertThat(answer.toString().length()).isLessThan(600);
        RawHttp.Response unknownMeter = RawHttp.send(
                "127.0.0.1",
                port,
                "POST",
                "/api/reports",
                Map.of("Content-Type", "application/json"),
                "{\"requestId\": \"x-" + id + "\", \"channel\": \"APP\", \"customerNo\": \"" + id + "\"}");
        assertThat(unknownMeter.status()).isLessThan(500);
        assertThat(unknownMeter.body().length()).as(unknownMeter.body()).isLessThan(1000);
    }
}
