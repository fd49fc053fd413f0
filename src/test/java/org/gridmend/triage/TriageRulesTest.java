package org.gridmend.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.gridmend.core.PublicIds;
import org.gridmend.grid.AreaType;
import org.gridmend.grid.DeviceType;
import org.gridmend.grid.GridDocument;
import org.gridmend.grid.GridImportService;
import org.gridmend.report.ReportAnswer;
import org.gridmend.report.ReportMapper;
import org.gridmend.report.ReportRecord;
import org.gridmend.support.ProcessTest;
import org.gridmend.support.ReportFixture;
import org.gridmend.support.TestGrids;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each triage rule on a feeder shaped for it:
 * <pre>
 * CB ─ SW ─ FU ─ T1, T2, T3       (4 customers each)
 *    │    └ T4
 *    ├ FU2 ─ T7                    (a fuse with a single transformer area)
 *    └ T5, T6
 * </pre>
 * Reports go through intake; triage is called directly, as the process's "Place report on the grid", "Judge report" and
 * "Triage report" do.
 */
@ProcessTest
class TriageRulesTest {

    @Autowired
    GridImportService importer;

    @Autowired
    ReportFixture reports;

    @Autowired
    TriageService triage;

    @Autowired
    JudgeService judge;

    @Autowired
    IncidentService incidents;

    @Autowired
    IncidentMapper incidentMapper;

    @Autowired
    ReportMapper reportMapper;

    @Autowired
    JdbcTemplate jdbc;

    String p;
    double lat;
    double lng;

    @BeforeEach
    void feeder() {
        p = TestGrids.prefix();
        lat = 20 + ThreadLocalRandom.current().nextDouble(30);
        lng = 75 + ThreadLocalRandom.current().nextDouble(55);
        List<GridDocument.Transformer> transformers = new ArrayList<>();
        List<GridDocument.Customer> customers = new ArrayList<>();
        String[][] areas = {
            {"T1", "FU"}, {"T2", "FU"}, {"T3", "FU"}, {"T4", "SW"}, {"T5", "CB"}, {"T6", "CB"}, {"T7", "FU2"}
        };
        for (int t = 0; t < areas.length; t++) {
            String id = p + "-" + areas[t][0];
            double tLat = lat + 0.01 * t;
            transformers.add(new GridDocument.Transformer(
                    id, areas[t][0], p + "-F", p + "-" + areas[t][1], AreaType.URBAN, tLat, lng));
            for (int c = 1; c <= 4; c++) {
                customers.add(new GridDocument.Customer(
                        customer(areas[t][0], c), null, null, id, tLat + 0.0001 * c, lng, null));
            }
        }
        importer.importDocument(new GridDocument(
                List.of(),
                List.of(new GridDocument.Substation(p + "-SS", null, lat, lng)),
                List.of(new GridDocument.Feeder(p + "-F", null, p + "-SS")),
                List.of(
                        new GridDocument.Device(p + "-CB", DeviceType.BREAKER, p + "-F", null, lat, lng),
                        new GridDocument.Device(p + "-SW", DeviceType.SWITCH, p + "-F", p + "-CB", lat, lng),
                        new GridDocument.Device(p + "-FU", DeviceType.FUSE, p + "-F", p + "-SW", lat, lng),
                        new GridDocument.Device(p + "-FU2", DeviceType.FUSE, p + "-F", p + "-CB", lat, lng)),
                transformers,
                customers,
                List.of()));
    }

    private String customer(String transformer, int n) {
        return p + transformer + "c" + n;
    }

    /** A report run through locate, judge and triage, as the process's first job does. */
    private ReportRecord triaged(String customerNo) {
        ReportAnswer answer = reports.byCustomer(customerNo);
        long id = PublicIds.parseReport(answer.reportId());
        assertThat(triage.locate(id, null)).isEqualTo(LocateOutcome.LOCATED);
        judge.judgeReport(id);
        triage.triage(id);
        return reportMapper.findById(id);
    }

    private IncidentRecord incidentOf(ReportRecord report) {
        return incidentMapper.findById(reportMapper.findById(report.id()).incidentId());
    }

    private List<IncidentRecord> openOnFeeder() {
        return incidentMapper.findOpenOnFeeder(p + "-F");
    }

    @Test
    void theFirstReportOpensAnIncidentOnItsTransformer() {
        IncidentRecord incident = incidentOf(triaged(customer("T1", 1)));
        assertThat(incident.deviceId()).isEqualTo(p + "-T1");
        assertThat(incident.level()).isEqualTo(IncidentLevel.TRANSFORMER);
        assertThat(incident.rule()).isEqualTo(TriageRule.FIRST_REPORT);
        assertThat(incident.state()).isEqualTo(IncidentState.OPEN);
    }

