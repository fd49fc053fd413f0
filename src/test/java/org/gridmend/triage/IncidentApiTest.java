package org.gridmend.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridmend.core.PublicIds;
import org.gridmend.core.StaffGroups;
import org.gridmend.report.ReportMapper;
import org.gridmend.report.ReportRecord;
import org.gridmend.report.ReportService;
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

/** Incidents, outage notices and meter events through HTTP. */
@GridMendTest
class IncidentApiTest {

    private static final String AMI = "tamiheadend";

    @LocalServerPort
    int port;

    @Autowired
    ReportFixture fixture;

    @Autowired
    ReportMapper reports;

    @Autowired
    StaffIdentitySetup staff;

    @Autowired
    ReportService customer;

    Http dispatcher;
    Http ami;
    ReportFixture.Grid grid;

    @BeforeEach
    void setUp() {
        TestUsers.create(staff);
        staff.user(AMI, "AMI", "Head-end", TestUsers.PASSWORD, StaffGroups.INTEGRATIONS);
        dispatcher = Http.anonymous(port).as(TestUsers.DISPATCHER, TestUsers.PASSWORD);
        ami = Http.anonymous(port).as(AMI, TestUsers.PASSWORD);
        grid = fixture.newGrid();
    }

    private static void await(BooleanSupplier condition) {
        Await.until(condition, 20);
    }

    private ReportRecord triaged(String customerNo) {
        var answer = fixture.byCustomer(customerNo);
        await(() -> fixture.record(answer).status() == ReportStatus.IN_REPAIR);
        return fixture.record(answer);
    }

    @Test
    void dispatchersSeeTheIncidentItsReportsAndWhy() {
        // Customers 4 and 5 live in T2, below the switch beside the fuse: no rule moves their incident up.
        ReportRecord first = triaged(grid.customer(4));
        triaged(grid.customer(5));
        String incidentId = "R-" + String.format("%08d", first.incidentId());

        JsonNode list = dispatcher.get("/api/incidents?status=OPEN").json();
        JsonNode listed = null;
        for (JsonNode i : list) {
            if (i.path("incidentId").asText().equals(incidentId)) {
                listed = i;
            }
        }
        assertThat(listed)
                .as("incident " + incidentId + " in the OPEN list " + list)
                .isNotNull();
        assertThat(listed.path("reportsCount").asInt()).isEqualTo(2);
        assertThat(listed.path("deviceId").asText()).isEqualTo(grid.node("T2"));

        JsonNode detail = dispatcher.get("/api/incidents/" + incidentId).json();
        assertThat(detail.path("level").asText()).isEqualTo("TRANSFORMER");
        assertThat(detail.path("rule").asText()).isEqualTo("FIRST_REPORT");
        assertThat(detail.path("reportIds")).hasSize(2);
        assertThat(detail.path("decisions").findValuesAsText("rule"))
                .containsExactly("FIRST_REPORT", "COVERED_BY_OPEN_INCIDENT");
        assertThat(detail.path("firstReportAt").asText()).isNotBlank();

        assertThat(dispatcher.get("/api/incidents/R-99999999").status()).isEqualTo(404);
        assertThat(dispatcher.get("/api/incidents?status=BROKEN").status()).isEqualTo(400);
    }

    @Test
    void aNoticeCoversTheDevicesAreaAndAnswersItsReports() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));
        Http.Response created = dispatcher.post(
                "/api/outage-notices",
                Map.of(
                        "type",
                        "PLANNED",
                        "deviceId",
                        grid.node("FU"),
                        "start",
                        now.minusHours(1).toString(),
                        "expectedEnd",
                        now.plusHours(2).toString(),
                        "reason",
                        "更换熔断器"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("customers").asInt()).isEqualTo(3);

        var answer = fixture.byCustomer(grid.customer(2));
        assertThat(answer.message()).contains("计划停电").contains("更换熔断器");
        await(() -> fixture.record(answer).status() == ReportStatus.PLANNED_OUTAGE);

        Http.Response unknown = dispatcher.post(
                "/api/outage-notices",
                Map.of(
                        "type",
                        "PLANNED",
                        "deviceId",
                        "nope",
                        "start",
                        now.toString(),
                        "expectedEnd",
                        now.plusHours(1).toString()));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("field").asText()).isEqualTo("deviceId");
        Http.Response backwards = dispatcher.post(
                "/api/outage-notices",
                Map.of(
                        "type",
                        "FAULT",
                        "deviceId",
                        grid.node("FU"),
                        "start",
                        now.toString(),
                        "expectedEnd",
                        now.minusHours(1).toString()));
        assertThat(backwards.json().path("field").asText()).isEqualTo("expectedEnd");
    }

    @Test
    void aLastGaspBecomesAnAmiReportAndARestorationConfirmsIt() {
        String meter = grid.customer(3);
        String at = Instant.now().minusSeconds(30).toString();
        Http.Response gasp = ami.post("/api/meter-events", Map.of("meterNo", meter, "type", "LAST_GASP", "at", at));
        assertThat(gasp.status()).isEqualTo(202);
        String reportId = gasp.json().path("reportId").asText();
        assertThat(reportId).matches("B-\\d{8}");
        Http.Response again = ami.post("/api/meter-events", Map.of("meterNo", meter, "type", "LAST_GASP", "at", at));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("duplicate").asBoolean()).isTrue();

        long id = PublicIds.parseReport(reportId);
        await(() -> reports.findById(id).status() == ReportStatus.IN_REPAIR);
        ReportRecord amiReport = reports.findById(id);
        assertThat(amiReport.channel().name()).isEqualTo("AMI");
        assertThat(amiReport.locateMethod()).isEqualTo("METER");
        // No customer behind a meter's gasp: no answer on its timeline.
        assertThat(customer.track(reportId, amiReport.trackingToken()).timeline())
                .extracting(e -> e.type())
                .doesNotContain("RECEIVED");

        Http.Response restored = ami.post(
                "/api/meter-events",
                Map.of(
                        "meterNo",
                        meter,
                        "type",
                        "POWER_RESTORED",
                        "at",
                        Instant.now().toString()));
        assertThat(restored.json().path("confirmedReports").asInt()).isEqualTo(1);
        await(() -> reports.findById(id).status() == ReportStatus.RATING);
        assertThat(reports.findById(id).powerRestored()).isTrue();
    }

    @Test
    void meterEventsAreValidated() {
        Http.Response unknown = ami.post(
                "/api/meter-events",
                Map.of(
                        "meterNo",
                        "M-" + UUID.randomUUID(),
                        "type",
                        "LAST_GASP",
                        "at",
                        Instant.now().toString()));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("error").asText()).isEqualTo("UNKNOWN_METER");
        Http.Response badType = ami.post(
                "/api/meter-events",
                Map.of(
                        "meterNo",
                        grid.customer(1),
                        "type",
                        "BLINK",
                        "at",
                        Instant.now().toString()));
        assertThat(badType.json().path("field").asText()).isEqualTo("type");
        Http.Response noTime = ami.post("/api/meter-events", Map.of("meterNo", grid.customer(1), "type", "LAST_GASP"));
        assertThat(noTime.json().path("field").asText()).isEqualTo("at");
    }
}
