package org.gridmend.triage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.gridmend.grid.FeederTopology;
import org.gridmend.triage.FeederEvidence.FindingKind;
import org.gridmend.triage.FeederEvidence.Source;
import org.gridmend.triage.Prediction.Verdict;

/**
 * Outage prediction the way utility OMS prediction engines do it, bottom-up over one feeder's tree, as a pure
 * function of the evidence (so the same evidence in any order gives the same prediction):
 * <ul>
 * <li>a transformer area is out when a customer's latest word on it says so (a report, a last gasp, a meter that
 * answered a ping dark); a customer who says power is on later than their report no longer counts;</li>
 * <li>a device, or the feeder, is out when at least {@code minChildren} of its immediate children are out and they
 * are at least {@code childShare} of them; a device with a single child is out with it (it cannot be told apart),
 * and is itself predicted only when it feeds a single area of which {@code customerShare} of the customers
 * reported;</li>
 * <li>power on below a device (a powered meter, a customer with power, a "neighbours have power" report that no
 * neighbour contradicts), seen at or after the first outage evidence below it, vetoes the device and everything
 * above; so do crews' and dispatchers' findings; an open incident holds its device until vetoed;</li>
 * <li>each area's reports belong to the highest predicted node above it (or the area itself).</li>
 * </ul>
 */
final class OutagePredictor {

    private final FeederTopology feeder;
    private final TriageProperties.Prediction rules;
    private final Map<String, AreaEvidence> areas = new HashMap<>();
    private final Set<String> forced = new HashSet<>();
    private final Map<String, String> forcedWhy = new HashMap<>();
    private final Map<String, TriageRule> forcedRule = new HashMap<>();
    private final Map<String, Verdict> verdicts = new HashMap<>();
    private final Map<String, String> vetoedBy = new HashMap<>();
    private final Map<String, Set<String>> masked = new HashMap<>();
    private final Map<String, FeederEvidence.Held> held = new HashMap<>();
    private final Map<String, Node> nodes = new HashMap<>();

    private OutagePredictor(FeederTopology feeder, TriageProperties.Prediction rules) {
        this.feeder = feeder;
        this.rules = rules;
    }

    static Prediction predict(FeederTopology feeder, FeederEvidence evidence, TriageProperties.Prediction rules) {
        OutagePredictor run = new OutagePredictor(feeder, rules);
        run.read(evidence);
        run.evaluate(feeder.feederId());
        return run.result();
    }

    /** One evaluated node: out for its parent's count, since when, and the latest power-on seen below it. */
    private record Node(boolean outForParent, boolean inOut, Instant outSince, Instant onAt, String onArea) {}

    private void read(FeederEvidence evidence) {
        areas.putAll(AreaEvidence.read(feeder, evidence.statements()));
        for (FeederEvidence.Held h : evidence.held()) {
            if (feeder.contains(h.nodeId())) {
                held.merge(h.nodeId(), h, (x, y) -> x.incidentId() < y.incidentId() ? x : y);
                if (h.fixed()) {
                    forced.add(h.nodeId());
                    forcedWhy.put(h.nodeId(), "an outage notice announces it (" + Prediction.id(h.incidentId()) + ")");
                    forcedRule.put(h.nodeId(), TriageRule.OUTAGE_NOTICE);
                }
            }
        }
        for (FeederEvidence.Finding f : evidence.findings()) {
            apply(f);
        }
    }