    @Test
    void theSameTransformerJoinsTheOpenIncident() {
        ReportRecord first = triaged(customer("T1", 1));
        ReportRecord second = triaged(customer("T1", 2));
        assertThat(incidentOf(second).id()).isEqualTo(incidentOf(first).id());
        assertThat(incidentMapper.decisionsOfReport(second.id()))
                .extracting(TriageDecision::rule)
                .containsExactly(TriageRule.COVERED_BY_OPEN_INCIDENT);
    }

    @Test
    void threeTransformersUnderOneFuseBecomeOneFuseIncident() {
        ReportRecord t1 = triaged(customer("T1", 1));
        IncidentRecord transformerIncident = incidentOf(t1);
        ReportRecord t2 = triaged(customer("T2", 1));
        ReportRecord t3 = triaged(customer("T3", 1));

        IncidentRecord fuse = incidentOf(t2);
        assertThat(fuse.deviceId()).isEqualTo(p + "-FU");
        assertThat(fuse.level()).isEqualTo(IncidentLevel.FUSE);
        assertThat(fuse.rule()).isEqualTo(TriageRule.ROLLUP_BRANCHES);
        // the explanation is kept current: after the third report all three areas are out, the switch is not
        assertThat(fuse.predictionLines())
                .containsExactly(
                        p + "-FU (FUSE): 3 of 3 branches out (" + p + "-T1, " + p + "-T2, " + p + "-T3)",
                        p + "-SW (SWITCH): 1 of 2 branches out (" + p + "-FU), not predicted (needs 2 " + "and 50%)");
        assertThat(fuse.reason()).isEqualTo(String.join("; ", fuse.predictionLines()));
        // The earlier reporter followed the incident up, and was told once.
        assertThat(incidentOf(t1).id()).isEqualTo(fuse.id());
        assertThat(incidentOf(t3).id()).isEqualTo(fuse.id());
        assertThat(reportMapper.events(t1.id()))
                .filteredOn(e -> e.type().equals("MOVED_INCIDENT"))
                .hasSize(1);
        assertThat(fuse.firstReportAt()).isEqualTo(transformerIncident.firstReportAt());
        IncidentRecord merged = incidentMapper.findById(transformerIncident.id());
        assertThat(merged.state()).isEqualTo(IncidentState.MERGED);
        assertThat(merged.mergedIntoId()).isEqualTo(fuse.id());
        assertThat(openOnFeeder()).extracting(IncidentRecord::deviceId).containsExactly(p + "-FU");
        assertThat(incidentMapper.reportCount(fuse.id())).isEqualTo(3);
    }

    @Test
    void spreadAcrossBranchesRollsUpFurther() {
        triaged(customer("T1", 1));
        triaged(customer("T2", 1));
        ReportRecord t4 = triaged(customer("T4", 1));
        // FU (two of its three areas out) and T4 are both branches of the switch.
        assertThat(incidentOf(t4).deviceId()).isEqualTo(p + "-SW");
        assertThat(openOnFeeder()).extracting(IncidentRecord::deviceId).containsExactly(p + "-SW");
    }

    @Test
    void twoUnrelatedFaultsOnOneFeederStayTwoIncidents() {
        ReportRecord t5 = triaged(customer("T5", 1));
        ReportRecord t1 = triaged(customer("T1", 1));
        // T1 and T5 are only 2 of the 7 transformers below the breaker: not a feeder outage.
        assertThat(incidentOf(t5).deviceId()).isEqualTo(p + "-T5");
        assertThat(incidentOf(t1).deviceId()).isEqualTo(p + "-T1");
        assertThat(openOnFeeder()).hasSize(2);
    }

    @Test
    void aShareOfAnAreasCustomersMovesTheIncidentToItsFuse() {
        ReportRecord first = triaged(customer("T7", 1));
        assertThat(incidentOf(first).deviceId()).isEqualTo(p + "-T7");
        ReportRecord second = triaged(customer("T7", 2));
        IncidentRecord fuse = incidentOf(second);
        assertThat(fuse.deviceId()).isEqualTo(p + "-FU2");
        assertThat(fuse.rule()).isEqualTo(TriageRule.ROLLUP_CUSTOMER_SHARE);
        assertThat(fuse.reason()).contains("2 of 4 customers");
        assertThat(incidentOf(first).id()).isEqualTo(fuse.id());
    }

