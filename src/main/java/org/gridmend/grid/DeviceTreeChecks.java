package org.gridmend.grid;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.gridmend.grid.GridDocument.Device;
import org.gridmend.grid.GridDocument.Feeder;
import org.gridmend.grid.GridDocument.Transformer;
import org.gridmend.grid.GridLinks.Link;

/**
 * The shape of the grid in an archive document, merged with what the archive holds: one name space for feeders,
 * devices and transformers, and a device tree without loops in which every device stays on its parent's feeder.
 */
class DeviceTreeChecks {

    private final GridDocumentValidator.ArchiveLookup archive;
    private final FieldChecks checks;

    DeviceTreeChecks(GridDocumentValidator.ArchiveLookup archive, FieldChecks checks) {
        this.archive = archive;
        this.checks = checks;
    }

    /** Feeder, device and transformer ids share one name space, so that a notice or incident can name any of them. */
    void validateNodeIds(GridDocument doc) {
        Map<String, String> kindOf = new HashMap<>();
        Map<String, String> at = new HashMap<>();
        collectNodes(doc.feeders(), Feeder::id, "feeders", "feeder", kindOf, at);
        collectNodes(doc.devices(), Device::id, "devices", "device", kindOf, at);
        collectNodes(doc.transformers(), Transformer::id, "transformers", "transformer", kindOf, at);
        checkTakenByOtherKind(ArchiveTable.FEEDER, "feeder", kindOf, at);
        checkTakenByOtherKind(ArchiveTable.DEVICE, "device", kindOf, at);
        checkTakenByOtherKind(ArchiveTable.TRANSFORMER, "transformer", kindOf, at);
    }

    private <T> void collectNodes(
            List<T> records,
            Function<T, String> id,
            String list,
            String kind,
            Map<String, String> kindOf,
            Map<String, String> at) {
        for (int i = 0; i < records.size(); i++) {
            T record = records.get(i);
            if (record == null || id.apply(record) == null) {
                continue;
            }
            String key = id.apply(record);
            String previous = kindOf.putIfAbsent(key, kind);
            if (previous != null && !previous.equals(kind)) {
                checks.problem(
                        list + "[" + i + "].id",
                        kind + " " + key + ": the id is already used by a " + previous + " in this document ("
                                + at.get(key) + "); feeders, devices and transformers need distinct ids");
            } else {
                at.putIfAbsent(key, list + "[" + i + "]");
            }
        }
    }

    private void checkTakenByOtherKind(
            ArchiveTable table, String kind, Map<String, String> kindOf, Map<String, String> at) {
        List<String> others = kindOf.entrySet().stream()
                .filter(e -> !e.getValue().equals(kind))
                .map(Map.Entry::getKey)
                .toList();
        for (String taken : archive.existingIds(table, others)) {
            checks.problem(
                    at.get(taken) + ".id",
                    kindOf.get(taken) + " " + taken + ": the id already belongs to a " + kind
                            + " in the archive; feeders, devices and transformers need distinct ids");
        }
    }

    Map<String, Link> validateDevices(GridDocument doc) {
        List<Device> devices = doc.devices();
        Set<String> feeders = FieldChecks.idsOf(doc.feeders(), Feeder::id);
        feeders.addAll(archive.existingIds(ArchiveTable.FEEDER, FieldChecks.referenced(devices, Device::feederId)));

        // The merged view of the devices: the archive's, overlaid with the document's.
        Set<String> touchedFeeders = new HashSet<>(FieldChecks.referenced(devices, Device::feederId));
        Map<String, Link> merged = new LinkedHashMap<>();
        for (Link link : archive.devicesOfFeeders(touchedFeeders)) {
            merged.put(link.id(), link);
        }
        for (Link link : archive.deviceLinks(FieldChecks.referenced(devices, Device::id))) {
            merged.put(link.id(), link);
        }
        for (Link link : archive.deviceLinks(FieldChecks.referenced(devices, Device::parentId))) {
            merged.putIfAbsent(link.id(), link);
        }
        Map<String, Link> previous = new HashMap<>(merged);
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Integer> index = new HashMap<>();
        checks.each(devices, "devices", (at, i, d) -> {
            if (!checks.id(at, "id", "device", d.id(), 64)
                    || !checks.unique(seen, d.id(), i, "devices", "id", "device")) {
                return;
            }
            index.put(d.id(), i);
            String what = "device " + d.id();
            checks.required(at, "type", what, d.type());
            checks.position(at, what, d.lat(), d.lng(), false);
            checks.reference(at, "feederId", what, "feeder", d.feederId(), feeders);
            merged.put(d.id(), new Link(d.id(), d.feederId(), d.parentId()));
        });
        for (Map.Entry<String, Integer> e : index.entrySet()) {
            Device d = devices.get(e.getValue());
            String at = "devices[" + e.getValue() + "]";
            if (d.parentId() == null) {
                continue;
            }
            Link parent = merged.get(d.parentId());
            if (parent == null) {
                checks.missing(at, "parentId", "device " + d.id(), "parent device", d.parentId());
            } else if (!Objects.equals(parent.feederId(), d.feederId())) {
                checks.problem(
                        at + ".parentId",
                        "device " + d.id() + " is on feeder " + d.feederId() + " but its parent device " + d.parentId()
                                + " is on feeder " + parent.feederId());
            } else if (inCycle(d.id(), merged)) {
                checks.problem(
                        at + ".parentId",
                        "device " + d.id() + ": parent device " + d.parentId()
                                + " lies below it, which would make a loop");
            }
        }
        checkChildrenFollowFeederMoves(doc, index, previous);
        return merged;
    }

    private static boolean inCycle(String start, Map<String, Link> devices) {
        Set<String> visited = new HashSet<>();
        String current = start;
        while (current != null) {
            if (!visited.add(current)) {
                return true;
            }
            Link link = devices.get(current);
            current = link == null ? null : link.parentId();
            if (start.equals(current)) {
                return true;
            }
        }
        return false;
    }

    /** A device moved to another feeder must take what hangs below it along, or the archive would contradict itself. */
    private void checkChildrenFollowFeederMoves(
            GridDocument doc, Map<String, Integer> index, Map<String, Link> previous) {
        List<String> moved = index.keySet().stream()
                .filter(id -> previous.containsKey(id)
                        && !Objects.equals(
                                previous.get(id).feederId(),
                                doc.devices().get(index.get(id)).feederId()))
                .toList();
        if (moved.isEmpty()) {
            return;
        }
        Map<String, String> newFeeder = new HashMap<>();
        doc.devices().stream()
                .filter(Objects::nonNull)
                .filter(d -> d.id() != null)
                .forEach(d -> newFeeder.put(d.id(), d.feederId()));
        doc.transformers().stream()
                .filter(Objects::nonNull)
                .filter(t -> t.id() != null)
                .forEach(t -> newFeeder.put(t.id(), t.feederId()));
        for (Link child : archive.childrenOf(moved)) {
            String parentFeeder = doc.devices().get(index.get(child.parentId())).feederId();
            String childFeeder = newFeeder.getOrDefault(child.id(), child.feederId());
            if (!Objects.equals(parentFeeder, childFeeder) && !moved.contains(child.id())) {
                checks.problem(
                        "devices[" + index.get(child.parentId()) + "].feederId",
                        "device " + child.parentId()
                                + " moves to feeder " + parentFeeder + " but " + child.id()
                                + " below it stays on feeder "
                                + childFeeder + "; move it in the same document");
            }
        }
    }
}
