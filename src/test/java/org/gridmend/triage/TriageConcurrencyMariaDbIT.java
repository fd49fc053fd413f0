package org.gridmend.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.gridmend.report.Channel;
import org.gridmend.report.ReportMapper;
import org.gridmend.report.ReportStatus;
import org.gridmend.support.Http;
import org.gridmend.support.MariaDbTest;
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
        importer.importDocument(new GridDocument(List.of(),
                List.of(new GridDocument.Substation(p + "-SS", null, lat, lng)),
                List.of(new GridDocument.Feeder(p + "-F", null, p + "-SS")),
                List.of(new GridDocument.Device(p + "-CB", DeviceType.BREAKER, p + "-F", null, lat, lng)),
                List.of(new GridDocument.Transformer(p + "-TA", null, p + "-F", p + "-CB", AreaType.URBAN, lat, lng),
                        new GridDocument.Transformer(p + "-TB", null, p + "-F", p + "-CB", AreaType.URBAN, lat + 0.01,
                                lng)),
                customers, List.of()));
        return p;
    }

    @Test
    void triageRacingOnManyThreadsOpensExactlyOneIncident() throws Exception {
        String p = bigArea();
        List<Long> ids = new ArrayList<>();
        for (int c = 0; c < REPORTS; c++) {
            ReportMapper.NewReport r = new ReportMapper.NewReport();
            r.requestId = UUID.randomUUID().toString();
            r.requestHash = "0".repeat(64);
            r.trackingToken = UUID.randomUUID().toString();
            r.channel = Channel.APP;
            r.customerNo = p + "c" + c;
            r.status = ReportStatus.RECEIVED;
            r.answer = "{}";
            r.createdAt = Instant.now();
            reports.insert(r);
            ids.add(r.id);
        }
        // This test is the triage that the processes would run: keep the starter from starting them too.
        reports.markProcessStarted(ids);
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
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM gm_report r JOIN gm_incident i ON r.incident_id = i.id "
                + "WHERE i.device_id = ? AND r.status = 'IN_REPAIR'", Long.class, p + "-TA")).isEqualTo(REPORTS);
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
                work.add(() -> http.post("/api/reports", Map.of("requestId", UUID.randomUUID().toString(),
                        "channel", "APP", "customerNo", customer)));
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
        while (jdbc.queryForObject("SELECT COUNT(*) FROM gm_report WHERE customer_no LIKE ? AND status = 'IN_REPAIR'",
                Long.class, p + "c%") < REPORTS) {
            assertThat(Instant.now()).as("all reports triaged").isBefore(until);
            Thread.sleep(200);
        }
        assertThat(reportIds).doesNotHaveDuplicates().hasSize(REPORTS);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM gm_incident WHERE device_id = ?", Long.class, p + "-TA"))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT incident_id) FROM gm_report WHERE customer_no LIKE ?",
                Long.class, p + "c%")).isEqualTo(1);
    }
}
