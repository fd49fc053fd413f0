package org.gridmend.bench;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.gridmend.audit.AuditChain;
import org.gridmend.audit.ChainVerification;
import org.gridmend.audit.TraceService;
import org.gridmend.core.ProcessConstants;
import org.gridmend.core.PublicIds;
import org.gridmend.grid.AreaType;
import org.gridmend.grid.DeviceType;
import org.gridmend.grid.GridDocument;
import org.gridmend.grid.GridImportService;
import org.gridmend.grid.GridLookupService;
import org.gridmend.support.FakeGateway;
import org.gridmend.support.TestGrids;
import org.gridmend.triage.IncidentService;
import org.gridmend.triage.TriageRule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The restoration fan-out: an incident with 10,000 linked reports (each waiting in its FaultReport for "power
 * restored") and 2,000 more customers below its fuse who did not report is restored. Measured: from the restoration
 * step until every restoration message (10,000 confirmation requests, 2,000 "power is back") is accepted by a gateway
 * on loopback ({@link FakeGateway}), through the whole path: the restoration batches, each report's process, the
 * outbox and the dispatcher's HTTP calls. Checks that no customer got a message twice. Prints its figures; asserts
 * nothing about time. On H2 ({@link NotificationFanoutBenchmark}) and on MariaDB
 * ({@link NotificationFanoutMariaDbBenchmark}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class FanoutScenario {

    static final int REPORTERS = 10_000;
    static final int OTHERS = 2_000;
    static final int TRANSFORMERS = 200;
    static final FakeGateway GATEWAY = new FakeGateway();

    @DynamicPropertySource
    static void gateways(DynamicPropertyRegistry registry) {
        registry.add("camunda.bpm.process-engine-name", () -> "fanout");
        registry.add("gridmend.notify.sms.url", () -> GATEWAY.url("/sms"));
        registry.add("gridmend.notify.push.url", () -> GATEWAY.url("/push"));
    }

    @AfterAll
    static void stopGateway() {
        GATEWAY.close();
    }

    @Autowired
    GridImportService importer;

    @Autowired
    GridLookupService grid;

    @Autowired
    IncidentService incidents;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditChain chain;

    @Autowired
    TraceService traces;

    @Test
    void restorationOf10000Reports() throws Exception {
        String p = TestGrids.prefix();
        importer.importDocument(document(p));
        JobExecutor jobs = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        jobs.shutdown();

        // the incident on the fuse, its repair order held before its first step
        long incidentId = incidents
                .openOrGet(grid.topology(p + "-F"), p + "-FU", TriageRule.ROLLUP_BRANCHES, "benchmark", Instant.now())
                .incident()
                .id();
        String orderId = engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(PublicIds.incident(incidentId))
                .singleResult()
                .getId();
        long setup = System.nanoTime();
        List<Long> reportIds = linkReports(p, incidentId);
        for (Long reportId : reportIds) {
            engine.getRuntimeService()
                    .createProcessInstanceByKey(ProcessConstants.FAULT_REPORT)
                    .businessKey(PublicIds.report(reportId))
                    .setVariable(ProcessConstants.REPORT_ID, reportId)
                    .setVariable(ProcessConstants.INCIDENT_ID, incidentId)
                    .startBeforeActivity("Gateway_AwaitRestoration")
                    .execute();
        }
        // half the customers use the app: pushes for them, SMS for the rest
        jdbc.update(
                "INSERT INTO gm_app_registration (customer_no, registered_at) SELECT customer_no, ? FROM "
                        + "gm_customer WHERE customer_no LIKE ? AND MOD(CAST(SUBSTRING(customer_no, ?) AS INT), 2) = 0",
                Timestamp.from(Instant.now()),
                p + "%",
                p.length() + 1);
        double setupSeconds = (System.nanoTime() - setup) / 1e9;

        // the crew completes the repair: "Restore power" runs in its request, the rest in the background
        long started = System.nanoTime();
        engine.getRuntimeService()
                .createProcessInstanceModification(orderId)
                .cancelAllForActivity("Task_NotifyOutageKnown")
                .startBeforeActivity("Task_RestorePower")
                .setVariable(ProcessConstants.RESOLUTION, "REPLACED_FUSE")
                .execute();
        jobs.start();
        int expected = REPORTERS + OTHERS;
        double written = -1;
        Instant giveUp = Instant.now().plusSeconds(900);
        while (Instant.now().isBefore(giveUp)) {
            Map<String, Object> counts = jdbc.queryForMap(
                    "SELECT COUNT(*) AS total, "
                            + "SUM(CASE WHEN status = 'SENT' THEN 1 ELSE 0 END) AS sent FROM gm_notification "
                            + "WHERE incident_id = ? AND event_type IN ('CONFIRMATION_REQUEST', 'RESTORED')",
                    incidentId);
            long total = ((Number) counts.get("TOTAL")).longValue();
            long sent = counts.get("SENT") == null ? 0 : ((Number) counts.get("SENT")).longValue();
            if (written < 0 && total >= expected) {
                written = (System.nanoTime() - started) / 1e9;
            }
            if (sent >= expected) {
                break;
            }
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        List<Map<String, Object>> twice = jdbc.queryForList(
                "SELECT customer_no, event_type, COUNT(*) FROM "
                        + "gm_notification WHERE incident_id = ? GROUP BY customer_no, event_type HAVING COUNT(*) > 1",
                incidentId);
        long sent = jdbc.queryForObject(
                "SELECT COUNT(*) FROM gm_notification WHERE incident_id = ? AND status = "
                        + "'SENT' AND event_type IN ('CONFIRMATION_REQUEST', 'RESTORED')",
                Long.class,
                incidentId);
        long acceptedTwice =
                GATEWAY.accepted().values().stream().filter(n -> n.get() > 1).count();
        if (sent != expected || !twice.isEmpty() || acceptedTwice > 0) {
            throw new AssertionError("fan-out incomplete or repeated: sent " + sent + " of " + expected
                    + ", customers told twice " + twice.size() + ", messages accepted twice " + acceptedTwice);
        }
        System.out.printf(
                Locale.ROOT,
                "%nBENCHMARK restoration fan-out on H2 (in memory), %d cores, %s%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        System.out.printf(
                Locale.ROOT,
                "  setup: %,d reports linked and waiting in their processes in %.1f s%n",
                REPORTERS,
                setupSeconds);
        System.out.printf(
                Locale.ROOT,
                "  %,d restoration messages (%,d confirmation requests, %,d power-back) "
                        + "written to the outbox after %.1f s%n",
                expected,
                REPORTERS,
                OTHERS,
                written);
        System.out.printf(
                Locale.ROOT,
                "  all accepted by the gateway after %.1f s: %,.0f messages/s end to end, " + "none twice%n",
                seconds,
                expected / seconds);

        // the audit trail of it all: every delivery attempt is chained; how long an auditor waits
        chain.sealPending();
        long t0 = System.nanoTime();
        ChainVerification verification = chain.verify();
        double verifySeconds = (System.nanoTime() - t0) / 1e9;
        if (!verification.intact()) {
            throw new AssertionError("audit chain broken: " + verification);
        }
        t0 = System.nanoTime();
        int orderEntries = traces.incident(PublicIds.incident(incidentId), false, "bench")
                .entries()
                .size();
        double orderSeconds = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        int reportEntries = traces.report(PublicIds.report(reportIds.get(0)), false, "bench")
                .entries()
                .size();
        double reportSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "  audit: %,d chained events verified in %.1f s; the repair order's trace "
                        + "(%,d entries) in %.1f s, a report's (%,d entries) in %.2f s%n",
                verification.checked(),
                verifySeconds,
                orderEntries,
                orderSeconds,
                reportEntries,
                reportSeconds);
        System.out.println(
                "  reproduce: mvn verify -Pbenchmark -Dit.test=" + getClass().getSimpleName());
    }

    /** Reports of the first {@link #REPORTERS} customers, on the incident, their processes started. */
    private List<Long> linkReports(String p, long incidentId) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>();
        for (int c = 0; c < REPORTERS; c++) {
            rows.add(new Object[] {
                UUID.randomUUID().toString(),
                "0".repeat(64),
                UUID.randomUUID().toString(),
                customer(p, c),
                incidentId,
                now,
                now
            });
        }
        jdbc.batchUpdate(
                "INSERT INTO gm_report (request_id, request_hash, tracking_token, channel, customer_no, "
                        + "located_customer_no, incident_id, status, answer, process_started, created_at, updated_at) "
                        + "VALUES (?, ?, ?, 'APP', ?, NULL, ?, 'IN_REPAIR', '{}', TRUE, ?, ?)",
                rows);
        return jdbc.queryForList("SELECT id FROM gm_report WHERE incident_id = ? ORDER BY id", Long.class, incidentId);
    }

    private static String customer(String p, int c) {
        return p + String.format(Locale.ROOT, "%06d", c);
    }

    static GridDocument document(String p) {
        String feeder = p + "-F";
        List<GridDocument.Transformer> transformers = new ArrayList<>();
        List<GridDocument.Customer> customers = new ArrayList<>();
        AtomicInteger n = new AtomicInteger();
        for (int t = 0; t < TRANSFORMERS; t++) {
            transformers.add(new GridDocument.Transformer(
                    p + "-T" + t, "台区" + t, feeder, p + "-FU", AreaType.URBAN, 43.8 + t * 0.001, 125.3));
        }
        for (int c = 0; c < REPORTERS + OTHERS; c++) {
            GridDocument.Transformer t = transformers.get(c % TRANSFORMERS);
            customers.add(new GridDocument.Customer(
                    customer(p, n.getAndIncrement()),
                    "张三",
                    String.format(Locale.ROOT, "139%08d", c),
                    t.id(),
                    t.lat(),
                    t.lng(),
                    "长春市人民大街" + c + "号"));
        }
        return new GridDocument(
                List.of(),
                List.of(new GridDocument.Substation(p + "-SS", "Bench", 43.8, 125.3)),
                List.of(new GridDocument.Feeder(feeder, "Feeder", p + "-SS")),
                List.of(
                        new GridDocument.Device(p + "-CB", DeviceType.BREAKER, feeder, null, null, null),
                        new GridDocument.Device(p + "-FU", DeviceType.FUSE, feeder, p + "-CB", null, null)),
                transformers,
                customers,
                List.of());
    }
}
