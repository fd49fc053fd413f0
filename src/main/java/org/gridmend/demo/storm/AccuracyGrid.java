package org.gridmend.demo.storm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.gridmend.grid.FeederTopology;
import org.gridmend.grid.GridDocument;
import org.gridmend.grid.TransformerSummary;

/** The accuracy storms' grid: each generated feeder's topology, and a device on it to fail at a level. */
final class AccuracyGrid {

    private AccuracyGrid() {}

    static Map<String, FeederTopology> topologies(GridDocument grid) {
        Map<String, Long> counts = new HashMap<>();
        grid.customers().forEach(c -> counts.merge(c.transformerId(), 1L, Long::sum));
        Map<String, FeederTopology> feeders = new LinkedHashMap<>();
        for (GridDocument.Feeder f : grid.feeders()) {
            List<GridDocument.Device> devices = grid.devices().stream()
                    .filter(d -> f.id().equals(d.feederId()))
                    .toList();
            List<TransformerSummary> areas = grid.transformers().stream()
                    .filter(t -> f.id().equals(t.feederId()))
                    .map(t -> new TransformerSummary(
                            t.id(),
                            t.name(),
                            t.feederId(),
                            t.parentId(),
                            t.areaType(),
                            t.lat(),
                            t.lng(),
                            counts.getOrDefault(t.id(), 0L)))
                    .toList();
            if (!areas.isEmpty()) {
                feeders.put(f.id(), FeederTopology.of(f.id(), devices, areas));
            }
        }
        return feeders;
    }

    /** A fault an outage predictor can tell apart: a node with a sibling, or a device with two or more branches. */
    static String pick(FeederTopology feeder, String level, Random random) {
        List<String> candidates = new ArrayList<>();
        List<String> all = new ArrayList<>();
        collect(feeder, feeder.feederId(), all);
        for (String node : all) {
            String kind = feeder.kind(node);
            boolean matches = switch (level) {
                case "TRANSFORMER" ->
                    "TRANSFORMER".equals(kind)
                            && feeder.children(feeder.parent(node)).size() >= 2;
                case "SWITCH" ->
                    ("SWITCH".equals(kind) || "RECLOSER".equals(kind))
                            && feeder.children(node).size() >= 2;
                default -> level.equals(kind) && feeder.children(node).size() >= 2;
            };
            if (matches) {
                candidates.add(node);
            }
        }
        if (candidates.isEmpty()) {
            all.stream()
                    .filter(n ->
                            !n.equals(feeder.feederId()) && feeder.children(n).size() >= 2)
                    .forEach(candidates::add);
        }
        return candidates.get(random.nextInt(candidates.size()));
    }

    private static void collect(FeederTopology feeder, String node, List<String> into) {
        into.add(node);
        feeder.children(node).forEach(kid -> collect(feeder, kid, into));
    }
}
