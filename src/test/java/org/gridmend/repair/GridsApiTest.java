package org.gridmend.repair;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridmend.core.PublicIds;
import org.gridmend.core.StaffGroups;
import org.gridmend.report.ReportAnswer;
import org.gridmend.report.ReportStatus;
import org.gridmend.security.StaffIdentitySetup;
import org.gridmend.support.Await;
import org.gridmend.support.GridMendTest;
import org.gridmend.support.Http;
import org.gridmend.support.RepairFixture;
import org.gridmend.support.ReportFixture;
import org.gridmend.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Grid responsibility through HTTP: a dispatcher gives crews their areas, every area has one owner, dispatch prefers
 * the owner (then the deputy) within the slack and says so on the offer, the owner hears of every new fault in its
 * grid, and the customer's pages name their grid member. K1..K4 stand 1, 3, 5 and 7 km north of T1 (urban: about
 * 3, 10, 17 and 24 minutes away); the slack is 15 minutes.
 */
@GridMendTest
class GridsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    RepairFixture repairs;

    @Autowired
    ReportFixture reports;

    @Autowired
    StaffIdentitySetup staff;

    Http anonymous;
    Http dispatcher;

    @BeforeEach
    void setUp() {
        TestUsers.create(staff);
        anonymous = Http.anonymous(port);
        dispatcher = anonymous.as(TestUsers.DISPATCHER, TestUsers.PASSWORD);
    }

    private RepairFixture.Grid grid() {
        RepairFixture.Grid g = repairs.newGrid().placeCrews();
        for (int k = 1; k <= 4; k++) {
            staff.user(g.user(k), "Crew", "K" + k, TestUsers.PASSWORD, StaffGroups.CREWS);
        }
        return g;
    }

    private Http.Response assign(RepairFixture.Grid g, int crew, Integer deputy, String... areas) {
        Map<String, Object> body = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (String a : areas) {
            ids.add(g.node(a));
        }
        body.put("transformerIds", ids);
        body.put("deputyCrewId", deputy == null ? null : g.crew(deputy));
        return dispatcher.put("/api/grids/" + g.crew(crew), body);
    }

    /** A report on T1, triaged and offered: the offer's dispatch attempt as the briefing shows it. */
    private JsonNode offerFor(ReportAnswer answer) {
        Await.until(() -> reports.record(answer).status() == ReportStatus.IN_REPAIR, 30);
        String order = PublicIds.incident(reports.record(answer).incidentId());
        Await.until(
                () -> dispatcher
                                .get("/api/repair-orders/" + order + "/briefing")
                                .json()
                                .path("dispatchAttempts")
                                .size()
                        > 0,
                30);
        return dispatcher
                .get("/api/repair-orders/" + order + "/briefing")
                .json()
                .path("dispatchAttempts")
                .get(0);
    }

    @Test
    void theGridOwnerGetsTheOrderWithinTheSlackHearsOfItAndCustomersSeeTheirGridMember() {
        RepairFixture.Grid g = grid();
        Http.Response assigned = assign(g, 3, 1, "T1");
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        assertThat(assigned.json().path("transformerIds").get(0).asText()).isEqualTo(g.node("T1"));
        assertThat(assigned.json().path("deputyCrewId").asText()).isEqualTo(g.crew(1));

        ReportAnswer answer = reports.byCustomer(g.customer(1));
        JsonNode offer = offerFor(answer);
        // K3 is about 17 minutes away, K1 about 3: within the 15 minutes' slack, the owner goes
        assertThat(offer.path("crewId").asText()).isEqualTo(g.crew(3));
        assertThat(offer.path("rule").asText()).isEqualTo("GRID_OWNER");
        assertThat(offer.path("candidates").asText()).startsWith("GRID_OWNER (area " + g.node("T1"));

        String order = PublicIds.incident(reports.record(answer).incidentId());
        JsonNode told = dispatcher.get("/api/notifications?incidentId=" + order).json();
        List<String> gridMessages = new ArrayList<>();
        told.forEach(n -> {
            if ("GRID_INCIDENT".equals(n.path("eventType").asText())) {
                gridMessages.add(n.path("phone").asText());
            }
        });
        assertThat(gridMessages).as(told.toString()).hasSize(1);
        assertThat(gridMessages.get(0)).endsWith("0003").doesNotContain("13000000003");

        JsonNode tracking = anonymous
                .get("/api/reports/" + answer.reportId() + "?token=" + answer.trackingToken())
                .json();
        assertThat(tracking.path("gridMember").path("employeeNo").asText()).isEqualTo((g.p() + "03").toUpperCase());
        assertThat(tracking.path("gridMember").path("name").asText())
                .isNotEqualTo("班组3")
                .startsWith("班");
        assertThat(tracking.path("gridMember").has("phone")).isFalse();
        JsonNode outages =
                anonymous.get("/api/outages?customerNo=" + g.customer(1)).json();
        assertThat(outages.path("gridMember").path("employeeNo").asText()).isEqualTo((g.p() + "03").toUpperCase());
        // T2 has no grid member
        assertThat(anonymous
                        .get("/api/outages?customerNo=" + g.customer(4))
                        .json()
                        .has("gridMember"))
                .isFalse();
    }

    @Test
    void beyondTheSlackTheDeputyOrTheNearestCrewGoes() {
        // the owner K4 is 24 minutes away, 21 more than K1: its deputy K3 (17 minutes, 14 more) goes
        RepairFixture.Grid deputyGrid = grid();
        assertThat(assign(deputyGrid, 4, 3, "T1").status()).isEqualTo(200);
        JsonNode deputyOffer = offerFor(reports.byCustomer(deputyGrid.customer(1)));
        assertThat(deputyOffer.path("crewId").asText()).isEqualTo(deputyGrid.crew(3));
        assertThat(deputyOffer.path("rule").asText()).isEqualTo("GRID_DEPUTY");

        // the owner K4 without a deputy: the nearest crew K1 goes, and the offer says why not the owner
        RepairFixture.Grid far = grid();
        assertThat(assign(far, 4, null, "T1").status()).isEqualTo(200);
        JsonNode nearest = offerFor(reports.byCustomer(far.customer(1)));
        assertThat(nearest.path("crewId").asText()).isEqualTo(far.crew(1));
        assertThat(nearest.path("rule").asText()).isEqualTo("NEAREST");
        assertThat(nearest.path("candidates").asText())
                .contains("owner " + far.crew(4))
                .contains("15 min");

        // the owner K2 is off shift: its deputy K3 goes
        RepairFixture.Grid offShift = grid();
        assertThat(assign(offShift, 2, 3, "T1").status()).isEqualTo(200);
        assertThat(dispatcher
                        .put("/api/crews/" + offShift.crew(2) + "/shift", Map.of("onShift", false))
                        .status())
                .isEqualTo(204);
        JsonNode covered = offerFor(reports.byCustomer(offShift.customer(1)));
        assertThat(covered.path("crewId").asText()).isEqualTo(offShift.crew(3));
        assertThat(covered.path("rule").asText()).isEqualTo("GRID_DEPUTY");
    }

    @Test
    void anAreaHasOneOwnerAndBadAssignmentsNameTheField() {
        RepairFixture.Grid g = grid();
        assertThat(assign(g, 1, null, "T1", "T2").status()).isEqualTo(200);

        Http.Response taken = assign(g, 2, null, "T2", "T3");
        assertThat(taken.status()).as(taken.toString()).isEqualTo(409);
        assertThat(taken.json().path("error").asText()).isEqualTo("AREA_HAS_OWNER");
        assertThat(taken.json().path("field").asText()).isEqualTo("transformerIds");
        assertThat(taken.json().path("message").asText()).contains(g.node("T2")).contains(g.crew(1));
        assertThat(dispatcher
                        .get("/api/grids/" + g.crew(2))
                        .json()
                        .path("transformerIds")
                        .size())
                .as("nothing of a refused assignment is kept")
                .isZero();

        Map<String, Object> unknownArea = Map.of("transformerIds", List.of(g.node("T3"), "nowhere"));
        Http.Response unknown = dispatcher.put("/api/grids/" + g.crew(2), unknownArea);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("field").asText()).isEqualTo("transformerIds[1]");
        Http.Response missing = dispatcher.put("/api/grids/" + g.crew(2), Map.of("deputyCrewId", g.crew(1)));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("field").asText()).isEqualTo("transformerIds");
        Http.Response badDeputy = dispatcher.put(
                "/api/grids/" + g.crew(2), Map.of("transformerIds", List.of(), "deputyCrewId", "nobody"));
        assertThat(badDeputy.status()).isEqualTo(400);
        assertThat(badDeputy.json().path("field").asText()).isEqualTo("deputyCrewId");
        Http.Response self = dispatcher.put(
                "/api/grids/" + g.crew(2), Map.of("transformerIds", List.of(), "deputyCrewId", g.crew(2)));
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.json().path("field").asText()).isEqualTo("deputyCrewId");
        assertThat(dispatcher
                        .put("/api/grids/nobody", Map.of("transformerIds", List.of()))
                        .status())
                .isEqualTo(404);

        // K1 releases T2; then K2 may take it
        assertThat(assign(g, 1, null, "T1").status()).isEqualTo(200);
        assertThat(assign(g, 2, 1, "T2", "T3").status()).isEqualTo(200);
        JsonNode overview = dispatcher.get("/api/grids").json();
        assertThat(overview.path("ownerByArea").path(g.node("T1")).asText()).isEqualTo(g.crew(1));
        assertThat(overview.path("ownerByArea").path(g.node("T2")).asText()).isEqualTo(g.crew(2));
        assertThat(overview.path("crews").toString()).contains(g.crew(4));

        // a crew reads its own grid, not another's, and draws none
        Http crew1 = anonymous.as(g.user(1), TestUsers.PASSWORD);
        assertThat(crew1.get("/api/grids/" + g.crew(1))
                        .json()
                        .path("transformerIds")
                        .toString())
                .contains(g.node("T1"));
        assertThat(crew1.get("/api/grids/" + g.crew(2)).status()).isEqualTo(403);
        assertThat(crew1.get("/api/grids").status()).isEqualTo(403);
        assertThat(crew1.put("/api/grids/" + g.crew(1), Map.of("transformerIds", List.of()))
                        .status())
                .isEqualTo(403);
        assertThat(anonymous.get("/api/grids/" + g.crew(1)).status()).isEqualTo(401);
    }
}