    @Test
    void reportsOutsideTheWindowDoNotRollUp() {
        ReportRecord old = triaged(customer("T1", 1));
        jdbc.update(
                "UPDATE gm_report SET created_at = ? WHERE id = ?",
                Timestamp.from(Instant.now().minus(2, ChronoUnit.HOURS)),
                old.id());
        ReportRecord t2 = triaged(customer("T2", 1));
        assertThat(incidentOf(t2).deviceId()).isEqualTo(p + "-T2");
    }

    @Test
    void aReportAfterRestorationOpensANewIncident() {
        ReportRecord before = triaged(customer("T1", 1));
        incidents.restore(before.incidentId());
        ReportRecord after = triaged(customer("T1", 2));
        assertThat(after.incidentId()).isNotEqualTo(before.incidentId());
        assertThat(incidentMapper.findById(before.incidentId()).state()).isEqualTo(IncidentState.RESTORED);
        assertThat(incidentOf(after).state()).isEqualTo(IncidentState.OPEN);
    }

    @Test
    void aReportBelowAnOpenFuseIncidentJoinsIt() {
        triaged(customer("T1", 1));
        triaged(customer("T2", 1));
        ReportRecord t1Again = triaged(customer("T1", 3));
        assertThat(incidentOf(t1Again).deviceId()).isEqualTo(p + "-FU");
    }

    @Test
    void reportsWithoutAnArchiveMatchClusterByDistanceAndTime() {
        double far = lat + 1; // no customer or transformer of the archive within the radii
        ReportRecord first = clustered(far, lng);
        ReportRecord near = clustered(far + 0.002, lng); // ~220 m away
        ReportRecord away = clustered(far + 0.02, lng); // ~2.2 km away
        assertThat(incidentOf(first).level()).isEqualTo(IncidentLevel.LOCATION);
        assertThat(incidentOf(near).id()).isEqualTo(incidentOf(first).id());
        assertThat(incidentOf(away).id()).isNotEqualTo(incidentOf(first).id());

        jdbc.update(
                "UPDATE gm_report SET created_at = ? WHERE incident_id = ?",
                Timestamp.from(Instant.now().minus(2, ChronoUnit.HOURS)),
                first.incidentId());
        ReportRecord later = clustered(far + 0.001, lng);
        assertThat(incidentOf(later).id()).isNotEqualTo(incidentOf(first).id());
    }

    private ReportRecord clustered(double atLat, double atLng) {
        ReportAnswer answer = reports.atLocation(atLat, atLng);
        long id = PublicIds.parseReport(answer.reportId());
        assertThat(triage.locate(id, null)).isEqualTo(LocateOutcome.NOT_LOCATED);
        assertThat(triage.locate(id, new TriageService.DispatcherPlacement(LocateOutcome.BY_POSITION, null, null)))
                .isEqualTo(LocateOutcome.BY_POSITION);
        triage.triage(id);
        ReportRecord report = reportMapper.findById(id);
        assertThat(report.incidentId()).isNotNull();
        return report;
    }

    @Test
    void aBareLocationFindsTheNearestCustomer() {
        ReportAnswer answer = reports.atLocation(lat + 0.01 * 3 + 0.0002, lng);
        long id = PublicIds.parseReport(answer.reportId());
        assertThat(triage.locate(id, null)).isEqualTo(LocateOutcome.LOCATED);
        ReportRecord report = reportMapper.findById(id);
        assertThat(report.locatedCustomerNo()).isEqualTo(customer("T4", 2));
        assertThat(report.locateMethod()).isEqualTo("NEAREST_CUSTOMER");
    }

    @Test
    void everyDecisionIsRecordedWithItsReason() {
        ReportRecord t1 = triaged(customer("T1", 1));
        triaged(customer("T2", 1));
        IncidentRecord fuse = incidentOf(t1);
        List<TriageDecision> decisions = incidentMapper.decisionsOfIncident(fuse.id());
        assertThat(decisions).extracting(TriageDecision::rule).contains(TriageRule.ROLLUP_BRANCHES);
        assertThat(incidentMapper.decisionsOfReport(t1.id()))
                .extracting(TriageDecision::reason)
                .anyMatch(r -> r.startsWith(p + "-T1 (TRANSFORMER): 1 of 4 customers reported"));
        assertThat(incidentMapper.decisionsOfIncident(t1.incidentId() == null ? -1 : t1.incidentId()))
                .extracting(TriageDecision::decision)
                .contains("OPENED", "MERGED");
    }
}
