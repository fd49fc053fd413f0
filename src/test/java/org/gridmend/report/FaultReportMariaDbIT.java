package org.gridmend.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridmend.core.PublicIds;
import org.gridmend.support.Http;
import org.gridmend.support.MariaDbTest;
import org.gridmend.support.ReportFixture;
import org.gridmend.triage.IncidentService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A report's whole life through the HTTP API on a real MariaDB, with the job executor running. */
@MariaDbTest
class FaultReportMariaDbIT {

    @LocalServerPort
    int port;

    @Autowired
    ReportFixture fixture;

    @Autowired
    IncidentService incidents;

    private JsonNode until(Http http, JsonNode answer, Predicate<JsonNode> done) {
        String path = "/api/reports/" + answer.path("reportId").asText() + "?token="
                + answer.path("trackingToken").asText();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode view = http.get(path).json();
        while (!done.test(view)) {
            assertThat(Instant.now()).as("never got there: " + view).isBefore(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            view = http.get(path).json();
        }
        return view;
    }

    @Test
    void reportedMergedRestoredConfirmedRatedOnMariaDb() {
        ReportFixture.Grid grid = fixture.newGrid();
        Http http = Http.anonymous(port);
        Map<String, Object> first = Map.of(
                "requestId",
                UUID.randomUUID().toString(),
                "channel",
                "APP",
                "customerNo",
                grid.customer(4),
                "description",
                "整栋楼停电 🔌");
        JsonNode a = http.post("/api/reports", first).json();
        assertThat(http.post("/api/reports", first).json()).isEqualTo(a);
        JsonNode aTracked = until(http, a, v -> v.path("status").asText().equals("IN_REPAIR"));

        JsonNode b = http.post(
                        "/api/reports",
                        Map.of(
                                "requestId",
                                UUID.randomUUID().toString(),
                                "channel",
                                "HOTLINE",
                                "customerNo",
                                grid.customer(5)))
                .json();
        assertThat(b.path("merged").asBoolean()).isTrue();
        assertThat(b.path("incidentId").asText())
                .isEqualTo(aTracked.path("incident").path("incidentId").asText());
        until(http, b, v -> v.path("incident").path("reportsCount").asInt() == 2);

        incidents.restore(PublicIds.parseIncident(b.path("incidentId").asText()));
        until(http, a, v -> v.path("status").asText().equals("RESTORED"));
        String base = "/api/reports/" + a.path("reportId").asText();
        String token = "?token=" + a.path("trackingToken").asText();
        assertThat(http.post(base + "/confirmation" + token, Map.of("powerRestored", true))
                        .status())
                .isEqualTo(202);
        until(http, a, v -> v.path("status").asText().equals("RATING"));
        assertThat(http.post(base + "/rating" + token, Map.of("stars", 5, "comment", "👍 很快"))
                        .status())
                .isEqualTo(202);
        JsonNode closed = until(http, a, v -> v.path("status").asText().equals("CLOSED"));
        assertThat(closed.path("timeline").findValuesAsText("type"))
                .containsSubsequence(
                        "RECEIVED", "ACKNOWLEDGED", "RESTORED", "CONFIRMED", "RATING_REQUESTED", "RATED", "CLOSED");
    }
}
