package org.gridmend.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.ibatis.session.SqlSessionFactory;
import org.gridmend.core.LockService;
import org.gridmend.support.MariaDbTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit chain on MariaDB: many writers append at once while two sealers (two nodes) seal; every event ends up
 * sealed exactly once, with no gap, and a changed row is found.
 */
@MariaDbTest
class AuditChainMariaDbIT {

    @Autowired
    AuditTrail audit;

    @Autowired
    AuditChain chain;

    @Autowired
    AuditMapper mapper;

    @Autowired
    LockService locks;

    @Autowired
    SqlSessionFactory sessions;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditProperties properties;

    @Autowired
    Environment environment;

    @Test
    void concurrentWritersAndTwoSealersMakeOneUnbrokenChain() throws Exception {
        AuditChain otherNode = new AuditChain(
                mapper,
                sessions,
                locks,
                transactions,
                new AuditProperties(
                        properties.key(), null, Duration.ofMillis(10), 50, null, properties.publishInterval()),
                environment,
                Clock.systemUTC());
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM gm_audit_event", Long.class);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 6; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        int n = i;
                        // some transactions write several events, some roll back: neither may leave a gap
                        transactions.executeWithoutResult(status -> {
                            audit.record(AuditEntry.of("TEST_EVENT")
                                    .detail("writer", writer)
                                    .detail("n", n));
                            audit.record(AuditEntry.of("TEST_EVENT")
                                    .detail("writer", writer)
                                    .detail("n", n)
                                    .detail("second", true));
                            if (n % 10 == 9) {
                                status.setRollbackOnly();
                            }
                        });
                    }
                    return null;
                }));
            }
            List<Future<?>> sealers = new ArrayList<>();
            for (AuditChain sealer : List.of(chain, otherNode)) {
                sealers.add(pool.submit(() -> {
                    while (writing.get()) {
                        sealer.sealPending();
                    }
                    return null;
                }));
            }
            for (Future<?> w : writers) {
                w.get();
            }
            writing.set(false);
            for (Future<?> s : sealers) {
                s.get();
            }
        } finally {
            pool.shutdownNow();
        }
        chain.sealPending();

        long written = jdbc.queryForObject("SELECT COUNT(*) FROM gm_audit_event", Long.class) - before;
        assertThat(written).isEqualTo(6 * 90 * 2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM gm_audit_event WHERE seq IS NULL", Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT MAX(seq) - MIN(seq) + 1 - COUNT(*) FROM gm_audit_event", Long.class))
                .as("gaps in the sequence")
                .isZero();
        ChainVerification verification = chain.verify();
        assertThat(verification.intact()).as(verification.toString()).isTrue();

        Long seq = jdbc.queryForObject("SELECT MAX(seq) - 5 FROM gm_audit_event", Long.class);
        jdbc.update("UPDATE gm_audit_event SET at = DATE_ADD(at, INTERVAL 1 SECOND) WHERE seq = ?", seq);
        ChainVerification altered = chain.verify();
        assertThat(altered.intact()).isFalse();
        assertThat(altered.firstBroken().seq()).isEqualTo(seq);
        jdbc.update("UPDATE gm_audit_event SET at = DATE_SUB(at, INTERVAL 1 SECOND) WHERE seq = ?", seq);
        assertThat(chain.verify().intact()).isTrue();
    }
}
