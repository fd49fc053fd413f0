package org.gridmend.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gridmend.core.StaffGroups;
import org.gridmend.support.GridMendTest;
import org.gridmend.support.Http;
import org.gridmend.support.RepairFixture;
import org.gridmend.support.TestGrids;
import org.gridmend.support.TestUsers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Coordinates that are not numbers, sent as an attacker would: {@code "NaN"} and {@code "Infinity"} as JSON strings
 * (Jackson turns them into doubles) and as query parameters, on every endpoint that takes a position. Each is a 400
 * naming the field; a NaN crew position once passed the arrival check, since every comparison with NaN is false.
 */
@GridMendTest
class CoordinatesAttackTest {

    @LocalServerPort
    int port;

    @Autowired
    RepairFixture repairs;

    @Autowired
    StaffIdentitySetup staff;

    private final ObjectMapper json = new ObjectMapper();

    private static void refused(Http.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().path("field").asText()).as(response.body()).isEqualTo(field);
        assertThat(response.body()).doesNotContain("Exception");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity"})
    void notANumberIsRefusedEverywhere(String bad) throws Exception {
        TestUsers.create(staff);
        RepairFixture.Grid g = repairs.newGrid().placeCrews();
        staff.user(g.user(1), "Crew", "K1", TestUsers.PASSWORD, StaffGroups.CREWS);
        Http anonymous = Http.anonymous(port);
        Http crew = anonymous.as(g.user(1), TestUsers.PASSWORD);
        Http dispatcher = anonymous.as(TestUsers.DISPATCHER, TestUsers.PASSWORD);
        Http admin = anonymous.as(TestUsers.ADMIN, TestUsers.PASSWORD);

        for (String coordinate : List.of("lat", "lng")) {
            String other = coordinate.equals("lat") ? "lng" : "lat";
            String position = "{\"" + coordinate + "\": \"" + bad + "\", \"" + other + "\": 43.9}";
            refused(
                    anonymous.post(
                            "/api/reports",
                            "{\"requestId\": \"" + UUID.randomUUID() + "\", \"channel\": \"WECHAT\", \"location\": "
                                    + position + "}"),
                    "location." + coordinate);
            refused(
                    anonymous.post("/api/power-status", "{\"powered\": true, \"location\": " + position + "}"),
                    "location." + coordinate);
            refused(anonymous.get("/api/outages?" + coordinate + "=" + bad + "&" + other + "=43.9"), coordinate);
            refused(crew.post("/api/crews/" + g.crew(1) + "/positions", position), coordinate);
            refused(
                    crew.post(
                            "/api/crews/" + g.crew(1) + "/positions",
                            "[{\"lat\": 43.9, \"lng\": 125.3}, " + position + "]"),
                    "[1]." + coordinate);
            refused(dispatcher.get("/api/grid/nearest?" + coordinate + "=" + bad + "&" + other + "=43.9"), coordinate);

            ObjectNode doc = (ObjectNode) json.valueToTree(TestGrids.small(
                    "NAN" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(), 31.0, 101.0));
            ((ObjectNode) doc.withArray("customers").get(0)).put(coordinate, bad);
            Http.Response grid = admin.post("/api/grid/import", json.writeValueAsString(doc));
            assertThat(grid.status()).as(grid.body()).isEqualTo(400);
            assertThat(grid.json().path("field").asText()).isEqualTo("customers[0]." + coordinate);
        }
    }
}