    private void apply(FeederEvidence.Finding f) {
        if (f.kind() == FindingKind.DISPATCHER_SPLIT) {
            for (String n : feeder.pathUp(f.fromNode())) {
                masked.computeIfAbsent(n, k -> new HashSet<>()).addAll(f.areas());
            }
            return;
        }
        if (!feeder.contains(f.toNode())) {
            return;
        }
        boolean crew = f.kind() == FindingKind.CREW_FOUND;
        String who = crew
                ? "the crew of " + Prediction.id(f.incidentId()) + " found the fault"
                : "a dispatcher moved " + Prediction.id(f.incidentId());
        forced.add(f.toNode());
        forcedWhy.put(f.toNode(), who + " here");
        forcedRule.put(f.toNode(), crew ? TriageRule.CREW_FINDING : TriageRule.DISPATCHER_DECISION);
        List<String> above = feeder.pathUp(f.toNode());
        if (!feeder.contains(f.fromNode()) || feeder.pathUp(f.fromNode()).contains(f.toNode())) {
            return; // moved up (or the old device is gone): nothing below is said to be closed
        }
        String closed = "closed: " + who + " at " + f.toNode();
        if (above.contains(f.fromNode())) {
            // below the old device: the devices from the fault up to the old device are closed
            for (String n : above.subList(1, above.indexOf(f.fromNode()) + 1)) {
                vetoedBy.putIfAbsent(n, closed);
            }
            return;
        }
        // on another branch: the old device and what lies above it, up to where the two paths meet, are closed
        for (String n : feeder.pathUp(f.fromNode())) {
            if (above.contains(n)) {
                break;
            }
            vetoedBy.putIfAbsent(n, closed);
        }
    }

    private Node evaluate(String id) {
        if (feeder.isArea(id)) {
            AreaEvidence a = areas.get(id);
            boolean out = a != null && !a.out.isEmpty();
            boolean energized = a != null && a.onAt != null && (a.outSince == null || !a.onAt.isBefore(a.outSince));
            FeederEvidence.Held h = held.get(id);
            Instant since = earliest(a == null ? null : a.outSince, h == null ? null : h.since());
            Node n = new Node(
                    out && !energized || forced.contains(id),
                    out || h != null || forced.contains(id),
                    since,
                    a == null ? null : a.onAt,
                    a == null || a.onAt == null ? null : id);
            if (forced.contains(id)) {
                verdicts.put(id, new Verdict(true, forcedRule.get(id), id + " (TRANSFORMER): " + forcedWhy.get(id), 1));
            }
            nodes.put(id, n);
            return n;
        }
        List<String> kids = feeder.children(id);
        List<String> outKids = new ArrayList<>();
        Instant since = held.containsKey(id) ? held.get(id).since() : null;
        Instant onAt = null;
        String onArea = null;
        for (String kid : kids) {
            Node k = evaluate(kid);
            if (k.outForParent() && !masked.getOrDefault(id, Set.of()).contains(kid)) {
                outKids.add(kid);
            }
            since = earliest(since, k.outSince());
            if (k.onAt() != null && (onAt == null || k.onAt().isAfter(onAt))) {
                onAt = k.onAt();
                onArea = k.onArea();
            }
        }
        if (!vetoedBy.containsKey(id) && onAt != null && since != null && !onAt.isBefore(since)) {
            vetoedBy.put(id, "power is on below it at " + onArea + " (" + describe(areas.get(onArea).onWhy) + ")");
        }
        Node n = decide(id, kids, outKids, since, onAt, onArea);
        nodes.put(id, n);
        return n;
    }

