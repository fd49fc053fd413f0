package org.gridmend.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.gridmend.core.StaffGroups;
import org.gridmend.security.StaffIdentitySetup;
import org.gridmend.support.GridMendTest;
import org.gridmend.support.Http;
import org.gridmend.support.RepairFixture;
import org.gridmend.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The month's performance against figures worked out by hand on a fixture month, March 2026 in China time, for crew
 * K1:
 * <ul>
 *   <li>order A: first report 03-10 08:00, crew on site 08:30 (30 min, deadline 08:45: in time), 2 ratings of 5,
 *       restored 09:30; the same device fails again on 03-14 (a repeat fault);
 *   <li>order B: first report 03-20 10:00, on site 11:30 (90 min, deadline 10:45: late), 1 rating of 3, sent back
 *       once in review;
 *   <li>order C: accepted 04-01 00:30 China time (still March 31 in UTC): April's, not March's;
 *   <li>25 minutes of lessons and one exam passed in March.
 * </ul>
 * So: 2 orders, half in time, 60 minutes on average, 4.33 stars of 3 ratings, 1 sent back, 1 repeat fault, 25
 * learning minutes, 1 exam; score 100 × (40 × 0.5 + 30 × 4.33 / 5 + 15 × 25 / 60 + 15 × 1) / 100 − 5 − 10 = 52.2.
 */
@GridMendTest
class PerformanceApiTest {

    @LocalServerPort
    int port;

    @Autowired
    RepairFixture repairs;

    @Autowired
    StaffIdentitySetup staff;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditTrail audit;

    RepairFixture.Grid g;
    Http anonymous;
    Http dispatcher;

    @BeforeEach
    void setUp() {
        TestUsers.create(staff);
        g = repairs.newGrid();
        staff.user(g.user(1), "Crew", "K1", TestUsers.PASSWORD, StaffGroups.CREWS);
        staff.user(g.user(2), "Crew", "K2", TestUsers.PASSWORD, StaffGroups.CREWS);
        anonymous = Http.anonymous(port);
        dispatcher = anonymous.as(TestUsers.DISPATCHER, TestUsers.PASSWORD);
        String device = g.node("FU");
        long a = order(
                device,
                "2026-03-10T08:00",
                "2026-03-10T08:05",
                "2026-03-10T08:30",
                "2026-03-10T08:45",
                2,
                5.0,
                "2026-03-10T09:30");
        incident(device, "2026-03-14T12:00");
        long b = order(
                g.node("T2"),
                "2026-03-20T10:00",
                "2026-03-20T10:10",
                "2026-03-20T11:30",
                "2026-03-20T10:45",
                1,
                3.0,
                "2026-03-20T13:00");
        order(
                g.node("T3"),
                "2026-04-01T00:10",
                "2026-04-01T00:30",
                "2026-04-01T00:50",
                "2026-04-01T02:10",
                1,
                1.0,
                null);
        audit.record(AuditEntry.of("REVIEW_SENT_BACK")
                .incident(b)
                .user(TestUsers.DISPATCHER)
                .detail("remark", "CAUSE_UNCLEAR"));
        jdbc.update(
                "INSERT INTO gm_learning (crew_id, skill, course_id, reason, state, fails, started_at) "
                        + "VALUES (?, 'LV', 'ANY', 'ASSIGNED', 'CERTIFIED', 0, ?)",
                g.crew(1),
                at("2026-03-15T09:00"));
        long learning = jdbc.queryForObject("SELECT MAX(id) FROM gm_learning WHERE crew_id = ?", Long.class, g.crew(1));
        jdbc.update(
                "INSERT INTO gm_lesson_time (learning_id, lesson_id, seconds, first_at, last_at) VALUES (?, 'L1', 1500, ?, ?)",
                learning,
                at("2026-03-15T09:00"),
                at("2026-03-15T09:40"));
        jdbc.update(
                "INSERT INTO gm_exam (learning_id, task_id, question_ids, started_at, submitted_at, score, passed) "
                        + "VALUES (?, 't', 'Q1', ?, ?, 100, TRUE)",
                learning,
                at("2026-03-16T10:00"),
                at("2026-03-16T10:10"));
        assertThat(a).isPositive();
    }

    /** A time in China time, as the database keeps instants. */
    private static Timestamp at(String local) {
        return Timestamp.from(OffsetDateTime.parse(local + "+08:00").toInstant());
    }

    private long incident(String device, String firstReport) {
        jdbc.update(
                "INSERT INTO gm_incident (device_id, level, state, rule, reason, first_report_at, created_at, restored_at) "
                        + "VALUES (?, 'TRANSFORMER', 'RESTORED', 'FIRST_REPORT', 'fixture', ?, ?, ?)",
                device,
                at(firstReport),
                at(firstReport),
                at(firstReport));
        return jdbc.queryForObject("SELECT MAX(id) FROM gm_incident WHERE device_id = ?", Long.class, device);
    }

