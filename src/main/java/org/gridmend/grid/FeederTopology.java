package org.gridmend.grid;

import java.util.ArrayList;
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
            childTransformers.computeIfAbsent(t.parentId(), k -> new ArrayList<>()).add(t.id());
        }
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
        String parent = transformers.containsKey(nodeId) ? transformers.get(nodeId).parentId()
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

    public long customersBelow(String nodeId) {
        return transformersBelow(nodeId).stream().mapToLong(t -> transformers.get(t).customerCount()).sum();
    }

    /** Whether an outage at {@code nodeId} (the feeder, a device or a transformer) takes {@code transformerId} out. */
    public boolean covers(String nodeId, String transformerId) {
        if (feederId.equals(nodeId) || nodeId.equals(transformerId)) {
            return true;
        }
        return devicesAbove(transformerId).stream().anyMatch(d -> d.id().equals(nodeId));
    }
}
