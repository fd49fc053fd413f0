package org.gridmend.grid;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gridmend.grid.GridDocument.Device;

/**
 * One feeder's tree in memory: its devices and transformer areas with their customer counts. Triage walks it for
 * every report (which devices lie above a transformer, which transformers below a device), so it is read once and
 * kept for a short while ({@link GridLookupService}).
 */
public final class FeederTopology {

    private final String feederId;
    private final Map<String, Device> devices = new HashMap<>();
    private final Map<String, TransformerSummary> transformers = new HashMap<>();
    private final Map<String, List<String>> childDevices = new HashMap<>();
    private final Map<String, List<String>> childTransformers = new HashMap<>();

    FeederTopology(String feederId, List<Device> devices, List<TransformerSummary> transformers) {
        this.feederId = feederId;
        for (Device d : devices) {
            this.devices.put(d.id(), d);
            childDevices.computeIfAbsent(d.parentId(), k -> new ArrayList<>()).add(d.id());
        }
        for (TransformerSummary t : transformers) {
            this.transformers.put(t.id(), t);
            childTransformers
                    .computeIfAbsent(t.parentId(), k -> new ArrayList<>())
                    .add(t.id());
        }
    }

    /** A feeder's tree from its devices and transformer areas (as the archive would give them). */
    public static FeederTopology of(String feederId, List<Device> devices, List<TransformerSummary> transformers) {
        return new FeederTopology(feederId, devices, transformers);
    }

    public String feederId() {
        return feederId;
    }

    public Device device(String id) {
        return devices.get(id);
    }

    public TransformerSummary transformer(String id) {
        return transformers.get(id);
    }

    /** The devices above a transformer or device, nearest first, ending with the feeder breaker. */
    public List<Device> devicesAbove(String nodeId) {
        String parent = transformers.containsKey(nodeId)
                ? transformers.get(nodeId).parentId()
                : devices.containsKey(nodeId) ? devices.get(nodeId).parentId() : null;
        List<Device> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (parent != null && seen.add(parent)) {
            Device d = devices.get(parent);
            if (d == null) {
                break;
            }
            chain.add(d);
            parent = d.parentId();
        }
        return chain;
    }

    /** The transformer areas below a device (or below the whole feeder for the feeder's own id). */
    public Set<String> transformersBelow(String nodeId) {
        if (transformers.containsKey(nodeId)) {
            return Set.of(nodeId);
        }
        Set<String> below = new HashSet<>();
        collect(feederId.equals(nodeId) ? null : nodeId, below, new HashSet<>());
        return below;
    }

    private void collect(String deviceId, Set<String> below, Set<String> seen) {
        below.addAll(childTransformers.getOrDefault(deviceId, List.of()));
        for (String child : childDevices.getOrDefault(deviceId, List.of())) {
            if (seen.add(child)) {
                collect(child, below, seen);
            }
        }
    }

    /** What hangs directly below a device (child devices and transformer areas), each with the areas below it. */
    public Map<String, Set<String>> branches(String deviceId) {
        Map<String, Set<String>> branches = new HashMap<>();
        for (String t : childTransformers.getOrDefault(deviceId, List.of())) {
            branches.put(t, Set.of(t));
        }
        for (String d : childDevices.getOrDefault(deviceId, List.of())) {
            branches.put(d, transformersBelow(d));
        }
        return branches;
    }

    public boolean isArea(String nodeId) {
        return transformers.containsKey(nodeId);
    }

    /** Every transformer area of the feeder. */
    public Collection<String> areas() {
        return Collections.unmodifiableSet(transformers.keySet());
    }

    /** The node directly above: a device, or the feeder itself for what hangs straight below it; null for the feeder. */
    public String parent(String nodeId) {
        if (feederId.equals(nodeId)) {
            return null;
        }
        String parent = transformers.containsKey(nodeId)
                ? transformers.get(nodeId).parentId()
                : devices.containsKey(nodeId) ? devices.get(nodeId).parentId() : null;
        return parent == null || !devices.containsKey(parent) ? feederId : parent;
    }

    /**
     * What hangs directly below a node (the feeder's own id for its top), child devices first, each group sorted by
     * id: the order in which outage prediction walks the tree and names branches.
     */
    public List<String> children(String nodeId) {
        String key = feederId.equals(nodeId) ? null : nodeId;
        List<String> kids = new ArrayList<>();
        childDevices.getOrDefault(key, List.of()).stream().sorted().forEach(kids::add);
        childTransformers.getOrDefault(key, List.of()).stream().sorted().forEach(kids::add);
        if (key == null) {
            // devices or areas whose parent is not on this feeder hang below the feeder too
            devices.values().stream()
                    .filter(d -> d.parentId() != null && !devices.containsKey(d.parentId()))
                    .map(Device::id)
                    .sorted()
                    .forEach(kids::add);
            transformers.values().stream()
                    .filter(t -> t.parentId() != null && !devices.containsKey(t.parentId()))
                    .map(TransformerSummary::id)
                    .sorted()
                    .forEach(kids::add);
        }
        return kids;
    }

    /** The node, then every node above it up to and including the feeder. */
    public List<String> pathUp(String nodeId) {
        List<String> path = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String n = nodeId; n != null && seen.add(n); n = parent(n)) {
            path.add(n);
        }
        return path;
    }

    /** What a node is, for rules per type: FEEDER, TRANSFORMER, or the device's type. */
    public String kind(String nodeId) {
        if (feederId.equals(nodeId)) {
            return "FEEDER";
        }
        if (transformers.containsKey(nodeId)) {
            return "TRANSFORMER";
        }
        Device d = devices.get(nodeId);
        return d == null ? null : d.type().name();
    }

    /** Whether the node belongs to this feeder (the feeder itself, one of its devices or transformer areas). */
    public boolean contains(String nodeId) {
        return feederId.equals(nodeId) || transformers.containsKey(nodeId) || devices.containsKey(nodeId);
    }

    public long customersBelow(String nodeId) {
        return transformersBelow(nodeId).stream()
                .mapToLong(t -> transformers.get(t).customerCount())
                .sum();
    }

    /** Whether an outage at {@code nodeId} (the feeder, a device or a transformer) takes {@code transformerId} out. */
    public boolean covers(String nodeId, String transformerId) {
        if (feederId.equals(nodeId) || nodeId.equals(transformerId)) {
            return true;
        }
        return devicesAbove(transformerId).stream().anyMatch(d -> d.id().equals(nodeId));
    }
}
