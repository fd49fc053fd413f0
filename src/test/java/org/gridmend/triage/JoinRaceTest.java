package org.gridmend.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.gridmend.grid.AreaType;
import org.gridmend.grid.DeviceType;
import org.gridmend.grid.GridDocument;
import org.gridmend.grid.GridImportService;
import org.gridmend.support.Await;
import org.gridmend.support.GridMendTest;
import org.gridmend.support.Http;
import org.gridmend.support.TestGrids;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reports racing through the real FaultReport jobs: dozens join an area that is out while its sibling areas' first
 * reports roll the outage up fuse by fuse to the breaker, merging the area's incident away under them. Afterwards
 * every report waits on an open incident: none is left on one that was merged while it joined.
 */
@GridMendTest
class JoinRaceTest {

    @LocalServerPort
    int port;

    @Autowired
    GridImportService importer;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void noReportIsLeftOnAnIncidentMergedWhileItJoined() throws Exception {
        for (int round = 0; round < 3; round++) {
            String p = TestGrids.prefix();
            List<GridDocument.Device> devices = new ArrayList<>();
            List<GridDocument.Transformer> areas = new ArrayList<>();
            List<GridDocument.Customer> customers = new ArrayList<>();
            devices.add(new GridDocument.Device(p + "-CB", DeviceType.BREAKER, p + "-F", null, 30.0, 100.0));
            for (int f = 1; f <= 3; f++) {
                devices.add(new GridDocument.Device(p + "-FU" + f, DeviceType.FUSE, p + "-F", p + "-CB", 30.0, 100.0));
                for (int t = 1; t <= 3; t++) {
                    String area = p + "-T" + f + t;
                    areas.add(new GridDocument.Transformer(
                            area, null, p + "-F", p + "-FU" + f, AreaType.URBAN, 30.0 + 0.01 * f, 100.0 + 0.01 * t));
                    for (int c = 0; c < 60; c++) {
                        customers.add(new GridDocument.Customer(
                                p + "c" + f + t + "x" + c, null, null, area, 30.0 + 0.01 * f, 100.0 + 0.01 * t, null));
                    }
                }
            }
            importer.importDocument(new GridDocument(
                    List.of(),
                    List.of(new GridDocument.Substation(p + "-SS", null, 30.0, 100.0)),
                    List.of(new GridDocument.Feeder(p + "-F", null, p + "-SS")),
                    devices,
                    areas,
                    customers,
                    List.of()));
            List<String> who = new ArrayList<>();
            for (int c = 0; c < 60; c++) {
                who.add(p + "c11x" + c); // the area that is out, reported in dozens
            }
            for (int f = 1; f <= 3; f++) {
                for (int t = 1; t <= 3; t++) {
                    who.add(p + "c" + f + t + "x59"); // one report from every other area: roll-ups to the breaker
                }
            }
            Collections.shuffle(who, new Random(round));
            Http http = Http.anonymous(port);
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                List<Future<Integer>> sent = new ArrayList<>();
                for (String customer : who) {
                    sent.add(pool.submit(() -> http.post(
                                    "/api/reports",
                                    Map.of(
                                            "requestId",
                                            UUID.randomUUID().toString(),
                                            "channel",
                                            "APP",
                                            "customerNo",
                                            customer))
                            .status()));
                }
                for (Future<Integer> f : sent) {
                    assertThat(f.get()).isEqualTo(201);
                }
            } finally {
                pool.shutdown();
            }
            Await.until(
                    () -> jdbc.queryForObject(
                                    "SELECT COUNT(*) FROM gm_report WHERE customer_no LIKE ? AND "
                                            + "status = 'IN_REPAIR'",
                                    Long.class,
                                    p + "%")
                            == who.size(),
                    120);
            assertThat(jdbc.queryForList(
                            "SELECT r.id FROM gm_report r JOIN gm_incident i ON i.id = r.incident_id "
                                    + "WHERE r.customer_no LIKE ? AND i.state <> 'OPEN'",
                            Long.class,
                            p + "%"))
                    .as("round %d: reports left on an incident that is not open", round)
                    .isEmpty();
            assertThat(jdbc.queryForList(
                            "SELECT DISTINCT i.device_id FROM gm_report r JOIN gm_incident i ON "
                                    + "i.id = r.incident_id WHERE r.customer_no LIKE ?",
                            String.class,
                            p + "%"))
                    .containsExactly(p + "-CB");
        }
    }
}
