package org.gridmend.triage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.gridmend.grid.FeederTopology;
import org.gridmend.support.RandomGrids;
import org.gridmend.triage.FeederEvidence.Source;
import org.gridmend.triage.FeederEvidence.Statement;

/**
 * The prediction rule written plainly, for tests to compare with: recomputed from scratch for every node, for
 * evidence where every customer either reports or is seen with power, and every "power on" comes after the last
 * report (so that it contradicts whatever the reports point at).
 */
final class Reference {

    private Reference() {}

    /** Reports from some customers of some areas, then power seen at some customers who did not report. */
    static List<Statement> evidence(RandomGrids.Feeder f, Random random) {
        List<Statement> evidence = new ArrayList<>();
        double rate = random.nextDouble() * 0.8;
        int second = 0;
        for (String area : f.areas()) {
            if (random.nextDouble() < 0.55) {
                continue;
            }
            for (int c = 1; c <= f.customersOf(area); c++) {
                if (random.nextDouble() < rate) {
                    evidence.add(new Statement(
                            area, f.customer(area, c), Source.REPORT, OutagePredictorTest.T0.plusSeconds(second++)));
                }
            }
        }
        Set<String> reporters = new HashSet<>();
        evidence.forEach(s -> reporters.add(s.customer()));
        int later = 1000;
        for (String area : f.areas()) {
            if (random.nextDouble() < 0.12) {
                for (int c = 1; c <= f.customersOf(area); c++) {
                    if (!reporters.contains(f.customer(area, c))) {
                        evidence.add(new Statement(
                                area,
                                f.customer(area, c),
                                Source.METER_POWERED,
                                OutagePredictorTest.T0.plusSeconds(later++)));
                        break;
                    }
                }
            }
        }
        return evidence;
    }

    /** For every area that some incident must cover, the node whose incident that is. */
    static Map<String, String> roots(
            FeederTopology feeder, List<Statement> evidence, TriageProperties.Prediction rules) {
        Map<String, Set<String>> reporters = new HashMap<>();
        Set<String> powered = new HashSet<>();
        for (Statement s : evidence) {
            if (s.source() == Source.REPORT) {
                reporters.computeIfAbsent(s.areaId(), k -> new HashSet<>()).add(s.customer());
            } else {
                powered.add(s.areaId());
            }
        }
        Reference.Run run = new Run(feeder, reporters, powered, rules);
        Map<String, String> roots = new HashMap<>();
        for (String area : feeder.areas()) {
            String root = null;
            for (String n : feeder.pathUp(area)) {
                if (n.equals(area) ? run.out(area) : run.predicted(n)) {
                    root = n;
                }
            }
            if (root != null) {
                roots.put(area, root);
            }
        }
        return roots;
    }

    private record Run(
            FeederTopology feeder,
            Map<String, Set<String>> reporters,
            Set<String> powered,
            TriageProperties.Prediction rules) {

        boolean out(String area) {
            return reporters.containsKey(area);
        }

        /** Somewhere below the node power is on, and somewhere below it a customer reported: it cannot be out. */
        boolean vetoed(String node) {
            Set<String> below = feeder.isArea(node) ? Set.of(node) : feeder.transformersBelow(node);
            return below.stream().anyMatch(powered::contains) && below.stream().anyMatch(this::out);
        }

        boolean outForParent(String node) {
            if (feeder.isArea(node)) {
                return out(node) && !powered.contains(node);
            }
            if (vetoed(node)) {
                return false;
            }
            List<String> kids = feeder.children(node);
            return predicted(node) || kids.size() == 1 && outForParent(kids.get(0));
        }

        boolean predicted(String node) {
            if (feeder.isArea(node) || vetoed(node)) {
                return false;
            }
            List<String> kids = feeder.children(node);
            if (kids.size() == 1) {
                String kid = kids.get(0);
                long customers = feeder.isArea(kid) ? feeder.transformer(kid).customerCount() : 0;
                return customers > 0
                        && outForParent(kid)
                        && reporters.get(kid).size() >= rules.customerShare() * customers;
            }
            long out = kids.stream().filter(this::outForParent).count();
            return out >= rules.minChildren(feeder.kind(node))
                    && out >= rules.childShare(feeder.kind(node)) * kids.size();
        }
    }
}