    private long order(
            String device,
            String firstReport,
            String accepted,
            String arrived,
            String deadline,
            int ratings,
            double average,
            String restored) {
        long id = incident(device, firstReport);
        jdbc.update("UPDATE gm_incident SET restored_at = ? WHERE id = ?", restored == null ? null : at(restored), id);
        jdbc.update(
                "INSERT INTO gm_repair_order (incident_id, crew_id, accepted_at, arrived_at, arrival_deadline, "
                        + "rating_count, rating_average, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                id,
                g.crew(1),
                at(accepted),
                at(arrived),
                at(deadline),
                ratings,
                average,
                at(firstReport));
        return id;
    }

    @Test
    void theMonthsFiguresAreTheOnesWorkedOutByHand() {
        JsonNode month = dispatcher.get("/api/performance/crews?month=2026-03").json();
        assertThat(month.path("zone").asText()).isEqualTo("Asia/Shanghai");
        JsonNode k1 = null;
        for (JsonNode c : month.path("crews")) {
            if (c.path("crewId").asText().equals(g.crew(1))) {
                k1 = c;
            }
        }
        assertThat(k1).as(month.toString()).isNotNull();
        assertThat(k1.path("orders").asInt()).isEqualTo(2);
        assertThat(k1.path("arrivals").asInt()).isEqualTo(2);
        assertThat(k1.path("onTimeShare").asDouble()).isEqualTo(0.5);
        assertThat(k1.path("averageMinutesToArrive").asDouble()).isEqualTo(60.0);
        assertThat(k1.path("ratingAverage").asDouble()).isEqualTo(4.33);
        assertThat(k1.path("ratingCount").asInt()).isEqualTo(3);
        assertThat(k1.path("sentBack").asInt()).isEqualTo(1);
        assertThat(k1.path("repeatFaults").asInt()).isEqualTo(1);
        assertThat(k1.path("learningMinutes").asInt()).isEqualTo(25);
        assertThat(k1.path("examsPassed").asInt()).isEqualTo(1);
        assertThat(k1.path("score").asDouble()).isEqualTo(52.2);

        // April has order C, accepted after midnight China time
        JsonNode april = dispatcher
                .get("/api/performance/crews?month=2026-04&crewId=" + g.crew(1))
                .json();
        assertThat(april.path("crews").get(0).path("orders").asInt()).isEqualTo(1);
        // a crew without figures has no shares, not zeros
        JsonNode k2 = dispatcher
                .get("/api/performance/crews?month=2026-03&crewId=" + g.crew(2))
                .json()
                .path("crews")
                .get(0);
        assertThat(k2.path("orders").asInt()).isZero();
        assertThat(k2.path("onTimeShare").isNull()).isTrue();

        List<JsonNode> history = List.of(dispatcher
                .get("/api/performance/crews/" + g.crew(1) + "/months?to=2026-04&count=12")
                .json());
        JsonNode months = history.get(0);
        assertThat(months).hasSize(12);
        assertThat(months.get(10).path("month").asText()).isEqualTo("2026-03");
        assertThat(months.get(10).path("score").asDouble()).isEqualTo(52.2);
        assertThat(months.get(11).path("orders").asInt()).isEqualTo(1);
        assertThat(months.get(0).path("orders").asInt()).isZero();
    }

    @Test
    void theTableExportsAsCsvAndACrewSeesOnlyItself() {
        Http.Response csv = dispatcher.get("/api/performance/crews?month=2026-03&format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body())
                .startsWith("\uFEFFmonth,crewId,employeeNo,name,orders")
                .contains("2026-03," + g.crew(1) + "," + (g.p() + "01").toUpperCase()
                        + ",班组1,2,2,0.5,60.0,4.33,3,1,1,25,1,52.2");

        Http crew = anonymous.as(g.user(1), TestUsers.PASSWORD);
        JsonNode own = crew.get("/api/performance/crews?month=2026-03").json();
        assertThat(own.path("crews")).hasSize(1);
        assertThat(own.path("crews").get(0).path("crewId").asText()).isEqualTo(g.crew(1));
        assertThat(crew.get("/api/performance/crews?month=2026-03&crewId=" + g.crew(2))
                        .status())
                .isEqualTo(403);
        assertThat(crew.get("/api/performance/crews/" + g.crew(2) + "/months?to=2026-03")
                        .status())
                .isEqualTo(403);
        assertThat(anonymous
                        .as(TestUsers.CREW, TestUsers.PASSWORD)
                        .get("/api/performance/crews?month=2026-03")
                        .status())
                .as("a crew user without a crew of the archive")
                .isEqualTo(404);

        assertThat(dispatcher.get("/api/performance/crews").json().path("field").asText())
                .isEqualTo("month");
        assertThat(dispatcher
                        .get("/api/performance/crews?month=2026-13")
                        .json()
                        .path("field")
                        .asText())
                .isEqualTo("month");
        assertThat(dispatcher
                        .get("/api/performance/crews?month=2026-03&format=xls")
                        .json()
                        .path("field")
                        .asText())
                .isEqualTo("format");
        assertThat(dispatcher
                        .get("/api/performance/crews/" + g.crew(1) + "/months?to=2026-03&count=99")
                        .json()
                        .path("field")
                        .asText())
                .isEqualTo("count");
        assertThat(dispatcher
                        .get("/api/performance/crews?month=2026-03&crewId=nobody")
                        .status())
                .isEqualTo(404);
    }
}
