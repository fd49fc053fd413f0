package org.gridmend.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/**
 * Two GridMend nodes on one database; one is killed (SIGKILL) in the middle of a storm, holding the jobs and outbox
 * messages it had taken. The customers' phones go on with the other node. Every acknowledged report is kept once,
 * and the survivor takes over what the dead node held within a minute (Camunda's job lock and the outbox lease are
 * 30 s). Prints the figures (docs/benchmarks.md has them).
 * Run alone: {@code mvn verify -Dit.test=NodeKillFaultIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class NodeKillFaultIT {

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql);
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void theSurvivorTakesOverTheDeadNodesWorkWithinAMinute() throws Exception {
        FaultTests.requireMariaDbServer();
        try (PrivateMariaDb db = PrivateMariaDb.install(FaultTests.WORK);
                GridMendNode a = GridMendNode.start("kill-a", db, FaultTests.WORK);
                GridMendNode b = GridMendNode.start("kill-b", db, FaultTests.WORK)) {
            AtomicReference<GridMendNode> target = new AtomicReference<>(a);
            RetryingCustomers phones =
                    new RetryingCustomers(6, () -> target.get().base());
            Thread.sleep(10_000);
            long heldByA;
            try (Connection c = db.connect()) {
                heldByA = count(
                        c, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE LOCK_OWNER_ IS NOT NULL AND LOCK_EXP_TIME_ > NOW(3)");
            }
            a.kill();
            long killed = System.nanoTime();
            target.set(b);
            Thread.sleep(10_000);
            phones.close();

            double allTriaged;
            double outboxDrained;
            long[] rows;
            try (Connection c = db.connect()) {
                allTriaged = FaultTests.secondsUntil(
                        () -> {
                            try {
                                return FaultTests.untriaged(c) == 0
                                        && count(
                                                        c,
                                                        "SELECT COUNT(*) FROM ACT_RU_JOB WHERE RETRIES_ > 0 AND"
                                                                + " (DUEDATE_ IS NULL OR DUEDATE_ <= NOW(3)) AND"
                                                                + " LOCK_OWNER_ IS NOT NULL")
                                                == 0;
                            } catch (SQLException e) {
                                return false;
                            }
                        },
                        120);
                double sinceKill = (System.nanoTime() - killed) / 1e9;
                allTriaged = allTriaged < 0 ? -1 : sinceKill;
                outboxDrained = FaultTests.secondsUntil(
                        () -> {
                            try {
                                return count(
                                                c,
                                                "SELECT COUNT(*) FROM gm_notification WHERE status = 'PENDING'"
                                                        + " AND next_attempt_at <= NOW(3)")
                                        == 0;
                            } catch (SQLException e) {
                                return false;
                            }
                        },
                        120);
                outboxDrained = outboxDrained < 0 ? -1 : (System.nanoTime() - killed) / 1e9;
                rows = FaultTests.rowsFor(c, phones.acknowledged.keySet());
            }
            System.out.printf(
                    "%n[fault] node killed in a storm: acknowledged %d, rows %d, distinct report ids %d; answers %s;"
                            + " jobs locked at the kill %d; every report triaged and no job locked %.1f s after the"
                            + " kill; outbox drained %.1f s after the kill%n"
                            + "[fault] reproduce: mvn verify -Dit.test=NodeKillFaultIT -Dtest=none"
                            + " -Dsurefire.failIfNoSpecifiedTests=false%n",
                    phones.acknowledged.size(),
                    rows[0],
                    new HashSet<>(phones.acknowledged.values()).size(),
                    phones.answers,
                    heldByA,
                    allTriaged,
                    outboxDrained);

            assertThat(phones.acknowledged.size()).as("the storm ran").isGreaterThan(20);
            assertThat(rows[0]).as("every acknowledged report is stored, once").isEqualTo(phones.acknowledged.size());
            assertThat(new HashSet<>(phones.acknowledged.values())).hasSize(phones.acknowledged.size());
            assertThat(phones.oddities).as("every error in GridMend's format").isEmpty();
            assertThat(allTriaged)
                    .as("the dead node's work taken over within a minute")
                    .isBetween(0.0, 60.0);
            assertThat(outboxDrained)
                    .as("the dead node's leased messages sent within a minute")
                    .isBetween(0.0, 60.0);
        }
    }
}
