package org.gridmend.demo.storm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** One feeder's tree, read through the staff API. */
final class StormFeeder {

    /** A customer below one of the feeder's transformers. */
    record Customer(String customerNo, double lat, double lng) {}

    private final GridMendClient client;

    final Map<String, JsonNode> devices = new LinkedHashMap<>();
    private final Map<String, List<String>> transformersBelow = new HashMap<>();
    private final Map<String, String> parentOf = new HashMap<>();
    private final Map<String, List<Customer>> customers = new HashMap<>();

    StormFeeder(JsonNode view, GridMendClient client) {
        this.client = client;
        walk(view.path("below"), null);
    }

    private List<String> walk(JsonNode nodes, String parent) {
        List<String> areas = new ArrayList<>();
        for (JsonNode node : nodes) {
            String id = node.path("id").asText();
            parentOf.put(id, parent);
            if ("TRANSFORMER".equals(node.path("kind").asText())) {
                areas.add(id);
            } else {
                devices.put(id, node);
                List<String> below = walk(node.path("children"), id);
                transformersBelow.put(id, below);
                areas.addAll(below);
            }
        }
        return areas;
    }

    String pick(String level, Random random) {
        List<String> candidates = new ArrayList<>();
        for (Map.Entry<String, JsonNode> d : devices.entrySet()) {
            String type = d.getValue().path("type").asText();
            boolean matches = switch (level) {
                case "BREAKER" -> type.equals("BREAKER");
                case "SWITCH" -> type.equals("SWITCH") || type.equals("RECLOSER");
                case "FUSE" -> type.equals("FUSE");
                default -> false;
            };
            if (matches && transformersBelow.get(d.getKey()).size() >= 2 && branches(d.getKey()) >= 2) {
                candidates.add(d.getKey());
            }
        }
        if ("TRANSFORMER".equals(level)) {
            for (String device : devices.keySet()) {
                long direct = parentOf.entrySet().stream()
                        .filter(e -> device.equals(e.getValue()) && !devices.containsKey(e.getKey()))
                        .count();
                if (direct >= 2) {
                    parentOf.entrySet().stream()
                            .filter(e -> device.equals(e.getValue()) && !devices.containsKey(e.getKey()))
                            .forEach(e -> candidates.add(e.getKey()));
                }
            }
        }
        if (candidates.isEmpty()) {
            return devices.keySet().iterator().next();
        }
        Collections.sort(candidates);
        return candidates.get(random.nextInt(candidates.size()));
    }

    /**
     * Two branches of a device with three or more, each one an outage predictor can tell apart (an area, or a
     * device with two branches or more); empty when the feeder has no such device.
     */
    List<String> siblings(Random random) {
        List<List<String>> choices = new ArrayList<>();
        for (String device : devices.keySet()) {
            List<String> kids = parentOf.entrySet().stream()
                    .filter(e -> device.equals(e.getValue()))
                    .map(Map.Entry::getKey)
                    .filter(k -> !devices.containsKey(k) || branches(k) >= 2)
                    .sorted()
                    .toList();
            if (branches(device) >= 3 && kids.size() >= 2) {
                choices.add(kids);
            }
        }
        if (choices.isEmpty()) {
            return List.of();
        }
        List<String> kids = new ArrayList<>(choices.get(random.nextInt(choices.size())));
        Collections.shuffle(kids, random);
        return kids.subList(0, 2);
    }

    /** Devices and transformer areas directly below a device: a device with one branch looks like its child. */
    private long branches(String device) {
        return parentOf.values().stream().filter(device::equals).count();
    }

    List<Customer> customersBelow(String node) {
        List<String> areas = devices.containsKey(node) ? transformersBelow.get(node) : List.of(node);
        List<Customer> all = new ArrayList<>();
        for (String area : areas) {
            all.addAll(customersOf(area));
        }
        return all;
    }

    List<Customer> oneCustomerPerTransformer() {
        List<Customer> picked = new ArrayList<>();
        Set<String> areas = new HashSet<>();
        transformersBelow.values().forEach(areas::addAll);
        for (String area : areas) {
            List<Customer> of = customersOf(area);
            if (!of.isEmpty()) {
                picked.add(of.get(0));
            }
        }
        return picked;
    }

    private List<Customer> customersOf(String area) {
        return customers.computeIfAbsent(area, a -> {
            List<Customer> list = new ArrayList<>();
            for (JsonNode c :
                    client.getStaff("/api/grid/transformers/" + a).body().path("customers")) {
                list.add(new Customer(
                        c.path("customerNo").asText(),
                        c.path("lat").asDouble(),
                        c.path("lng").asDouble()));
            }
            return list;
        });
    }
}
