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

import org.gridmend.grid.AreaType;
import org.gridmend.grid.DeviceType;
import org.gridmend.grid.FeederTopology;
import org.gridmend.grid.GridDocument.Device;
import org.gridmend.grid.TransformerSummary;
import org.gridmend.support.RandomGrids;
import org.gridmend.triage.FeederEvidence.FindingKind;
import org.gridmend.triage.FeederEvidence.Source;
import org.gridmend.triage.FeederEvidence.Statement;
import org.junit.jupiter.api.Test;

/**
 * The prediction rule on its own, without a database: the example, power on below a device, findings, the
 * single-area share rule, single-child chains, rules per type; and, for generated feeders and evidence in every
 * order, the same answer as {@link Reference}, the rule written plainly.
 */
class OutagePredictorTest {

    static final TriageProperties.Prediction RULES =
            new TriageProperties.Prediction(Duration.ofMinutes(30), 2, 0.5, 0.5, Map.of());
    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    /** B1 ─ FU1 ─ T1, T2, T3 and B1 ─ FU2 ─ T4, T5, T6, 30 customers each. */
    private static FeederTopology twoFuses() {
        List<Device> devices = List.of(
                new Device("B1", DeviceType.BREAKER, "F", null, 0.0, 0.0),
                new Device("FU1", DeviceType.FUSE, "F", "B1", 0.0, 0.0),
                new Device("FU2", DeviceType.FUSE, "F", "B1", 0.0, 0.0));
        List<TransformerSummary> areas = new ArrayList<>();
        for (int t = 1; t <= 6; t++) {
            areas.add(new TransformerSummary("T" + t, null, "F", t <= 3 ? "FU1" : "FU2", AreaType.URBAN, 0, 0, 30));
        }
        return FeederTopology.of("F", devices, areas);
    }

    private static FeederEvidence reports(FeederEvidence e, String area, int customers, int second) {
        for (int c = 1; c <= customers; c++) {
            e.add(new Statement(area, area + "c" + c, Source.REPORT, T0.plusSeconds(second)));
        }
        return e;
    }

    @Test
    void anAreaReportingInDozensAndThreeAreasOfOneFusePredictTheAreaAndTheFuseNotTheBreaker() {
        FeederEvidence e = reports(new FeederEvidence(), "T2", 30, 1);
        for (String t : List.of("T4", "T5", "T6")) {
            reports(e, t, 8, 2);
        }
        Prediction p = OutagePredictor.predict(twoFuses(), e, RULES);
        assertThat(p.roots()).containsExactly("FU2", "T2");
        assertThat(p.areasOf("FU2")).containsExactly("T4", "T5", "T6");
        assertThat(p.explain("FU2"))
                .containsExactly(
                        "FU2 (FUSE): 3 of 3 branches out (T4, T5, T6)",
                        "B1 (BREAKER): 1 of 2 branches out (FU2), not predicted (needs 2 and 50%)");
        assertThat(p.rule("FU2")).isEqualTo(TriageRule.ROLLUP_BRANCHES);
        assertThat(p.rule("T2")).isEqualTo(TriageRule.FIRST_REPORT);
    }

    @Test
    void enoughBranchesOutPredictTheBreakerAndEveryAreaBelowFollowsIt() {
        FeederEvidence e = reports(reports(reports(new FeederEvidence(), "T1", 1, 1), "T2", 1, 2), "T4", 1, 3);
        reports(e, "T5", 1, 4);
        Prediction p = OutagePredictor.predict(twoFuses(), e, RULES);
        assertThat(p.roots()).containsExactly("B1");
        assertThat(p.areasOf("B1")).containsExactly("T1", "T2", "T3", "T4", "T5", "T6");
    }

    @Test
    void aPoweredMeterBelowAPredictedDeviceVetoesItAndEverythingAbove() {
        FeederEvidence e = reports(reports(reports(new FeederEvidence(), "T2", 1, 1), "T3", 1, 2), "T4", 1, 3);
        reports(e, "T5", 1, 4);
        assertThat(OutagePredictor.predict(twoFuses(), e, RULES).roots()).containsExactly("B1");
        e.add(new Statement("T1", "T1c7", Source.METER_POWERED, T0.plusSeconds(60)));
        Prediction p = OutagePredictor.predict(twoFuses(), e, RULES);
        assertThat(p.roots()).containsExactly("FU2", "T2", "T3");
        assertThat(p.explain("T2"))
                .contains(
                        "FU1 (FUSE): not out, power is on below it at T1 (a meter answered " + "the ping with power)");
    }

