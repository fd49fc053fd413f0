package org.gridmend.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.gridmend.grid.AreaType;
import org.gridmend.grid.DeviceType;
import org.gridmend.grid.GridDocument;
import org.gridmend.grid.GridImportService;
import org.gridmend.report.ReportMapper;
import org.gridmend.support.Http;
import org.gridmend.support.MariaDbTest;
import org.gridmend.support.RandomGrids;
import org.gridmend.support.ReportRows;
import org.gridmend.support.TestGrids;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hundreds of reports for one transformer area at the same moment, on a real MariaDB: exactly one incident, every
 * report on it. Once with triage itself racing on 32 threads (what several job executors on several nodes do), once
 * end to end through HTTP.
 */
@MariaDbTest
class TriageConcurrencyMariaDbIT {

    private static final int REPORTS = 200;

    @LocalServerPort
    int port;

    @Autowired
    GridImportService importer;

    @Autowired
    TriageService triage;

    @Autowired
    ReportMapper reports;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    /** A breaker with one big transformer area of {@value #REPORTS} customers and a small one beside it. */
    private String bigArea() {
        String p = TestGrids.prefix();
        double lat = 20 + ThreadLocalRandom.current().nextDouble(30);
        double lng = 75 + ThreadLocalRandom.current().nextDouble(55);
        List<GridDocument.Customer> customers = new ArrayList<>();
        for (int c = 0; c < REPORTS; c++) {
            customers.add(new GridDocument.Customer(p + "c" + c, null, null, p + "-TA", lat + c * 1e-5, lng, null));
        }
        customers.add(new GridDocument.Customer(p + "other", null, null, p + "-TB", lat + 0.01, lng, null));
        importer.importDocument(new GridDocument(
                List.of(),
                List.of(new GridDocument.Substation(p + "-SS", null, lat, lng)),
                List.of(new GridDocument.Feeder(p + "-F", null, p + "-SS")),
                List.of(new GridDocument.Device(p + "-CB", DeviceType.BREAKER, p + "-F", null, lat, lng)),
                List.of(
                        new GridDocument.Transformer(p + "-TA", null, p + "-F", p + "-CB", AreaType.URBAN, lat, lng),
                        new GridDocument.Transformer(
                                p + "-TB", null, p + "-F", p + "-CB", AreaType.URBAN, lat + 0.01, lng)),
                customers,
                List.of()));
        return p;
    }

