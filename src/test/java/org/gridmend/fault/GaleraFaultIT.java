package org.gridmend.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * Two GridMend nodes on a 3-node MariaDB Galera cluster (loopback ports, Debian's galera-4), a storm split across
 * both nodes; then the Galera node both write to is killed with SIGKILL in the middle of it. Every acknowledged
 * report is kept once, each fault device has one open repair order, no message goes twice, both nodes' job
 * executors work, and GridMend carries on through the other Galera nodes within a minute. Prints the figures.
 * Skipped where galera-4 is missing, unless GRIDMEND_GALERA_TESTS=required (as in .ci/run, which installs it).
 * Run alone: {@code mvn verify -Dit.test=GaleraFaultIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class GaleraFaultIT {

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql);
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void aStormGoesOnWhenTheGaleraNodeInUseIsKilled() throws Exception {
        FaultTests.requireMariaDbServer();
        boolean present = GaleraCluster.provider().isPresent();
        if (!present && "required".equals(System.getenv("GRIDMEND_GALERA_TESTS"))) {
            throw new IllegalStateException("GRIDMEND_GALERA_TESTS=required but galera-4 is not installed");
        }
        assumeTrue(present, "the Galera test needs galera-4 (/usr/lib/galera/libgalera_smm.so)");
        try (GaleraCluster galera = GaleraCluster.start(FaultTests.WORK.resolve("galera"));
                GridMendNode a = GridMendNode.start("galera-a", galera.url(), FaultTests.WORK);
                GridMendNode b = GridMendNode.start("galera-b", galera.url(), FaultTests.WORK)) {
            AtomicInteger turn = new AtomicInteger();
            RetryingCustomers phones = new RetryingCustomers(6, () -> (turn.incrementAndGet() % 2 == 0 ? a : b).base());
            Thread.sleep(15_000);
            long before = phones.acknowledged.size();
            galera.kill(0);
            long killed = System.nanoTime();
            // carrying on: the phones' reports are acknowledged again (through the other Galera nodes)
            double resumed = FaultTests.secondsUntil(() -> phones.acknowledged.size() > before + 10, 60);
            Thread.sleep(Math.max(0, 20_000 - (System.nanoTime() - killed) / 1_000_000));
            phones.close();
            long stormEnded = System.nanoTime();
            long afterKill = phones.acknowledged.size() - before;

            try (Connection c = galera.connect(1)) {
                double carriedOn = FaultTests.secondsUntil(
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
                        240);
                carriedOn = carriedOn < 0 ? -1 : (System.nanoTime() - stormEnded) / 1e9;
                long[] rows = FaultTests.rowsFor(c, phones.acknowledged.keySet());
                long doubledOrders = count(
                        c,
                        "SELECT COUNT(*) FROM (SELECT device_id FROM gm_incident WHERE open_key IS NOT NULL"
                                + " GROUP BY device_id HAVING COUNT(*) > 1) d");
                long messagesTwice = count(c, "SELECT COUNT(*) - COUNT(DISTINCT dedupe_key) FROM gm_notification");
                long executors = count(
                        c,
                        "SELECT COUNT(DISTINCT HOSTNAME_) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2"
                                + " AND HOSTNAME_ IN ('galera-a', 'galera-b')");
                long senders = count(
                        c,
                        "SELECT COUNT(DISTINCT sent_by) FROM gm_notification WHERE status = 'SENT'"
                                + " AND sent_by IN ('galera-a', 'galera-b')");
                int clusterSize = galera.size(1);
                System.out.printf(
                        "%n[fault] Galera node killed in a storm over two GridMend nodes: acknowledged %d (%d after"
                                + " the kill), rows %d, distinct report ids %d; answers %s; cluster size after %d;"
                                + " acknowledging again %.1f s after the kill; every report triaged and no job"
                                + " stuck %.1f s after the storm's end; repair orders"
                                + " doubled %d; messages twice %d; job executors at work %d; outbox dispatchers at"
                                + " work %d%n"
                                + "[fault] reproduce: mvn verify -Dit.test=GaleraFaultIT -Dtest=none"
                                + " -Dsurefire.failIfNoSpecifiedTests=false%n",
                        phones.acknowledged.size(),
                        afterKill,
                        rows[0],
                        new HashSet<>(phones.acknowledged.values()).size(),
                        phones.answers,
                        clusterSize,
                        resumed,
                        carriedOn,
                        doubledOrders,
                        messagesTwice,
                        executors,
                        senders);

                assertThat(phones.acknowledged.size()).as("the storm ran").isGreaterThan(20);
                assertThat(afterKill).as("reports acknowledged after the kill").isPositive();
                assertThat(rows[0])
                        .as("every acknowledged report is stored, once")
                        .isEqualTo(phones.acknowledged.size());
                assertThat(new HashSet<>(phones.acknowledged.values())).hasSize(phones.acknowledged.size());
                assertThat(phones.oddities)
                        .as("every error in GridMend's format")
                        .isEmpty();
                assertThat(resumed).as("GridMend carries on within a minute").isBetween(0.0, 60.0);
                // the backlog the storm left is triaged in the end; how long that takes is this 2-core machine's triage
                // throughput (docs/benchmarks.md), not the failover
                assertThat(carriedOn)
                        .as("every acknowledged report triaged after the storm")
                        .isBetween(0.0, 240.0);
                assertThat(doubledOrders).as("one open repair order per device").isZero();
                assertThat(messagesTwice).as("no message twice").isZero();
                assertThat(executors).as("both nodes' job executors worked").isEqualTo(2);
                assertThat(senders)
                        .as("both nodes' outbox dispatchers sent messages")
                        .isEqualTo(2);
                assertThat(clusterSize).isEqualTo(2);
            }
        }
    }
}
