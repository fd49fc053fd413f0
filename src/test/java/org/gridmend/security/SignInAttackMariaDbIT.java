package org.gridmend.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.gridmend.core.StaffGroups;
import org.gridmend.support.MariaDbTest;
import org.gridmend.support.RawHttp;
import org.gridmend.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sign-in attack from ten addresses at once on MariaDB, where the counting must hold when the failures arrive
 * together (as they would at several nodes): every failure is counted, none lost to a race, every attacking address
 * ends up throttled, and the crew signs in at once from its own.
 */
@MariaDbTest
class SignInAttackMariaDbIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffIdentitySetup staff;

    @Autowired
    JdbcTemplate jdbc;

    private RawHttp.Response signIn(String from, String user, String password) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return RawHttp.send(from, port, "GET", "/api/staff/session", Map.of("Authorization", "Basic " + basic), null);
    }

    @Test
    void tenAddressesAtOnceAreAllCountedAndAllThrottled() throws Exception {
        String crew = "mcrew" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
        staff.user(crew, "Crew", "Attacked", TestUsers.PASSWORD, StaffGroups.CREWS);
        String net = "127." + ThreadLocalRandom.current().nextInt(10, 250) + ".";
        ExecutorService pool = Executors.newFixedThreadPool(10);
        long wrong = 0;
        try {
            List<Future<List<Integer>>> attackers = new ArrayList<>();
            for (int a = 1; a <= 10; a++) {
                String from = net + "1." + a;
                attackers.add(pool.submit(() -> {
                    List<Integer> answers = new ArrayList<>();
                    for (int i = 0; i < 4; i++) {
                        answers.add(signIn(from, crew, "guess-" + i).status());
                    }
                    return answers;
                }));
            }
            for (Future<List<Integer>> attacker : attackers) {
                List<Integer> answers = attacker.get();
                assertThat(answers).allSatisfy(s -> assertThat(s).isIn(401, 429));
                wrong += answers.stream().filter(s -> s == 401).count();
            }
        } finally {
            pool.shutdownNow();
        }
        // every wrong password that was checked is counted, none lost to a race, and the per-user limit (30) held
        assertThat(wrong).isBetween(30L, 40L);
        assertThat(jdbc.queryForObject(
                        "SELECT failures FROM gm_sign_in_failure WHERE throttle_key = ?", Long.class, "u:" + crew))
                .isEqualTo(wrong);
        for (int a = 1; a <= 10; a++) {
            assertThat(signIn(net + "1." + a, crew, TestUsers.PASSWORD).status())
                    .isEqualTo(429);
        }
        assertThat(signIn(net + "2.1", crew, TestUsers.PASSWORD).status()).isEqualTo(200);
    }
}
