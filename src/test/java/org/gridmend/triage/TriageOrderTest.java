package org.gridmend.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.gridmend.grid.GridImportService;
import org.gridmend.report.OutageEvidence;
import org.gridmend.report.ReportMapper;
import org.gridmend.support.ProcessTest;
import org.gridmend.support.RandomGrids;
import org.gridmend.support.ReportRows;
import org.gridmend.support.TestGrids;
import org.gridmend.triage.FeederEvidence.Source;
import org.gridmend.triage.FeederEvidence.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Order independence through the database: for generated feeders and evidence (reports, then power seen on at some
 * homes), the reports triaged one by one in several orders and from several threads at once end in the same open
 * incidents, each on the node {@link Reference} predicts, with every report on the incident of its area.
 */
@ProcessTest
class TriageOrderTest {

    static final int FEEDERS = 14;

    @Autowired
    GridImportService importer;

    @Autowired
    TriageService triage;

    @Autowired
    OutageEvidence evidence;

    @Autowired
    ReportMapper reports;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theSameEvidenceInAnyOrderGivesTheSameRightIncidents() throws Exception {
        int checked = 0;
        for (long seed = 1; checked < FEEDERS; seed++) {
            RandomGrids.Feeder shape = RandomGrids.feeder("g", seed);
            List<Statement> plan = Reference.evidence(shape, new Random(seed));
            if (plan.stream().noneMatch(s -> s.source() == Source.REPORT)) {
                continue;
            }
            checked++;
            Map<String, Set<String>> first = null;
            for (int run = 0; run < 3; run++) {
                RandomGrids.Feeder f = RandomGrids.feeder(TestGrids.prefix(), seed);
                importer.importDocument(f.document());
                List<Statement> own = Reference.evidence(f, new Random(seed));
                Map<String, String> expected = Reference.roots(f.topology(), own, OutagePredictorTest.RULES);
                List<Statement> outs = new ArrayList<>(
                        own.stream().filter(s -> s.source() == Source.REPORT).toList());
                List<Statement> ons = new ArrayList<>(
                        own.stream().filter(s -> s.source().powered()).toList());
                Random order = new Random(seed * 31 + run);
                Collections.shuffle(outs, order);
                Collections.shuffle(ons, order);
                if (run < 2) {
                    for (Statement s : outs) {
                        triageOne(report(s.customer()));
                    }
                } else {
                    concurrently(outs);
                }
                for (Statement s : ons) {
                    evidence.powerOn(s.customer(), OutageEvidence.PowerOnSource.CUSTOMER, Instant.now());
                }
                Map<String, Set<String>> incidents = incidents(f);
                assertThat(incidents.keySet())
                        .as("seed %d run %d: open incidents", seed, run)
                        .containsExactlyInAnyOrderElementsOf(new HashSet<>(expected.values())
                                .stream()
                                        .map(n -> n.substring(f.prefix().length() + 1))
                                        .toList());
                for (Map.Entry<String, Set<String>> i : incidents.entrySet()) {
                    for (String area : i.getValue()) {
                        assertThat(expected.get(f.prefix() + "-" + area))
                                .as("seed %d run %d: reports of %s", seed, run, area)
                                .isEqualTo(f.prefix() + "-" + i.getKey());
                    }
                }
                assertThat(jdbc.queryForObject(
                                "SELECT COUNT(*) FROM gm_report WHERE customer_no LIKE ? "
                                        + "AND (incident_id IS NULL OR status <> 'IN_REPAIR')",
                                Long.class,
                                f.prefix() + "%"))
                        .as("every report on an incident")
                        .isZero();
                if (first == null) {
                    first = incidents;
                } else {
                    assertThat(incidents)
                            .as("seed %d run %d equals run 0", seed, run)
                            .isEqualTo(first);
                }
            }
        }
    }

    /** Open incidents on the feeder, by device (without the prefix), with the areas of their reports. */
    private Map<String, Set<String>> incidents(RandomGrids.Feeder f) {
        Map<String, Set<String>> byDevice = new HashMap<>();
        jdbc.query(
                "SELECT i.device_id, r.located_transformer_id FROM gm_incident i LEFT JOIN gm_report r "
                        + "ON r.incident_id = i.id WHERE i.feeder_id = ? AND i.state = 'OPEN'",
                rs -> {
                    Set<String> areas = byDevice.computeIfAbsent(
                            rs.getString(1).substring(f.prefix().length() + 1), k -> new HashSet<>());
                    if (rs.getString(2) != null) {
                        areas.add(rs.getString(2).substring(f.prefix().length() + 1));
                    }
                },
                f.prefix() + "-F");
        return byDevice;
    }

    private long report(String customerNo) {
        return ReportRows.started(reports, transactions, List.of(customerNo)).get(0);
    }

    /** Locate and triage, as the FaultReport's first job does; a job that lost a race runs again. */
    private void triageOne(long reportId) {
        for (int attempt = 0; ; attempt++) {
            try {
                transactions.executeWithoutResult(tx -> {
                    triage.locate(reportId, null);
                    triage.triage(reportId);
                });
                return;
            } catch (RuntimeException raced) {
                if (attempt > 20) {
                    throw raced;
                }
            }
        }
    }

    private void concurrently(List<Statement> outs) throws Exception {
        List<Long> ids = new ArrayList<>();
        for (Statement s : outs) {
            ids.add(report(s.customer()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Void>> work = new ArrayList<>();
            for (long id : ids) {
                work.add(() -> {
                    triageOne(id);
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(work)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
