package org.gridmend.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gridmend.support.Await;
import org.gridmend.support.ReportFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * One valid tracking token, or one client, tries to take every live-timeline slot of a node, as an attacker would.
 * The report's and the client's caps refuse it with 429 and Retry-After (the tracking page polls instead), and a slot
 * given back is free again. A context of its own with small caps, so that no other test's streams count.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "camunda.bpm.process-engine-name=streamattack",
            "spring.datasource.url=jdbc:h2:mem:gridmend-stream-attack;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
            "gridmend.notify.streams.max-per-report=3",
            "gridmend.notify.streams.max-per-client=5",
            "gridmend.notify.streams.heartbeat=1s",
            "gridmend.notify.streams.poll=500ms"
        })
@ActiveProfiles("test")
class TimelineStreamAttackTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    ReportFixture reports;

    @Autowired
    TimelineStreamService streams;

    private final List<HttpResponse<InputStream>> held = new ArrayList<>();

    @AfterEach
    void hangUp() throws Exception {
        for (HttpResponse<InputStream> response : held) {
            response.body().close();
        }
        Await.until(() -> streams.openStreams() == 0, 20);
    }

    private HttpResponse<InputStream> open(ReportAnswer answer) throws Exception {
        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/reports/"
                                        + answer.reportId() + "/events?token=" + answer.trackingToken()))
                                .header("Accept", "text/event-stream")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        held.add(response);
        return response;
    }

    private static JsonNode refusal(HttpResponse<InputStream> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("60");
        JsonNode error = JSON.readTree(new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
        assertThat(error.path("error").asText()).isEqualTo("TOO_MANY_STREAMS");
        assertThat(error.path("field").asText()).isEqualTo("events");
        return error;
    }

    @Test
    void oneTokenOrOneClientCannotTakeEverySlot() throws Exception {
        ReportFixture.Grid grid = reports.newGrid();
        ReportAnswer first = reports.byCustomer(grid.customer(1));
        ReportAnswer second = reports.byCustomer(grid.customer(2));
        ReportAnswer third = reports.byCustomer(grid.customer(3));

        for (int i = 0; i < 3; i++) {
            assertThat(open(first).statusCode()).isEqualTo(200);
        }
        assertThat(refusal(open(first)).path("message").asText())
                .startsWith("this report already has 3 live timelines open; poll GET /api/reports/");

        assertThat(open(second).statusCode()).isEqualTo(200);
        assertThat(open(second).statusCode()).isEqualTo(200);
        // five from this address: a third report's stream is refused too
        assertThat(refusal(open(third)).path("message").asText())
                .startsWith("too many live timelines are open from your address");
        assertThat(streams.openStreams()).isEqualTo(5);

        // a client that goes away gives its slot back, and the next one gets it
        held.get(0).body().close();
        Await.until(() -> streams.openStreams() == 4, 20);
        assertThat(open(third).statusCode()).isEqualTo(200);
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void theCapsCountTheStreamsOfEveryNodeAlive() throws Exception {
        ReportFixture.Grid grid = reports.newGrid();
        ReportAnswer answer = reports.byCustomer(grid.customer(1));
        String other = "other-" + System.nanoTime();
        java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
        jdbc.update(
                "INSERT INTO gm_node (node_id, host, started_at, last_seen_at) VALUES (?, 'elsewhere', ?, ?)",
                other,
                now,
                now);
        for (int i = 0; i < 3; i++) {
            jdbc.update(
                    "INSERT INTO gm_stream (node_id, report_id, client, opened_at) VALUES (?, ?, '10.9.9.9', ?)",
                    other,
                    answer.reportId(),
                    now);
        }
        // another node holds the report's three streams: none is left here
        assertThat(refusal(open(answer)).path("message").asText())
                .startsWith("this report already has 3 live timelines open");
        // that node stops beating: its streams no longer count
        jdbc.update(
                "UPDATE gm_node SET last_seen_at = ? WHERE node_id = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)),
                other);
        assertThat(open(answer).statusCode()).isEqualTo(200);
    }
}
