package org.gridmend.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.gridmend.core.StaffGroups;
import org.gridmend.support.GridMendTest;
import org.gridmend.support.RawHttp;
import org.gridmend.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An attacker who knows a crew's user id tries to guess its password, or to lock the crew out during a storm: 50
 * wrong passwords from one address, then from ten. Each address that keeps failing is throttled (429 with
 * Retry-After, before any password check, even with the right password), no failure ever locks the account, and the
 * crew signs in at once from its own phone. Unknown and known user ids get the same answer for the same work. Every
 * client is an address of its own on the loopback network ({@link RawHttp}).
 */
@GridMendTest
class SignInAttackTest {

    @LocalServerPort
    int port;

    @Autowired
    StaffIdentitySetup staff;

    @Autowired
    JdbcTemplate jdbc;

    String crew;
    /** A /16 of loopback of this test's own, so that no other test's failures count. */
    String net;

    @BeforeEach
    void setUp() {
        crew = "tcrew" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
        staff.user(crew, "Crew", "Attacked", TestUsers.PASSWORD, StaffGroups.CREWS);
        net = "127." + ThreadLocalRandom.current().nextInt(10, 250) + ".";
    }

    private RawHttp.Response signIn(String from, String user, String password) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return RawHttp.send(from, port, "GET", "/api/staff/session", Map.of("Authorization", "Basic " + basic), null);
    }

    private static void throttled(RawHttp.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(429);
        assertThat(Long.parseLong(response.header("Retry-After"))).isPositive();
        assertThat(response.body()).contains("SIGN_IN_THROTTLED");
    }

    @Test
    void fiftyWrongPasswordsFromOneAddressThrottleItAndTheCrewSignsInAtOnce() {
        String attacker = net + "1.9";
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            answers.add(signIn(attacker, crew, "guess-" + i).status());
        }
        assertThat(answers.subList(0, 5)).containsOnly(401);
        assertThat(answers.subList(5, 50)).containsOnly(429);
        throttled(signIn(attacker, crew, TestUsers.PASSWORD)); // even the right password, from there
        assertThat(signIn(net + "2.1", crew, TestUsers.PASSWORD).status()).isEqualTo(200);
        // and Camunda never counted anything against the account
        assertThat(jdbc.queryForObject(
                        "SELECT COALESCE(ATTEMPTS_, 0) FROM ACT_ID_USER WHERE ID_ = ?", Integer.class, crew))
                .isZero();
    }

    @Test
    void fiftyWrongPasswordsFromTenAddressesThrottleThemAllAndTheCrewSignsInAtOnce() {
        List<Integer> answers = new ArrayList<>();
        for (int a = 1; a <= 10; a++) {
            for (int i = 0; i < 5; i++) {
                answers.add(signIn(net + "3." + a, crew, "guess-" + a + "-" + i).status());
            }
        }
        assertThat(answers).containsOnly(401, 429);
        // 30 failures for the user id: from then on an address that failed for it is refused after its first one
        assertThat(answers.stream().filter(s -> s == 401).count()).isBetween(30L, 34L);
        for (int a = 1; a <= 10; a++) {
            throttled(signIn(net + "3." + a, crew, TestUsers.PASSWORD));
        }
        assertThat(signIn(net + "3.11", crew, "one-more-guess").status()).isEqualTo(401);
        throttled(signIn(net + "3.11", crew, TestUsers.PASSWORD));
        // the crew's own address never failed: in at once, with Basic and with the session API
        assertThat(signIn(net + "4.1", crew, TestUsers.PASSWORD).status()).isEqualTo(200);
        RawHttp.Response session = RawHttp.send(
                net + "4.2",
                port,
                "POST",
                "/api/staff/session",
                Map.of("Content-Type", "application/json"),
                "{\"user\": \"" + crew + "\", \"password\": \"" + TestUsers.PASSWORD + "\"}");
        assertThat(session.status()).as(session.body()).isEqualTo(200);
        assertThat(jdbc.queryForObject(
                        "SELECT COALESCE(ATTEMPTS_, 0) FROM ACT_ID_USER WHERE ID_ = ?", Integer.class, crew))
                .isZero();
    }

    @Test
    void anUnknownUserIdGetsTheSameAnswerForTheSameWork() {
        RawHttp.Response known = signIn(net + "5.1", crew, "wrong-password");
        RawHttp.Response unknown = signIn(net + "5.2", "nosuchuser" + net.hashCode(), "wrong-password");
        assertThat(unknown.status()).isEqualTo(known.status()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(known.body());
        assertThat(unknown.header("WWW-Authenticate")).isNull();
        assertThat(known.header("WWW-Authenticate")).isNull();
        RawHttp.Response engineRest = RawHttp.send(
                net + "5.3",
                port,
                "GET",
                "/engine-rest/task",
                Map.of(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((crew + ":wrong").getBytes(StandardCharsets.UTF_8))),
                null);
        assertThat(engineRest.status()).isEqualTo(401);
        assertThat(engineRest.header("WWW-Authenticate"))
                .as("no browser login dialog")
                .isNull();

        // the same work: medians of a few checks each, from fresh addresses (4 tries each stay below the limits)
        long knownNanos = median(crew);
        long unknownNanos = median("nosuchuser" + ThreadLocalRandom.current().nextInt());
        assertThat(Math.abs(knownNanos - unknownNanos))
                .as("known %d µs, unknown %d µs", knownNanos / 1000, unknownNanos / 1000)
                .isLessThan(50_000_000L);
    }

    private long median(String user) {
        List<Long> times = new ArrayList<>();
        for (int a = 0; a < 5; a++) {
            String from = net + (user.equals(crew) ? "6." : "7.") + (a + 1);
            for (int i = 0; i < 4; i++) {
                long start = System.nanoTime();
                assertThat(signIn(from, user, "wrong-" + i).status()).isEqualTo(401);
                times.add(System.nanoTime() - start);
            }
        }
        times.sort(Long::compare);
        return times.get(times.size() / 2);
    }
}
