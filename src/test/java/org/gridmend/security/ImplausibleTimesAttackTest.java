package org.gridmend.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.gridmend.core.PublicIds;
import org.gridmend.core.StaffGroups;
import org.gridmend.report.ReportMapper;
import org.gridmend.report.ReportStatus;
import org.gridmend.support.Await;
import org.gridmend.support.GridMendTest;
import org.gridmend.support.Http;
import org.gridmend.support.ReportFixture;
import org.gridmend.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Times that cannot be true: a meter's gasp from year 1 or from a million years back (once a 500 from the database),
 * a notice starting in year 999,999,999 or ending in 9999, a restoration seen before the report was made. Each is
 * refused with a 400 naming the field, or, for the restoration, confirms nothing it cannot speak for.
 */
@GridMendTest
class ImplausibleTimesAttackTest {

    private static final String AMI = "tamitimes";

    @LocalServerPort
    int port;

    @Autowired
    ReportFixture fixture;

    @Autowired
    ReportMapper reports;

    @Autowired
    StaffIdentitySetup staff;

    Http ami;
    Http dispatcher;
    ReportFixture.Grid grid;

    @BeforeEach
    void setUp() {
        TestUsers.create(staff);
        staff.user(AMI, "AMI", "Times", TestUsers.PASSWORD, StaffGroups.INTEGRATIONS);
        ami = Http.anonymous(port).as(AMI, TestUsers.PASSWORD);
        dispatcher = Http.anonymous(port).as(TestUsers.DISPATCHER, TestUsers.PASSWORD);
        grid = fixture.newGrid();
    }

    private static void refused(Http.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().path("field").asText()).as(response.body()).isEqualTo(field);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("SQL");
    }

    @Test
    void aMeterSpeaksOfTheLastDayOnly() {
        String meter = grid.customer(1);
        refused(
                ami.post(
                        "/api/meter-events",
                        "{\"meterNo\": \"" + meter + "\", \"type\": \"LAST_GASP\", \"at\": -99999999999999}"),
                "at");
        for (String at : new String[] {
            "0001-01-01T00:00:00Z",
            Instant.now().minus(Duration.ofDays(2)).toString(),
            Instant.now().plus(Duration.ofHours(1)).toString(),
            "+999999999-01-01T00:00:00Z"
        }) {
            refused(ami.post("/api/meter-events", Map.of("meterNo", meter, "type", "LAST_GASP", "at", at)), "at");
        }
        Http.Response fresh = ami.post(
                "/api/meter-events",
                Map.of(
                        "meterNo",
                        meter,
                        "type",
                        "LAST_GASP",
                        "at",
                        Instant.now().minus(Duration.ofHours(2)).toString()));
        assertThat(fresh.status()).as(fresh.body()).isEqualTo(202);
    }

    @Test
    void aRestorationSeenBeforeTheReportConfirmsNothing() {
        var answer = fixture.byCustomer(grid.customer(2));
        Await.until(() -> fixture.record(answer).status() == ReportStatus.IN_REPAIR, 20);
        Instant made = fixture.record(answer).createdAt();
        Http.Response earlier = ami.post(
                "/api/meter-events",
                Map.of(
                        "meterNo",
                        grid.customer(2),
                        "type",
                        "POWER_RESTORED",
                        "at",
                        made.minus(Duration.ofMinutes(17)).toString()));
        assertThat(earlier.status()).as(earlier.body()).isEqualTo(202);
        assertThat(earlier.json().path("confirmedReports").asInt()).isZero();
        assertThat(fixture.record(answer).status()).isEqualTo(ReportStatus.IN_REPAIR);

        Http.Response later = ami.post(
                "/api/meter-events",
                Map.of(
                        "meterNo",
                        grid.customer(2),
                        "type",
                        "POWER_RESTORED",
                        "at",
                        Instant.now().toString()));
        assertThat(later.json().path("confirmedReports").asInt()).isEqualTo(1);
        long id = PublicIds.parseReport(answer.reportId());
        Await.until(() -> reports.findById(id).powerRestored() != null, 20);
        assertThat(reports.findById(id).powerRestored()).isTrue();
    }

    private Http.Response notice(String start, String end, String reason) {
        StringBuilder body = new StringBuilder("{\"type\": \"PLANNED\", \"deviceId\": \"" + grid.node("SW") + "\"");
        body.append(", \"start\": \"")
                .append(start)
                .append("\", \"expectedEnd\": \"")
                .append(end)
                .append('"');
        if (reason != null) {
            body.append(", \"reason\": \"").append(reason).append('"');
        }
        return dispatcher.post("/api/outage-notices", body.append('}').toString());
    }

    @Test
    void aNoticeLiesWithinAYearAndSaysWhy() {
        Instant now = Instant.now();
        String inAnHour = now.plus(Duration.ofHours(1)).toString();
        String inFiveHours = now.plus(Duration.ofHours(5)).toString();
        refused(notice("+999999999-01-01T00:00:00Z", "+999999999-01-02T00:00:00Z", "检修"), "start");
        refused(notice(inAnHour, "9999-12-31T23:59:59Z", "检修"), "expectedEnd");
        refused(notice(now.minus(Duration.ofDays(400)).toString(), inFiveHours, "检修"), "start");
        refused(notice(now.plus(Duration.ofDays(400)).toString(), "+10000-01-01T00:00:00Z", "检修"), "start");
        refused(notice(inAnHour, inFiveHours, null), "reason");
        refused(notice(inAnHour, inFiveHours, "  "), "reason");
        Http.Response planned = notice(inAnHour, inFiveHours, "10kV 线路检修");
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
    }

    @Test
    void aSearchStaysWithinTheArchive() {
        TestUsers.create(staff);
        Http auditor = Http.anonymous(port).as(TestUsers.AUDITOR, TestUsers.PASSWORD);
        refused(auditor.get("/api/audit/search?from=%2B999999999-01-01T00:00:00Z"), "from");
        refused(auditor.get("/api/audit/search?to=0001-01-01"), "to");
        assertThat(auditor.get("/api/audit/search?from=2026-01-01").status()).isEqualTo(200);
    }
}
