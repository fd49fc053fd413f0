package org.gridmend.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.HashSet;

import org.junit.jupiter.api.Test;

/**
 * The database server crashes (SIGKILL) in the middle of a storm from retrying customers' phones, stays down for
 * 15 s and comes back on the same data. No acknowledged report may be lost or doubled; while it is down every answer
 * is a 503 with Retry-After within a few seconds, readiness says DOWN and liveness stays UP; afterwards GridMend
 * recovers by itself, and every report is triaged. Prints the figures (docs/benchmarks.md has them).
 * Run alone: {@code mvn verify -Dit.test=DatabaseCrashFaultIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class DatabaseCrashFaultIT {

    @Test
    void aDatabaseCrashLosesNoAcknowledgedReportAndGridMendRecoversByItself() throws Exception {
        FaultTests.requireMariaDbServer();
        try (PrivateMariaDb db = PrivateMariaDb.install(FaultTests.WORK);
                GridMendNode node = GridMendNode.start("crash-a", db, FaultTests.WORK)) {
            RetryingCustomers phones = new RetryingCustomers(6, node::base);
            Thread.sleep(8_000);
            int beforeCrash = phones.acknowledged.size();

            db.kill();
            long crashed = System.nanoTime();
            double toDown = FaultTests.secondsUntil(() -> node.status("/actuator/health/readiness") == 503, 10);
            boolean aliveThroughout = true;
            while (System.nanoTime() - crashed < 15_000_000_000L) {
                aliveThroughout &= node.status("/actuator/health/liveness") == 200;
                Thread.sleep(500);
            }
            int acknowledgedWhileDown = phones.acknowledged.size();

            db.start();
            long restarted = System.nanoTime();
            double toUp = FaultTests.secondsUntil(() -> node.status("/actuator/health/readiness") == 200, 60);
            double toFirstAck = FaultTests.secondsUntil(() -> phones.acknowledged.size() > acknowledgedWhileDown, 60);
            toFirstAck = toFirstAck < 0 ? -1 : (System.nanoTime() - restarted) / 1e9;
            Thread.sleep(8_000);
            phones.close();

            double toTriaged;
            long[] rows;
            try (Connection c = db.connect()) {
                toTriaged = FaultTests.secondsUntil(
                        () -> {
                            try {
                                return FaultTests.untriaged(c) == 0;
                            } catch (Exception e) {
                                return false;
                            }
                        },
                        120);
                rows = FaultTests.rowsFor(c, phones.acknowledged.keySet());
            }
            System.out.printf(
                    "%n[fault] database crash for 15 s: acknowledged %d (%d before the crash), rows %d for %d request"
                            + " ids, distinct report ids %d; answers %s; slowest 503 %d ms (%d ms for requests sent"
                            + " during the outage, %d ms for those already running at the crash); readiness DOWN"
                            + " after %.1f s,"
                            + " UP %.1f s after the restart; first acknowledgement %.1f s after the restart; every"
                            + " report triaged %.1f s after the clients stopped; liveness UP throughout: %s%n"
                            + "[fault] reproduce: mvn verify -Dit.test=DatabaseCrashFaultIT -Dtest=none"
                            + " -Dsurefire.failIfNoSpecifiedTests=false%n",
                    phones.acknowledged.size(),
                    beforeCrash,
                    rows[0],
                    phones.acknowledged.size(),
                    new HashSet<>(phones.acknowledged.values()).size(),
                    phones.answers,
                    phones.slowest503.get(),
                    phones.slowest503SentAfter(crashed + 500_000_000L),
                    phones.slowest503.get(),
                    toDown,
                    toUp,
                    toFirstAck,
                    toTriaged,
                    aliveThroughout);

            assertThat(beforeCrash).as("the storm ran before the crash").isGreaterThan(20);
            assertThat(rows[0]).as("every acknowledged report is stored, once").isEqualTo(phones.acknowledged.size());
            assertThat(rows[1]).isEqualTo(phones.acknowledged.size());
            assertThat(new HashSet<>(phones.acknowledged.values())).hasSize(phones.acknowledged.size());
            assertThat(phones.answers.keySet()).as("no 500, no hang").isSubsetOf(200, 201, 503);
            assertThat(phones.count(503)).as("the outage was answered").isPositive();
            assertThat(phones.retryAfterMissing)
                    .as("every 503 says when to come back")
                    .isEmpty();
            assertThat(phones.oddities).as("every error in GridMend's format").isEmpty();
            assertThat(phones.slowest503SentAfter(crashed + 500_000_000L))
                    .as("a request sent during the outage hears 503 within a few seconds")
                    .isLessThan(5_000);
            assertThat(phones.slowest503.get())
                    .as("and one running at the crash does not hang")
                    .isLessThan(15_000);
            assertThat(toDown).as("readiness DOWN within 5 s").isBetween(0.0, 5.0);
            assertThat(aliveThroughout).as("liveness stays UP").isTrue();
            assertThat(toUp).as("readiness UP again").isBetween(0.0, 30.0);
            assertThat(toFirstAck).as("acknowledging again").isBetween(0.0, 30.0);
            assertThat(toTriaged).as("every report triaged after the crash").isBetween(0.0, 90.0);
        }
    }
}