    @Test
    void powerSeenOnBeforeTheOutageBeganVetoesNothing() {
        FeederEvidence e = new FeederEvidence().add(new Statement("T1", "T1c1", Source.CONFIRMATION, T0));
        reports(reports(e, "T2", 1, 60), "T3", 1, 61);
        assertThat(OutagePredictor.predict(twoFuses(), e, RULES).roots()).containsExactly("FU1");
    }

    @Test
    void aCustomersLatestWordCounts() {
        FeederEvidence e = reports(reports(new FeederEvidence(), "T1", 1, 1), "T2", 1, 2);
        e.add(new Statement("T2", "T2c1", Source.CUSTOMER_POWER_ON, T0.plusSeconds(30)));
        Prediction p = OutagePredictor.predict(twoFuses(), e, RULES);
        assertThat(p.roots()).containsExactly("T1");
        e.add(new Statement("T2", "T2c1", Source.REPORT, T0.plusSeconds(90)));
        assertThat(OutagePredictor.predict(twoFuses(), e, RULES).roots()).containsExactly("FU1");
    }

    @Test
    void onlyMyHomeVetoesUntilANeighbourReports() {
        FeederEvidence e = reports(reports(new FeederEvidence(), "T2", 1, 1), "T3", 1, 2);
        e.add(new Statement("T1", "T1c1", Source.REPORT, T0.plusSeconds(3)));
        e.add(new Statement("T1", "T1c1", Source.NEIGHBOURS_POWERED, T0.plusSeconds(3)));
        assertThat(OutagePredictor.predict(twoFuses(), e, RULES).roots()).containsExactly("T1", "T2", "T3");
        e.add(new Statement("T1", "T1c2", Source.REPORT, T0.plusSeconds(4)));
        assertThat(OutagePredictor.predict(twoFuses(), e, RULES).roots()).containsExactly("FU1");
    }

    @Test
    void aCrewFindingLowerMovesThePredictionDownAndClosesWhatIsAbove() {
        FeederEvidence e = reports(reports(reports(new FeederEvidence(), "T1", 1, 1), "T2", 1, 2), "T4", 1, 3);
        reports(e, "T5", 1, 4);
        e.find(new FeederEvidence.Finding(7, FindingKind.CREW_FOUND, "B1", "FU2", Set.of()));
        Prediction p = OutagePredictor.predict(twoFuses(), e, RULES);
        assertThat(p.roots()).containsExactly("FU1", "FU2");
        assertThat(p.rule("FU2")).isEqualTo(TriageRule.CREW_FINDING);
        assertThat(p.explain("FU1"))
                .contains("B1 (BREAKER): not out, closed: the crew of R-00000007 found the " + "fault at FU2");
    }

    @Test
    void aDispatcherSplitKeepsTheAreasOffTheDeviceAndEverythingAbove() {
        FeederEvidence e = reports(reports(reports(new FeederEvidence(), "T4", 1, 1), "T5", 1, 2), "T6", 1, 3);
        e.find(new FeederEvidence.Finding(8, FindingKind.DISPATCHER_SPLIT, "FU2", null, Set.of("T6")));
        Prediction p = OutagePredictor.predict(twoFuses(), e, RULES);
        assertThat(p.roots()).containsExactly("FU2", "T6");
        assertThat(p.areasOf("FU2")).containsExactly("T4", "T5");
    }

    @Test
    void anOpenIncidentHoldsItsDeviceWhenItsReportsAreOlderThanTheWindow() {
        FeederEvidence e =
                reports(new FeederEvidence(), "T3", 1, 100).hold(new FeederEvidence.Held(5, "FU1", T0, false));
        assertThat(OutagePredictor.predict(twoFuses(), e, RULES).roots()).containsExactly("FU1");
    }