    @Test
    void triageRacingOnManyThreadsOpensExactlyOneIncident() throws Exception {
        String p = bigArea();
        List<String> customers = new ArrayList<>();
        for (int c = 0; c < REPORTS; c++) {
            customers.add(p + "c" + c);
        }
        // This test is the triage that the processes would run: the starter never sees these reports.
        List<Long> ids = ReportRows.started(reports, transactions, customers);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Callable<Long>> work = new ArrayList<>();
            for (long id : ids) {
                work.add(() -> transactions.execute(tx -> {
                    triage.locate(id, null);
                    return triage.triage(id).incidentId();
                }));
            }
            List<Long> incidents = new ArrayList<>();
            for (Future<Long> f : pool.invokeAll(work)) {
                incidents.add(f.get());
            }
            assertThat(incidents).containsOnly(incidents.get(0));
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM gm_incident WHERE device_id = ?", Long.class, p + "-TA"))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM gm_report r JOIN gm_incident i ON r.incident_id = i.id "
                                + "WHERE i.device_id = ? AND r.status = 'IN_REPAIR'",
                        Long.class,
                        p + "-TA"))
                .isEqualTo(REPORTS);
    }

    /**
     * Outage prediction under concurrency on the real database: 300 reports from 3 generated feeders (100 each,
     * customers reporting again among them), in random order on 16 threads, twice with different orders on fresh
     * copies: the same incidents, on the devices the rule predicts, with the same reports on each.
     */
    @Test
    void threeHundredReportsFromThreeFeedersInAnyOrderGiveTheSameIncidents() throws Exception {
        long[] seeds = {11, 23, 42};
        Map<String, Set<String>> first = null;
        for (int run = 0; run < 2; run++) {
            List<String> customers = new ArrayList<>();
            Map<String, Set<String>> expected = new HashMap<>();
            List<String> prefixes = new ArrayList<>();
            for (long seed : seeds) {
                String p = TestGrids.prefix();
                RandomGrids.Feeder f = RandomGrids.feeder(p, seed);
                importer.importDocument(f.document());
                // ids compare across the two copies without their prefix, and stay apart per feeder by its seed
                prefixes.add(p);
                seedOf.put(p, seed);
                List<FeederEvidence.Statement> plan = Reference.evidence(f, new Random(seed)).stream()
                        .filter(st -> st.source() == FeederEvidence.Source.REPORT)
                        .toList();
                assertThat(plan).as("seed %d gives reports", seed).isNotEmpty();
                Reference.roots(f.topology(), plan, OutagePredictorTest.RULES)
                        .forEach((area, root) -> expected.computeIfAbsent(strip(p, root), k -> new TreeSet<>())
                                .add(strip(p, area)));
                for (int i = 0; i < 100; i++) {
                    customers.add(plan.get(i % plan.size()).customer());
                }
            }
            Collections.shuffle(customers, new Random(run));
            List<Long> ids = ReportRows.started(reports, transactions, customers);
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                List<Callable<Long>> work = new ArrayList<>();
                for (long id : ids) {
                    work.add(() -> triageWithRetries(id));
                }
                for (Future<Long> f : pool.invokeAll(work)) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            Map<String, Set<String>> incidents = new HashMap<>();
            for (String p : prefixes) {
                jdbc.query(
                        "SELECT i.device_id, r.located_transformer_id FROM gm_report r JOIN gm_incident i "
                                + "ON i.id = r.incident_id WHERE r.customer_no LIKE ? AND r.status = 'IN_REPAIR' "
                                + "AND i.state = 'OPEN'",
                        rs -> {
                            incidents
                                    .computeIfAbsent(strip(p, rs.getString(1)), k -> new TreeSet<>())
                                    .add(strip(p, rs.getString(2)));
                        },
                        p + "%");
                assertThat(jdbc.queryForObject(
                                "SELECT COUNT(*) FROM gm_report WHERE customer_no LIKE ? AND "
                                        + "(incident_id IS NULL OR status <> 'IN_REPAIR')",
                                Long.class,
                                p + "%"))
                        .as("every report on an open incident")
                        .isZero();
                assertThat(jdbc.queryForObject(
                                "SELECT COUNT(*) FROM gm_report r JOIN gm_incident i ON i.id = "
                                        + "r.incident_id WHERE r.customer_no LIKE ? AND i.state <> 'OPEN'",
                                Long.class,
                                p + "%"))
                        .isZero();
            }
            // the devices the reports' areas are on are the devices the rule predicts (areas nobody reported from
            // are on the expected side too, but carry no report)
            for (Map.Entry<String, Set<String>> i : incidents.entrySet()) {
                assertThat(expected)
                        .as("run %d: an incident on %s", run, i.getKey())
                        .containsKey(i.getKey());
                assertThat(expected.get(i.getKey()))
                        .as("run %d: areas of %s", run, i.getKey())
                        .containsAll(i.getValue());
            }
            if (first == null) {
                first = incidents;
            } else {
                assertThat(incidents)
                        .as("the second order gives the first order's incidents")
                        .isEqualTo(first);
            }
        }
    }

    private final Map<String, Long> seedOf = new HashMap<>();

    /** The id without the copy's prefix, so that two copies of a feeder compare; the seed keeps feeders apart. */
    private String strip(String prefix, String id) {
        return seedOf.get(prefix) + ":" + id.substring(prefix.length());
    }

    /** Locate and triage as the FaultReport's first job does; a job that lost a race (or a deadlock) runs again. */
    private long triageWithRetries(long id) {
        for (int attempt = 0; ; attempt++) {
            try {
                return transactions.execute(tx -> {
                    triage.locate(id, null);
                    return triage.triage(id).incidentId();
                });
            } catch (RuntimeException raced) {
                if (attempt > 30) {
                    throw raced;
                }
            }
        }
    }

    @Test
    void twoHundredSimultaneousReportsThroughHttpLandOnOneIncident() throws Exception {
        String p = bigArea();
        Http http = Http.anonymous(port);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<String> reportIds = new ArrayList<>();
        try {
            List<Callable<Http.Response>> work = new ArrayList<>();
            for (int c = 0; c < REPORTS; c++) {
                String customer = p + "c" + c;
                work.add(() -> http.post(
                        "/api/reports",
                        Map.of("requestId", UUID.randomUUID().toString(), "channel", "APP", "customerNo", customer)));
            }
            for (Future<Http.Response> f : pool.invokeAll(work)) {
                Http.Response response = f.get();
                assertThat(response.status()).as(response.toString()).isEqualTo(201);
                reportIds.add(response.json().path("reportId").asText());
            }
        } finally {
            pool.shutdown();
        }
        Instant until = Instant.now().plus(Duration.ofSeconds(120));
        while (jdbc.queryForObject(
                        "SELECT COUNT(*) FROM gm_report WHERE customer_no LIKE ? AND status = 'IN_REPAIR'",
                        Long.class,
                        p + "c%")
                < REPORTS) {
            assertThat(Instant.now()).as("all reports triaged").isBefore(until);
            Thread.sleep(200);
        }
        assertThat(reportIds).doesNotHaveDuplicates().hasSize(REPORTS);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM gm_incident WHERE device_id = ?", Long.class, p + "-TA"))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(DISTINCT incident_id) FROM gm_report WHERE customer_no LIKE ?",
                        Long.class,
                        p + "c%"))
                .isEqualTo(1);
    }
}
