package org.gridmend.fault;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.function.BooleanSupplier;

/** What the fault tests share: whether they can run here, where they keep their files, how they count. */
final class FaultTests {

    static final Path WORK = Path.of("target", "fault-tests").toAbsolutePath();

    private FaultTests() {}

    /** On a machine without mariadb-server they skip, unless GRIDMEND_FAULT_TESTS=required (as in .ci/run). */
    static void requireMariaDbServer() {
        boolean present = PrivateMariaDb.binary().isPresent();
        if (!present && "required".equals(System.getenv("GRIDMEND_FAULT_TESTS"))) {
            throw new IllegalStateException("GRIDMEND_FAULT_TESTS=required but no mariadbd is installed");
        }
        assumeTrue(present, "the fault tests need mariadb-server (mariadbd, mariadb-install-db)");
    }

    /** How many rows gm_report holds for each of these request ids, summed, and how many distinct ids. */
    static long[] rowsFor(Connection c, Collection<String> requestIds) throws SQLException {
        long rows = 0;
        long distinct = 0;
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM gm_report WHERE request_id = ?")) {
            for (String id : requestIds) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    long n = r.getLong(1);
                    rows += n;
                    distinct += n > 0 ? 1 : 0;
                }
            }
        }
        return new long[] {rows, distinct};
    }

    static long untriaged(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM gm_report WHERE status = 'RECEIVED'");
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Seconds until the condition holds, polled every 200 ms, or -1 after {@code limitSeconds}. */
    static double secondsUntil(BooleanSupplier condition, int limitSeconds) throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < limitSeconds * 1_000_000_000L) {
            if (condition.getAsBoolean()) {
                return (System.nanoTime() - start) / 1e9;
            }
            Thread.sleep(200);
        }
        return -1;
    }
}