    private Node decide(
            String id, List<String> kids, List<String> outKids, Instant since, Instant onAt, String onArea) {
        String label = id + " (" + feeder.kind(id) + ")";
        if (forced.contains(id)) {
            verdicts.put(id, new Verdict(true, forcedRule.get(id), label + ": " + forcedWhy.get(id), outKids.size()));
            return new Node(true, true, since, onAt, onArea);
        }
        if (vetoedBy.containsKey(id)) {
            verdicts.put(id, new Verdict(false, null, label + ": not out, " + vetoedBy.get(id), outKids.size(), true));
            return new Node(false, false, since, onAt, onArea);
        }
        boolean heldHere = held.containsKey(id);
        if (kids.size() == 1) {
            String kid = kids.get(0);
            AreaEvidence a = areas.get(kid);
            boolean share = feeder.isArea(kid)
                    && a != null
                    && !outKids.isEmpty()
                    && feeder.transformer(kid).customerCount() > 0
                    && a.out.size()
                            >= rules.customerShare() * feeder.transformer(kid).customerCount();
            if (share) {
                verdicts.put(
                        id,
                        new Verdict(
                                true,
                                TriageRule.ROLLUP_CUSTOMER_SHARE,
                                label + ": " + a.out.size()
                                        + " of " + feeder.transformer(kid).customerCount() + " customers of " + kid
                                        + ", its only area, out (needs " + percent(rules.customerShare()) + ")",
                                1));
            } else if (heldHere) {
                verdicts.put(id, held(label, id, outKids.size()));
            } else {
                verdicts.put(
                        id,
                        new Verdict(
                                false,
                                null,
                                label + ": its single branch " + kid
                                        + (outKids.isEmpty() ? " is not out" : " is out, and explains it"),
                                outKids.size()));
            }
            return new Node(!outKids.isEmpty() || share || heldHere, share || heldHere, since, onAt, onArea);
        }
        int need = rules.minChildren(feeder.kind(id));
        double share = rules.childShare(feeder.kind(id));
        boolean predicted = outKids.size() >= need && outKids.size() >= share * kids.size();
        String figures = label + ": " + outKids.size() + " of " + kids.size() + " branches out"
                + (outKids.isEmpty() ? "" : " " + Prediction.abbreviate(outKids));
        if (predicted) {
            verdicts.put(id, new Verdict(true, TriageRule.ROLLUP_BRANCHES, figures, outKids.size()));
        } else if (heldHere) {
            verdicts.put(id, held(label, id, outKids.size()));
        } else {
            verdicts.put(
                    id,
                    new Verdict(
                            false,
                            null,
                            figures + ", not predicted (needs " + need + " and " + percent(share) + ")",
                            outKids.size()));
        }
        return new Node(predicted || heldHere, predicted || heldHere, since, onAt, onArea);
    }

    private Verdict held(String label, String id, int outBranches) {
        return new Verdict(
                true,
                TriageRule.COVERED_BY_OPEN_INCIDENT,
                label + ": open incident " + Prediction.id(held.get(id).incidentId())
                        + " holds it and nothing contradicts it",
                outBranches);
    }

    private Prediction result() {
        Map<String, String> rootOf = new HashMap<>();
        for (String area : feeder.areas()) {
            String root = null;
            for (String n : feeder.pathUp(area)) {
                Node node = nodes.get(n);
                if (node != null
                        && node.inOut()
                        && !masked.getOrDefault(n, Set.of()).contains(area)) {
                    root = n;
                }
            }
            if (root != null) {
                rootOf.put(area, root);
            }
        }
        Map<String, String> areaLines = new HashMap<>();
        areas.forEach((id, a) -> areaLines.put(id, areaLine(id, a)));
        return new Prediction(feeder, rootOf, verdicts, areaLines);
    }

    private String areaLine(String id, AreaEvidence a) {
        long customers = feeder.transformer(id).customerCount();
        if (!a.out.isEmpty()) {
            return id + " (TRANSFORMER): " + (a.out.size() - a.dark.size()) + " of " + customers
                    + " customers reported" + (a.dark.isEmpty() ? "" : ", " + a.dark.size() + " meters dark")
                    + (a.onAt != null && !a.onAt.isBefore(a.outSince)
                            ? "; power on there too (" + describe(a.onWhy) + ")"
                            : "");
        }
        return id + " (TRANSFORMER): power on (" + describe(a.onWhy) + ")";
    }

    private static String describe(Source source) {
        if (source == null) {
            return "no evidence";
        }
        return switch (source) {
            case METER_POWERED -> "a meter answered the ping with power";
            case METER_RESTORED -> "a meter reported power restored";
            case CUSTOMER_POWER_ON -> "a customer says power is on";
            case CONFIRMATION -> "a customer confirmed power is back";
            case NEIGHBOURS_POWERED -> "a customer says the neighbours have power";
            default -> source.name().toLowerCase(Locale.ROOT);
        };
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }
}
