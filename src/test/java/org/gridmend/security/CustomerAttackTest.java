package org.gridmend.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridmend.core.PublicIds;
import org.gridmend.support.Await;
import org.gridmend.support.GridMendTest;
import org.gridmend.support.Http;
import org.gridmend.support.ReportFixture;
import org.gridmend.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A stranger with a phone of their own, as an attacker would: reports with a neighbour's customer number to get
 * the neighbour's messages (crew, ETA, "power back") or to bind their app to it; signs in and claims the number;
 * sends reports on the meters' channel to skip the limits; and sends one report to text a whole area. None of it
 * reaches anyone it should not: messages about a customer number go to its archive phone, an app is bound only
 * through a signed-in holder, AMI needs the head-end's key, and area-wide texts wait for corroboration.
 */
@GridMendTest
class CustomerAttackTest {

    @LocalServerPort
    int port;

    @Autowired
    ReportFixture reports;

    @Autowired
    StaffIdentitySetup staff;

    @Autowired
    JdbcTemplate jdbc;

    Http anonymous;
    ReportFixture.Grid grid;
    String attackerPhone;

    @BeforeEach
    void setUp() {
        TestUsers.create(staff);
        anonymous = Http.anonymous(port);
        grid = reports.newGrid();
        attackerPhone =
                "136" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private Map<String, Object> report(String channel, String customerNo, String phone) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", UUID.randomUUID().toString());
        body.put("channel", channel);
        body.put("customerNo", customerNo);
        body.put("phone", phone);
        body.put("onlyMyHome", false);
        return body;
    }

    /** The attacker signs in with their own phone: the code arrives on it (the outbox, in this test). */
    private String signIn(String phone) {
        assertThat(anonymous.post("/api/customer/otp", Map.of("phone", phone)).status())
                .isEqualTo(202);
        String text = jdbc.queryForObject(
                "SELECT text FROM gm_notification WHERE event_type = 'SIGN_IN_CODE' "
                        + "AND phone LIKE ? ORDER BY id DESC LIMIT 1",
                String.class,
                "%" + phone);
        Matcher code = Pattern.compile("[0-9]{6}").matcher(text);
        assertThat(code.find()).isTrue();
        Http.Response session = anonymous.post("/api/customer/session", Map.of("phone", phone, "code", code.group()));
        assertThat(session.status()).as(session.body()).isEqualTo(200);
        return session.json().path("token").asText();
    }

    private long incidentOf(JsonNode answer) {
        long reportId = PublicIds.parseReport(answer.path("reportId").asText());
        Await.until(
                () -> jdbc.queryForObject("SELECT incident_id FROM gm_report WHERE id = ?", Long.class, reportId)
                        != null,
                30);
        return jdbc.queryForObject("SELECT incident_id FROM gm_report WHERE id = ?", Long.class, reportId);
    }

    private List<String> phonesTexted(String customerNo) {
        return jdbc.queryForList(
                "SELECT DISTINCT phone FROM gm_notification WHERE customer_no = ? AND phone IS NOT " + "NULL",
                String.class,
                customerNo);
    }

    @Test
    void aNeighboursCustomerNumberGetsTheAttackerNoneOfTheNeighboursMessages() {
        String victim = grid.customer(1); // archive phone 13812345678
        String token = signIn(attackerPhone);
        Http attacker = anonymous.bearer(token);
        assertThat(attacker.get("/api/customer/me").json().path("customerNos")).isEmpty();

        // signed in, with the neighbour's number, on the app, with the attacker's phone typed in
        Http.Response claimed = attacker.post("/api/reports", report("APP", victim, attackerPhone));
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(201);
        // and once more without signing in, on the web
        assertThat(anonymous
                        .post("/api/reports", report("WEB", victim, "+86 136-" + attackerPhone.substring(3)))
                        .status())
                .isEqualTo(201);
        incidentOf(claimed.json());
        Await.until(() -> !phonesTexted(victim).isEmpty(), 30);

        assertThat(phonesTexted(victim)).allSatisfy(phone -> assertThat(phone).endsWith("13812345678"));
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM gm_notification WHERE phone LIKE ?", Long.class, "%" + attackerPhone))
                .as("only the attacker's own sign-in code")
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM gm_app_registration WHERE customer_no = ?", Long.class, victim))
                .as("no app bound to the neighbour's number")
                .isZero();
        assertThat(jdbc.queryForList(
                        "SELECT verified_phone FROM gm_report WHERE customer_no = ?", String.class, victim))
                .containsOnlyNulls();
    }

    @Test
    void theMetersChannelNeedsTheHeadEndsKey() {
        Http.Response forged = anonymous.post("/api/reports", report("AMI", grid.customer(2), null));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.json().path("field").asText()).isEqualTo("channel");
        Http.Response crew = anonymous
                .as(TestUsers.DISPATCHER, TestUsers.PASSWORD)
                .post("/api/reports", report("AMI", grid.customer(2), null));
        assertThat(crew.status()).as("staff passwords are not the head-end's").isEqualTo(403);

        Http.Response issued = anonymous
                .as(TestUsers.ADMIN, TestUsers.PASSWORD)
                .post("/api/integrations/keys", Map.of("label", "AMI head-end " + grid.p()));
        assertThat(issued.status()).isEqualTo(201);
        Http headEnd = anonymous.with("X-API-Key", issued.json().path("key").asText());
        assertThat(headEnd.post("/api/reports", report("AMI", grid.customer(2), null))
                        .status())
                .isEqualTo(201);
        assertThat(anonymous
                        .with("X-API-Key", "gmk_not-a-key")
                        .post("/api/reports", report("AMI", grid.customer(2), null))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void oneUnverifiedReportTextsOnlyTheReporterUntilTheOutageIsCorroborated() {
        Http.Response one = anonymous.post("/api/reports", report("WECHAT", grid.customer(1), null));
        assertThat(one.status()).isEqualTo(201);
        long incidentId = incidentOf(one.json());
        Await.until(() -> !phonesTexted(grid.customer(1)).isEmpty(), 30);
        // the others below the device hear nothing from one stranger's request
        for (int n : new int[] {2, 3}) {
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM gm_notification WHERE customer_no = ? AND "
                                    + "event_type = 'OUTAGE_KNOWN'",
                            Long.class,
                            grid.customer(n)))
                    .isZero();
        }
        Await.until(
                () -> "HELD"
                        .equals(jdbc.queryForObject(
                                "SELECT MAX(outage_known) FROM gm_incident_told WHERE incident_id = ?",
                                String.class,
                                incidentId)),
                30);
        for (int n : new int[] {2, 3}) {
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM gm_notification WHERE customer_no = ? AND "
                                    + "event_type = 'OUTAGE_KNOWN'",
                            Long.class,
                            grid.customer(n)))
                    .isZero();
        }

        // a second customer below it corroborates: now the area is told
        anonymous.post("/api/reports", report("WECHAT", grid.customer(2), null));
        Await.until(
                () -> jdbc.queryForObject(
                                "SELECT COUNT(*) FROM gm_notification WHERE customer_no = ? AND "
                                        + "event_type = 'OUTAGE_KNOWN'",
                                Long.class,
                                grid.customer(3))
                        > 0,
                30);
    }
}
