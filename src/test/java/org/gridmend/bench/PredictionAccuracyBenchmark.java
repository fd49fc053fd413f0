package org.gridmend.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.gridmend.core.StaffGroups;
import org.gridmend.demo.HeadEndSimulator;
import org.gridmend.demo.storm.AccuracyStorms;
import org.gridmend.security.StaffIdentitySetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Outage prediction's accuracy over storms nobody wrote by hand ({@link AccuracyStorms}): 20 storms (by default) on
 * fresh copies of the demo grid, six random faults at every level each, reporting rates from 5 % to 60 %, reports
 * in random order from 16 clients; once with the AMI head-end answering the pings from the injected faults, once
 * with it silent. Prints the two tables for docs/benchmarks.md; asserts only the target: every fault whose every
 * area reported ends on exactly one incident on the right device, with pings. Run with
 * {@code mvn verify -Pbenchmark -Dit.test=PredictionAccuracyBenchmark} (-Daccuracy.storms=, -Daccuracy.faults=).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PredictionAccuracyBenchmark {

    static final HeadEndSimulator HEAD_END = new HeadEndSimulator();
    static final String USER = "accuracy";
    static final String PASSWORD = "Rn5%tYq8-bW3k";

    @DynamicPropertySource
    static void headEnd(DynamicPropertyRegistry registry) {
        registry.add(
                "spring.datasource.url", () -> "jdbc:h2:mem:gridmend-accuracy;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        registry.add("camunda.bpm.process-engine-name", () -> "accuracy");
        registry.add("gridmend.ami.url", HEAD_END::serve);
        registry.add("gridmend.notify.deliver", () -> "false");
    }

    @AfterAll
    static void stop() {
        HEAD_END.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    StaffIdentitySetup staff;

    @Test
    void accuracyOverStormsWithAndWithoutPings() {
        staff.user(USER, "Accuracy", "Benchmark", PASSWORD, StaffGroups.ADMINS);
        int storms = Integer.getInteger("accuracy.storms", 20);
        int faults = Integer.getInteger("accuracy.faults", 6);
        long started = System.nanoTime();
        List<AccuracyStorms.Fault> withPings = run(storms, faults, false);
        double pingSeconds = (System.nanoTime() - started) / 1e9;
        long asked = HEAD_END.asked();
        printLeftBehind();
        List<AccuracyStorms.Fault> without = run(storms, faults, true);
        String figures = AccuracyStorms.table(
                        "With pings (" + asked + " meters asked), " + storms + " storms in " + Math.round(pingSeconds)
                                + " s:",
                        withPings)
                + "\n"
                + AccuracyStorms.table("Without pings (the head-end silent):", without)
                + "\nReproduce: mvn verify -Pbenchmark -Dit.test=PredictionAccuracyBenchmark"
                + " -Daccuracy.storms=" + storms + " -Daccuracy.faults=" + faults + "\n";
        System.out.println(figures);
        assertThat(withPings.stream().filter(AccuracyStorms.Fault::everyAreaReported))
                .as("every fault whose every area reported is on exactly one incident on its device")
                .allMatch(AccuracyStorms.Fault::right);
    }

    @Autowired
    JdbcTemplate jdbc;

    /** Reports waiting for power on an incident that is no longer open: there must be none. */
    private void printLeftBehind() {
        jdbc.query(
                "SELECT r.id, r.incident_id, i.state, r.located_transformer_id, r.created_at, r.updated_at, "
                        + "i.closed_at FROM gm_report r JOIN gm_incident i ON i.id = r.incident_id WHERE r.status = "
                        + "'IN_REPAIR' AND i.state <> 'OPEN'",
                rs -> {
                    long id = rs.getLong(1);
                    System.out.println("LEFT BEHIND report " + id + " on " + rs.getLong(2) + " " + rs.getString(3)
                            + " area "
                            + rs.getString(4) + " created " + rs.getTimestamp(5) + " updated " + rs.getTimestamp(6)
                            + " incident closed " + rs.getTimestamp(7));
                    jdbc.query(
                            "SELECT at, incident_id, decision, rule, reason FROM gm_triage_decision WHERE report_id = ? "
                                    + "ORDER BY id",
                            r -> {
                                System.out.println("   " + r.getTimestamp(1) + " " + r.getLong(2) + " " + r.getString(3)
                                        + " " + r.getString(4) + " " + r.getString(5));
                            },
                            id);
                });
    }

    private List<AccuracyStorms.Fault> run(int storms, int faults, boolean silent) {
        HEAD_END.silent(silent);
        return new AccuracyStorms(
                        new AccuracyStorms.Plan(
                                URI.create("http://localhost:" + port + "/"),
                                USER,
                                PASSWORD,
                                storms,
                                faults,
                                0.05,
                                0.60,
                                16,
                                95598,
                                Duration.ofMinutes(5),
                                HEAD_END),
                        System.out::println)
                .run();
    }
}
