package org.gridmend.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.gridmend.grid.FeederTopology;
import org.gridmend.grid.GridLookupService;
import org.gridmend.support.Await;
import org.gridmend.support.GridMendTest;
import org.gridmend.support.ReportFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A cache every node keeps is dropped here when another node changes its data: the other node's transaction moves
 * the counter in gm_cache_version on (done here with SQL, as that node would), and this node drops the cache within
 * a second or two, long before its time to live.
 */
@GridMendTest
class CacheVersionTest {

    @Autowired
    CacheVersionService caches;

    @Autowired
    GridLookupService grid;

    @Autowired
    ReportFixture reports;

    @Autowired
    JdbcTemplate jdbc;

    private void changedOnAnotherNode(String name) {
        Timestamp now = Timestamp.from(Instant.now());
        if (jdbc.update(
                        "UPDATE gm_cache_version SET version = version + 1, changed_at = ?, changed_by = 'other' "
                                + "WHERE name = ?",
                        now,
                        name)
                == 0) {
            jdbc.update(
                    "INSERT INTO gm_cache_version (name, version, changed_at, changed_by) VALUES (?, 1, ?, 'other')",
                    name,
                    now);
        }
    }

    @Test
    void anotherNodesChangeDropsTheCacheHereWithinSeconds() {
        AtomicInteger dropped = new AtomicInteger();
        String name = "test-" + System.nanoTime();
        caches.listen(name, dropped::incrementAndGet);
        changedOnAnotherNode(name);
        Await.until(() -> dropped.get() == 1, 10);
        changedOnAnotherNode(name);
        Await.until(() -> dropped.get() == 2, 10);
        assertThat(dropped.get()).isEqualTo(2);
    }

    @Test
    void aFeedersTopologyIsReadAgainAfterAnImportOnAnotherNode() {
        ReportFixture.Grid g = reports.newGrid();
        String feeder = g.doc().feeders().get(0).id();
        FeederTopology cached = grid.topology(feeder);
        assertThat(grid.topology(feeder)).isSameAs(cached);
        changedOnAnotherNode("topology");
        Await.until(() -> grid.topology(feeder) != cached, 10);
    }
}
