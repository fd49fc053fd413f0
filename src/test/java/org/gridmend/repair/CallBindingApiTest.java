package org.gridmend.repair;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.camunda.bpm.engine.task.Task;
import org.gridmend.core.PublicIds;
import org.gridmend.core.StaffGroups;
import org.gridmend.report.ReportAnswer;
import org.gridmend.security.StaffIdentitySetup;
import org.gridmend.support.Await;
import org.gridmend.support.GridMendTest;
import org.gridmend.support.Http;
import org.gridmend.support.RepairFixture;
import org.gridmend.support.ReportFixture;
import org.gridmend.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The call button against a telephony gateway on loopback: when the crew accepts, each customer of the order gets a
 * privacy number bound to their phone and the crew's (the real numbers go to the gateway only); the customer and the
 * crew see the virtual number, nobody else does; when power is back the binding is removed.
 */
@GridMendTest
class CallBindingApiTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> REQUESTS = new CopyOnWriteArrayList<>();
    static final List<JsonNode> BOUND = new CopyOnWriteArrayList<>();
    static final HttpServer GATEWAY = start();

    static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/tel/bindings", exchange -> {
                String line = exchange.getRequestMethod() + " "
                        + exchange.getRequestURI().getPath();
                REQUESTS.add(line);
                byte[] answer = new byte[0];
                int status = 204;
                if (exchange.getRequestMethod().equals("POST")) {
                    JsonNode body = JSON.readTree(exchange.getRequestBody());
                    BOUND.add(body);
                    answer = ("{\"virtualNumber\":\"1709000" + String.format("%04d", BOUND.size()) + "\"}")
                            .getBytes(StandardCharsets.UTF_8);
                    status = 200;
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                }
                exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
                if (answer.length > 0) {
                    exchange.getResponseBody().write(answer);
                }
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void telephony(DynamicPropertyRegistry registry) {
        registry.add(
                "gridmend.contact.call.url",
                () -> "http://127.0.0.1:" + GATEWAY.getAddress().getPort() + "/tel");
    }

    @AfterAll
    static void stop() {
        GATEWAY.stop(0);
    }

    @LocalServerPort
    int port;

    @Autowired
    RepairFixture repairs;

    @Autowired
    ReportFixture reports;

    @Autowired
    StaffIdentitySetup staff;

    @Test
    void aNumberIsBoundAtAcceptanceForTheCustomerAndTheCrewOnlyAndRemovedWhenPowerIsBack() {
        TestUsers.create(staff);
        RepairFixture.Grid g = repairs.newGrid().placeCrews();
        for (int k = 1; k <= 4; k++) {
            staff.user(g.user(k), "Crew", "K" + k, TestUsers.PASSWORD, StaffGroups.CREWS);
        }
        Http anonymous = Http.anonymous(port);
        ReportAnswer answer = reports.byCustomer(g.customer(1));
        Await.until(() -> reports.record(answer).incidentId() != null, 30);
        long incidentId = reports.record(answer).incidentId();
        String order = PublicIds.incident(incidentId);
        String call = "/api/reports/" + answer.reportId() + "/call?token=" + answer.trackingToken();
        String process = repairs.order(incidentId).getId();
        Task offer = repairs.awaitTask(process, "Task_AcceptRepairOrder");
        String crewUser = offer.getAssignee();
        Http crew = anonymous.as(crewUser, TestUsers.PASSWORD);
        Http other = anonymous.as(crewUser.equals(g.user(1)) ? g.user(2) : g.user(1), TestUsers.PASSWORD);

        // before a crew accepts there is nobody to call
        assertThat(anonymous.get(call).json().path("error").asText()).isEqualTo("NOT_NOW");
        assertThat(BOUND).noneMatch(b -> b.path("a").asText().equals("13812345678"));

        repairs.completeAs(crewUser, "crews", offer, Map.of("acceptDecision", "ACCEPT"));
        Await.until(() -> BOUND.stream().anyMatch(b -> b.path("a").asText().equals("13812345678")), 20);
        JsonNode bound = BOUND.stream()
                .filter(b -> b.path("a").asText().equals("13812345678"))
                .findFirst()
                .orElseThrow();
        String crewPhone = "1300000000" + crewUser.substring(crewUser.length() - 1);
        assertThat(bound.path("b").asText()).isEqualTo(crewPhone);
        assertThat(bound.path("bindingId").asText()).startsWith("CB-");
        assertThat(bound.path("expiresAt").asText()).isNotBlank();

        JsonNode number = anonymous.get(call).json();
        assertThat(number.path("virtualNumber").asText()).startsWith("1709000");
        assertThat(number.toString()).doesNotContain(crewPhone);
        assertThat(anonymous
                        .get("/api/reports/" + answer.reportId() + "/call?token=wrong")
                        .status())
                .isEqualTo(404);
        JsonNode crewList = crew.get("/api/repair-orders/" + order + "/calls").json();
        assertThat(crewList.findValuesAsText("virtualNumber"))
                .contains(number.path("virtualNumber").asText());
        assertThat(crewList.toString()).doesNotContain("13812345678");
        assertThat(other.get("/api/repair-orders/" + order + "/calls").status()).isEqualTo(403);
        // the number is bound once per report, however often it is asked for
        anonymous.get(call);
        crew.get("/api/repair-orders/" + order + "/calls");
        assertThat(BOUND.stream().filter(b -> b.path("a").asText().equals("13812345678")))
                .hasSize(1);

        // power back: the binding is removed at the gateway, and the button answers that the call is over
        repairs.workToRestoration(g, crewUser, process);
        String removal = "DELETE /tel/bindings/" + bound.path("bindingId").asText();
        Await.until(() -> REQUESTS.contains(removal), 20);
        assertThat(anonymous.get(call).json().path("error").asText()).isEqualTo("NOT_NOW");
        assertThat(crew.get("/api/repair-orders/" + order + "/calls").json()).isEmpty();
    }
}
