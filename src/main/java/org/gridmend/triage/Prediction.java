package org.gridmend.triage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.gridmend.core.PublicIds;
import org.gridmend.grid.FeederTopology;

/**
 * What {@link OutagePredictor} concluded for one feeder: for every transformer area, the node whose incident its
 * reports belong on (the highest predicted node above it, or the area itself), and for every device the verdict
 * with its rule and figures, so that each decision can be explained.
 */
final class Prediction {

    /** Out or not, by which rule, in words with the figures ("FU2 (FUSE): 3 of 3 branches out (T4, T5, T6)"). */
    record Verdict(boolean out, TriageRule rule, String text, int outBranches, boolean vetoed) {

        Verdict(boolean out, TriageRule rule, String text, int outBranches) {
            this(out, rule, text, outBranches, false);
        }
    }

    private final FeederTopology feeder;
    private final Map<String, String> rootOf;
    private final Map<String, Verdict> verdicts;
    private final Map<String, String> areaLines;

    Prediction(
            FeederTopology feeder,
            Map<String, String> rootOf,
            Map<String, Verdict> verdicts,
            Map<String, String> areaLines) {
        this.feeder = feeder;
        this.rootOf = rootOf;
        this.verdicts = verdicts;
        this.areaLines = areaLines;
    }

    /** The node whose incident this area's reports belong on, or null when nothing says the area is out. */
    String rootOf(String areaId) {
        return rootOf.get(areaId);
    }

    /** Every node that needs an open incident, sorted. */
    Set<String> roots() {
        return new TreeSet<>(rootOf.values());
    }

    /** The areas whose reports belong on this node's incident. */
    Set<String> areasOf(String root) {
        Set<String> areas = new TreeSet<>();
        rootOf.forEach((area, r) -> {
            if (r.equals(root)) {
                areas.add(area);
            }
        });
        return areas;
    }

    boolean isPredicted(String nodeId) {
        Verdict v = verdicts.get(nodeId);
        return v != null && v.out();
    }

    /** The rule that puts an incident on this root. */
    TriageRule rule(String root) {
        Verdict v = verdicts.get(root);
        return v == null || v.rule() == null ? TriageRule.FIRST_REPORT : v.rule();
    }

    /**
     * Why the incident sits on {@code root}: its own line, then each node above it that some evidence reached,
     * with why it is not out ("B1 (BREAKER): 1 of 2 branches out (FU2), not predicted (needs 2 and 50%)").
     */
    List<String> explain(String root) {
        List<String> lines = new ArrayList<>();
        lines.add(line(root));
        for (String n : feeder.pathUp(root).subList(1, feeder.pathUp(root).size())) {
            Verdict v = verdicts.get(n);
            if (v == null || (v.outBranches() == 0 && !v.vetoed())) {
                break;
            }
            lines.add(v.text());
            if (lines.size() >= 6) {
                break;
            }
        }
        return lines;
    }

    /** The explanation as one text, for the incident's reason and the decision log (at most 500 characters). */
    String reason(String root) {
        String text = String.join("; ", explain(root));
        return text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }

    private String line(String node) {
        if (feeder.isArea(node) && !verdicts.containsKey(node)) {
            String line = areaLines.get(node);
            return line != null ? line : node + " (TRANSFORMER): open incident, no new evidence";
        }
        Verdict v = verdicts.get(node);
        return v == null ? node : v.text();
    }

    static String id(long incidentId) {
        return PublicIds.incident(incidentId);
    }

    static String abbreviate(Collection<String> ids) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(ids));
        return sorted.size() <= 6
                ? "(" + String.join(", ", sorted) + ")"
                : "(" + String.join(", ", sorted.subList(0, 6)) + ", … " + sorted.size() + " in all)";
    }
}