    /** FU7 feeds T7 alone (4 customers); SW9 is a single-child switch above fuse FU8 (T8, T9). */
    private static FeederTopology singles() {
        List<Device> devices = List.of(
                new Device("B1", DeviceType.BREAKER, "F", null, 0.0, 0.0),
                new Device("FU7", DeviceType.FUSE, "F", "B1", 0.0, 0.0),
                new Device("SW9", DeviceType.SWITCH, "F", "B1", 0.0, 0.0),
                new Device("FU8", DeviceType.FUSE, "F", "SW9", 0.0, 0.0));
        List<TransformerSummary> areas = List.of(
                new TransformerSummary("T7", null, "F", "FU7", AreaType.RURAL, 0, 0, 4),
                new TransformerSummary("T8", null, "F", "FU8", AreaType.RURAL, 0, 0, 4),
                new TransformerSummary("T9", null, "F", "FU8", AreaType.RURAL, 0, 0, 4));
        return FeederTopology.of("F", devices, areas);
    }

    @Test
    void aShareOfASingleAreasCustomersMovesItToTheDeviceFeedingIt() {
        FeederEvidence e = reports(new FeederEvidence(), "T7", 1, 1);
        assertThat(OutagePredictor.predict(singles(), e, RULES).roots()).containsExactly("T7");
        reports(e, "T7", 2, 2);
        Prediction p = OutagePredictor.predict(singles(), e, RULES);
        assertThat(p.roots()).containsExactly("FU7");
        assertThat(p.rule("FU7")).isEqualTo(TriageRule.ROLLUP_CUSTOMER_SHARE);
    }

    @Test
    void aSingleChildDeviceIsOutWithItsChildButNeverPredictedForIt() {
        FeederEvidence e = reports(reports(new FeederEvidence(), "T8", 1, 1), "T9", 1, 2);
        assertThat(OutagePredictor.predict(singles(), e, RULES).roots()).containsExactly("FU8");
        reports(e, "T7", 1, 3);
        // FU7 passes T7 on, SW9 passes FU8 on: both branches of B1 are out
        assertThat(OutagePredictor.predict(singles(), e, RULES).roots()).containsExactly("B1");
    }

    @Test
    void rulesCanBeStricterForOneType() {
        FeederEvidence e = reports(reports(reports(new FeederEvidence(), "T1", 1, 1), "T2", 1, 2), "T4", 1, 3);
        reports(e, "T5", 1, 4);
        TriageProperties.Prediction strict = new TriageProperties.Prediction(
                Duration.ofMinutes(30), 2, 0.5, 0.5, Map.of("breaker", new TriageProperties.TypeRule(3, null)));
        assertThat(OutagePredictor.predict(twoFuses(), e, strict).roots()).containsExactly("FU1", "FU2");
    }

    @Test
    void generatedFeedersAndEvidenceInAnyOrderGiveTheReferencesAnswer() {
        int deviceRoots = 0;
        int feederRoots = 0;
        int vetoes = 0;
        int shares = 0;
        for (long seed = 1; seed <= 300; seed++) {
            RandomGrids.Feeder f = RandomGrids.feeder("g", seed);
            FeederTopology topology = f.topology();
            Random random = new Random(seed);
            List<Statement> evidence = Reference.evidence(f, random);
            Map<String, String> expected = Reference.roots(topology, evidence, RULES);
            deviceRoots += (int) expected.values().stream()
                    .distinct()
                    .filter(r -> !topology.isArea(r))
                    .count();
            feederRoots += expected.containsValue(topology.feederId()) ? 1 : 0;
            vetoes += evidence.stream().anyMatch(s -> s.source().powered()) ? 1 : 0;
            for (int order = 0; order < 5; order++) {
                Collections.shuffle(evidence, random);
                FeederEvidence e = new FeederEvidence();
                evidence.forEach(e::add);
                Prediction p = OutagePredictor.predict(topology, e, RULES);
                Map<String, String> actual = new HashMap<>();
                for (String area : topology.areas()) {
                    if (p.rootOf(area) != null) {
                        actual.put(area, p.rootOf(area));
                    }
                }
                assertThat(actual)
                        .as("seed %d, order %d, evidence %s", seed, order, evidence)
                        .isEqualTo(expected);
                if (order == 0) {
                    shares += (int) p.roots().stream()
                            .filter(r -> p.rule(r) == TriageRule.ROLLUP_CUSTOMER_SHARE)
                            .count();
                }
            }
        }
        // the generator reaches every rule, so that agreement means something
        assertThat(deviceRoots).isGreaterThan(150);
        assertThat(feederRoots).isGreaterThan(10);
        assertThat(vetoes).isGreaterThan(50);
        assertThat(shares).isGreaterThan(10);
    }
}
