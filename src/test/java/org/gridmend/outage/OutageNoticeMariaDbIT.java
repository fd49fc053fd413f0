package org.gridmend.outage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridmend.security.StaffIdentitySetup;
import org.gridmend.support.Await;
import org.gridmend.support.Http;
import org.gridmend.support.MariaDbTest;
import org.gridmend.support.ReportFixture;
import org.gridmend.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Outage notices on MariaDB through HTTP, with the job executor running as in production: the timers fire by
 * themselves, every customer below the device is told once, and customers' look-ups see the notice.
 */
@MariaDbTest
class OutageNoticeMariaDbIT {

    @LocalServerPort
    int port;

    @Autowired
    ReportFixture fixture;

    @Autowired
    StaffIdentitySetup staff;

    @Autowired
    JdbcTemplate jdbc;

    Http dispatcher;
    Http customer;
    ReportFixture.Grid grid;

    @BeforeEach
    void setUp() {
        TestUsers.create(staff);
        dispatcher = Http.anonymous(port).as(TestUsers.DISPATCHER, TestUsers.PASSWORD);
        customer = Http.anonymous(port);
        grid = fixture.newGrid();
    }

    private long told(long noticeId, String event) {
        return jdbc.queryForObject(
                "SELECT COUNT(DISTINCT customer_no) FROM gm_notification WHERE notice_id = ? AND " + "event_type = ?",
                Long.class,
                noticeId,
                event);
    }

    private long publish(String type, Instant start) {
        Http.Response created = dispatcher.post(
                "/api/outage-notices",
                Map.of(
                        "type",
                        type,
                        "deviceId",
                        grid.node("SW"),
                        "start",
                        start.toString(),
                        "expectedEnd",
                        start.plus(Duration.ofHours(4)).toString(),
                        "reason",
                        "10kV 线路检修"));
        assertThat(created.status()).isEqualTo(201);
        return created.json().path("noticeId").asLong();
    }

    @Test
    void aPlannedOutageTwoHoursAheadIsAnnouncedAtOnceAndItsWithdrawalToo() {
        long noticeId = publish("PLANNED", Instant.now().plus(Duration.ofHours(2)));
        Await.until(() -> told(noticeId, "NOTICE_DAY_BEFORE") == 5, 30);
        assertThat(told(noticeId, "NOTICE_WEEK_BEFORE")).isZero();

        JsonNode outages =
                customer.get("/api/outages?customerNo=" + grid.customer(4)).json();
        assertThat(outages.path("notices").get(0).path("inEffect").asBoolean()).isFalse();

        assertThat(dispatcher
                        .post("/api/outage-notices/" + noticeId + "/end", Map.of())
                        .status())
                .isEqualTo(200);
        Await.until(() -> told(noticeId, "NOTICE_CANCELLED") == 5, 30);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM gm_notification WHERE notice_id = ?", Long.class, noticeId))
                .isEqualTo(10);
    }

    @Test
    void aFaultNoticeTellsEveryoneBelowOnceAndPutsTheDeviceOnARepairOrder() {
        long noticeId = publish("FAULT", Instant.now().minusSeconds(30));
        assertThat(told(noticeId, "NOTICE_FAULT")).isEqualTo(5);
        JsonNode notice = dispatcher.get("/api/outage-notices/" + noticeId).json();
        long incidentId = notice.path("incidentId").asLong();
        assertThat(incidentId).isPositive();
        // the repair order's own "outage known" finds them all told
        Await.until(
                () -> jdbc.queryForObject(
                                "SELECT COUNT(*) FROM ACT_HI_ACTINST a JOIN ACT_HI_PROCINST p ON "
                                        + "a.PROC_INST_ID_ = p.PROC_INST_ID_ WHERE p.BUSINESS_KEY_ = ? AND a.ACT_ID_ = ? AND a.END_TIME_ IS "
                                        + "NOT NULL",
                                Long.class,
                                String.format("R-%08d", incidentId),
                                "Task_NotifyOutageKnown")
                        == 1,
                30);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM gm_notification WHERE incident_id = ? AND event_type = "
                                + "'OUTAGE_KNOWN'",
                        Long.class,
                        incidentId))
                .isZero();
        assertThat(customer.get("/api/outages?customerNo=" + grid.customer(1))
                        .json()
                        .path("repairOrder")
                        .path("incidentId")
                        .asText())
                .isEqualTo(String.format("R-%08d", incidentId));
    }
}
