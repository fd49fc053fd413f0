package org.gridmend.grid;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.gridmend.grid.GridDocument.Crew;
import org.gridmend.grid.GridDocument.Customer;
import org.gridmend.grid.GridDocument.Device;
import org.gridmend.grid.GridDocument.Feeder;
import org.gridmend.grid.GridDocument.Station;
import org.gridmend.grid.GridDocument.Substation;
import org.gridmend.grid.GridDocument.Transformer;
import org.gridmend.grid.GridLinks.CrewKey;
import org.gridmend.grid.GridLinks.Link;
import org.gridmend.core.Refusal.Problem;

/**
 * Checks an archive document against itself and against what the archive already holds, before anything is
 * written. Every problem names the record ({@code transformers[3]}) and the field, so that whoever produced the
 * document can fix it; the import writes nothing while any problem is left.
 */
class GridDocumentValidator {

    static final int MAX_PROBLEMS = 100;

    private static final Pattern ID = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._:/#-]*");
    private static final Pattern CAMUNDA_USER_ID = Pattern.compile("[a-zA-Z0-9]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{2,30}");

    private final ArchiveLookup archive;
    private final List<Problem> problems = new ArrayList<>();

    GridDocumentValidator(ArchiveLookup archive) {
        this.archive = archive;
    }

    /** What the validator needs to know of the archive; answered by {@link GridMapper} in chunks. */
    interface ArchiveLookup {

        Set<String> existingIds(ArchiveTable table, Collection<String> ids);

        /** Devices (id, feeder, parent) of the given feeders, so parent chains can be walked without a query each. */
        List<Link> devicesOfFeeders(Collection<String> feederIds);

        List<Link> deviceLinks(Collection<String> ids);

        /** Devices and transformers whose parent is one of the given devices. */
        List<Link> childrenOf(Collection<String> deviceIds);

        List<CrewKey> crewKeys(Collection<String> employeeNos, Collection<String> userIds);

        List<GridLinks.MeterOwner> meterOwners(Collection<String> meterNos);
    }

    List<Problem> validate(GridDocument doc) {
        problems.clear();
        validateStations(doc.stations());
        validateSubstations(doc.substations());
        validateFeeders(doc);
        validateNodeIds(doc);
        Map<String, Link> devices = validateDevices(doc);
        validateTransformers(doc, devices);
        validateCustomers(doc);
        validateCrews(doc);
        return List.copyOf(problems);
    }

    private void validateStations(List<Station> stations) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < stations.size(); i++) {
            Station s = stations.get(i);
            String at = "stations[" + i + "]";
            if (s == null) {
                problem(at, at + " is empty");
                continue;
            }
            if (id(at, "id", "station", s.id(), 64) && unique(seen, s.id(), i, "stations", "id", "station")) {
                text(at, "name", "station " + s.id(), s.name(), 200);
                position(at, "station " + s.id(), s.lat(), s.lng(), false);
            }
        }
    }

    private void validateSubstations(List<Substation> substations) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < substations.size(); i++) {
            Substation s = substations.get(i);
            String at = "substations[" + i + "]";
            if (s == null) {
                problem(at, at + " is empty");
                continue;
            }
            if (id(at, "id", "substation", s.id(), 64) && unique(seen, s.id(), i, "substations", "id", "substation")) {
                text(at, "name", "substation " + s.id(), s.name(), 200);
                position(at, "substation " + s.id(), s.lat(), s.lng(), false);
            }
        }
    }

    private void validateFeeders(GridDocument doc) {
        Set<String> known = idsOf(doc.substations(), Substation::id);
        known.addAll(archive.existingIds(ArchiveTable.SUBSTATION, referenced(doc.feeders(), Feeder::substationId)));
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < doc.feeders().size(); i++) {
            Feeder f = doc.feeders().get(i);
            String at = "feeders[" + i + "]";
            if (f == null) {
                problem(at, at + " is empty");
                continue;
            }
            if (!id(at, "id", "feeder", f.id(), 64) || !unique(seen, f.id(), i, "feeders", "id", "feeder")) {
                continue;
            }
            text(at, "name", "feeder " + f.id(), f.name(), 200);
            if (required(at, "substationId", "feeder " + f.id(), f.substationId()) && !known.contains(f.substationId())) {
                problem(at + ".substationId", "feeder " + f.id() + ": substation " + f.substationId()
                        + " is neither in the document nor in the archive");
            }
        }
    }

    /** Feeder, device and transformer ids share one name space, so that a notice or incident can name any of them. */
    private void validateNodeIds(GridDocument doc) {
        Map<String, String> kindOf = new HashMap<>();
        Map<String, String> at = new HashMap<>();
        collectNodes(doc.feeders(), Feeder::id, "feeders", "feeder", kindOf, at);
        collectNodes(doc.devices(), Device::id, "devices", "device", kindOf, at);
        collectNodes(doc.transformers(), Transformer::id, "transformers", "transformer", kindOf, at);
        checkTakenByOtherKind(ArchiveTable.FEEDER, "feeder", kindOf, at);
        checkTakenByOtherKind(ArchiveTable.DEVICE, "device", kindOf, at);
        checkTakenByOtherKind(ArchiveTable.TRANSFORMER, "transformer", kindOf, at);
    }

    private <T> void collectNodes(List<T> records, Function<T, String> id, String list, String kind,
                                  Map<String, String> kindOf, Map<String, String> at) {
        for (int i = 0; i < records.size(); i++) {
            T record = records.get(i);
            if (record == null || id.apply(record) == null) {
                continue;
            }
            String key = id.apply(record);
            String previous = kindOf.putIfAbsent(key, kind);
            if (previous != null && !previous.equals(kind)) {
                problem(list + "[" + i + "].id", kind + " " + key + ": the id is already used by a " + previous
                        + " in this document (" + at.get(key) + "); feeders, devices and transformers need distinct ids");
            } else {
                at.putIfAbsent(key, list + "[" + i + "]");
            }
        }
    }

    private void checkTakenByOtherKind(ArchiveTable table, String kind, Map<String, String> kindOf,
                                       Map<String, String> at) {
        List<String> others = kindOf.entrySet().stream().filter(e -> !e.getValue().equals(kind))
                .map(Map.Entry::getKey).toList();
        for (String taken : archive.existingIds(table, others)) {
            problem(at.get(taken) + ".id", kindOf.get(taken) + " " + taken + ": the id already belongs to a " + kind
                    + " in the archive; feeders, devices and transformers need distinct ids");
        }
    }

    private Map<String, Link> validateDevices(GridDocument doc) {
        List<Device> devices = doc.devices();
        Set<String> feeders = idsOf(doc.feeders(), Feeder::id);
        feeders.addAll(archive.existingIds(ArchiveTable.FEEDER, referenced(devices, Device::feederId)));

        // The merged view of the devices: the archive's, overlaid with the document's.
        Set<String> touchedFeeders = new HashSet<>(referenced(devices, Device::feederId));
        Map<String, Link> merged = new LinkedHashMap<>();
        for (Link link : archive.devicesOfFeeders(touchedFeeders)) {
            merged.put(link.id(), link);
        }
        for (Link link : archive.deviceLinks(referenced(devices, Device::id))) {
            merged.put(link.id(), link);
        }
        for (Link link : archive.deviceLinks(referenced(devices, Device::parentId))) {
            merged.putIfAbsent(link.id(), link);
        }
        Map<String, Link> previous = new HashMap<>(merged);
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < devices.size(); i++) {
            Device d = devices.get(i);
            String at = "devices[" + i + "]";
            if (d == null) {
                problem(at, at + " is empty");
                continue;
            }
            if (!id(at, "id", "device", d.id(), 64) || !unique(seen, d.id(), i, "devices", "id", "device")) {
                continue;
            }
            index.put(d.id(), i);
            String what = "device " + d.id();
            required(at, "type", what, d.type());
            position(at, what, d.lat(), d.lng(), false);
            if (required(at, "feederId", what, d.feederId()) && !feeders.contains(d.feederId())) {
                problem(at + ".feederId", what + ": feeder " + d.feederId()
                        + " is neither in the document nor in the archive");
            }
            merged.put(d.id(), new Link(d.id(), d.feederId(), d.parentId()));
        }
        for (Map.Entry<String, Integer> e : index.entrySet()) {
            Device d = devices.get(e.getValue());
            String at = "devices[" + e.getValue() + "]";
            if (d.parentId() == null) {
                continue;
            }
            Link parent = merged.get(d.parentId());
            if (parent == null) {
                problem(at + ".parentId", "device " + d.id() + ": parent device " + d.parentId()
                        + " is neither in the document nor in the archive");
            } else if (!Objects.equals(parent.feederId(), d.feederId())) {
                problem(at + ".parentId", "device " + d.id() + " is on feeder " + d.feederId()
                        + " but its parent device " + d.parentId() + " is on feeder " + parent.feederId());
            } else if (inCycle(d.id(), merged)) {
                problem(at + ".parentId", "device " + d.id() + ": parent device " + d.parentId()
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
    private void checkChildrenFollowFeederMoves(GridDocument doc, Map<String, Integer> index,
                                                Map<String, Link> previous) {
        List<String> moved = index.keySet().stream()
                .filter(id -> previous.containsKey(id) && !Objects.equals(previous.get(id).feederId(),
                        doc.devices().get(index.get(id)).feederId()))
                .toList();
        if (moved.isEmpty()) {
            return;
        }
        Map<String, String> newFeeder = new HashMap<>();
        doc.devices().stream().filter(Objects::nonNull).filter(d -> d.id() != null)
                .forEach(d -> newFeeder.put(d.id(), d.feederId()));
        doc.transformers().stream().filter(Objects::nonNull).filter(t -> t.id() != null)
                .forEach(t -> newFeeder.put(t.id(), t.feederId()));
        for (Link child : archive.childrenOf(moved)) {
            String parentFeeder = doc.devices().get(index.get(child.parentId())).feederId();
            String childFeeder = newFeeder.getOrDefault(child.id(), child.feederId());
            if (!Objects.equals(parentFeeder, childFeeder) && !moved.contains(child.id())) {
                problem("devices[" + index.get(child.parentId()) + "].feederId", "device " + child.parentId()
                        + " moves to feeder " + parentFeeder + " but " + child.id() + " below it stays on feeder "
                        + childFeeder + "; move it in the same document");
            }
        }
    }

    private void validateTransformers(GridDocument doc, Map<String, Link> devices) {
        List<Transformer> transformers = doc.transformers();
        Set<String> feeders = idsOf(doc.feeders(), Feeder::id);
        feeders.addAll(archive.existingIds(ArchiveTable.FEEDER, referenced(transformers, Transformer::feederId)));
        for (Link link : archive.deviceLinks(referenced(transformers, Transformer::parentId))) {
            devices.putIfAbsent(link.id(), link);
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < transformers.size(); i++) {
            Transformer t = transformers.get(i);
            String at = "transformers[" + i + "]";
            if (t == null) {
                problem(at, at + " is empty");
                continue;
            }
            if (!id(at, "id", "transformer", t.id(), 64)
                    || !unique(seen, t.id(), i, "transformers", "id", "transformer")) {
                continue;
            }
            String what = "transformer " + t.id();
            text(at, "name", what, t.name(), 200);
            required(at, "areaType", what, t.areaType());
            position(at, what, t.lat(), t.lng(), true);
            if (required(at, "feederId", what, t.feederId()) && !feeders.contains(t.feederId())) {
                problem(at + ".feederId", what + ": feeder " + t.feederId()
                        + " is neither in the document nor in the archive");
            }
            if (t.parentId() != null) {
                Link parent = devices.get(t.parentId());
                if (parent == null) {
                    problem(at + ".parentId", what + ": parent device " + t.parentId()
                            + " is neither in the document nor in the archive");
                } else if (t.feederId() != null && !t.feederId().equals(parent.feederId())) {
                    problem(at + ".parentId", what + " is on feeder " + t.feederId() + " but its parent device "
                            + t.parentId() + " is on feeder " + parent.feederId());
                }
            }
        }
    }

    private void validateCustomers(GridDocument doc) {
        List<Customer> customers = doc.customers();
        Set<String> transformers = idsOf(doc.transformers(), Transformer::id);
        transformers.addAll(archive.existingIds(ArchiveTable.TRANSFORMER,
                referenced(customers, Customer::transformerId)));
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Integer> seenMeters = new HashMap<>();
        Map<String, String> meterOwner = new HashMap<>();
        for (GridLinks.MeterOwner owner : archive.meterOwners(referenced(customers, GridDocumentValidator::meterOf))) {
            meterOwner.put(owner.meterNo(), owner.customerNo());
        }
        Set<String> docCustomers = idsOf(customers, Customer::customerNo);
        for (int i = 0; i < customers.size(); i++) {
            Customer c = customers.get(i);
            String at = "customers[" + i + "]";
            if (c == null) {
                problem(at, at + " is empty");
                continue;
            }
            if (!id(at, "customerNo", "customer", c.customerNo(), 32)) {
                continue;
            }
            if (!unique(seen, c.customerNo(), i, "customers", "customerNo", "customer number")) {
                continue;
            }
            String what = "customer " + c.customerNo();
            text(at, "name", what, c.name(), 200);
            text(at, "address", what, c.address(), 500);
            if (c.phone() != null && !PHONE.matcher(c.phone()).matches()) {
                problem(at + ".phone", what + ": phone must be digits, spaces or dashes, optionally after a +");
            }
            position(at, what, c.lat(), c.lng(), false);
            if (required(at, "transformerId", what, c.transformerId()) && !transformers.contains(c.transformerId())) {
                problem(at + ".transformerId", what + ": transformer " + c.transformerId()
                        + " is neither in the document nor in the archive");
            }
            if (c.meterNo() != null && !id(at, "meterNo", what + ": meter", c.meterNo(), 32)) {
                continue;
            }
            String meter = meterOf(c);
            String owner = meterOwner.get(meter);
            if (unique(seenMeters, meter, i, "customers", "meterNo", "meter")
                    && owner != null && !owner.equals(c.customerNo()) && !docCustomers.contains(owner)) {
                problem(at + ".meterNo", what + ": meter " + meter + " already belongs to customer " + owner);
            }
        }
    }

    /** A customer's meter number; without one in the archive, its customer number. */
    private static String meterOf(Customer c) {
        return c.meterNo() == null ? c.customerNo() : c.meterNo();
    }

    private void validateCrews(GridDocument doc) {
        List<Crew> crews = doc.crews();
        Set<String> stations = idsOf(doc.stations(), Station::id);
        stations.addAll(archive.existingIds(ArchiveTable.STATION, referenced(crews, Crew::stationId)));
        Map<String, String> employeeOwner = new HashMap<>();
        Map<String, String> userOwner = new HashMap<>();
        for (CrewKey key : archive.crewKeys(referenced(crews, Crew::employeeNo), referenced(crews, Crew::userId))) {
            employeeOwner.put(key.employeeNo(), key.id());
            if (key.userId() != null) {
                userOwner.put(key.userId(), key.id());
            }
        }
        // A crew in the document takes over its own keys; the archive's owner only counts for other crews.
        Set<String> docCrewIds = idsOf(crews, Crew::id);
        employeeOwner.values().removeIf(docCrewIds::contains);
        userOwner.values().removeIf(docCrewIds::contains);

        Map<String, Integer> seen = new HashMap<>();
        Map<String, Integer> seenEmployeeNo = new HashMap<>();
        Map<String, Integer> seenUserId = new HashMap<>();
        for (int i = 0; i < crews.size(); i++) {
            Crew c = crews.get(i);
            String at = "crews[" + i + "]";
            if (c == null) {
                problem(at, at + " is empty");
                continue;
            }
            if (!id(at, "id", "crew", c.id(), 64) || !unique(seen, c.id(), i, "crews", "id", "crew")) {
                continue;
            }
            String what = "crew " + c.id();
            text(at, "name", what, c.name(), 200);
            if (c.phone() != null && !PHONE.matcher(c.phone()).matches()) {
                problem(at + ".phone", what + ": phone must be digits, spaces or dashes, optionally after a +");
            }
            position(at, what, c.lat(), c.lng(), false);
            if (id(at, "employeeNo", what + ": employee number", c.employeeNo(), 32)
                    && unique(seenEmployeeNo, c.employeeNo(), i, "crews", "employeeNo", "employee number")
                    && employeeOwner.containsKey(c.employeeNo())) {
                problem(at + ".employeeNo", what + ": employee number " + c.employeeNo()
                        + " already belongs to crew " + employeeOwner.get(c.employeeNo()));
            }
            if (c.userId() != null && camundaUserId(at, what, c.userId())
                    && unique(seenUserId, c.userId(), i, "crews", "userId", "user id")
                    && userOwner.containsKey(c.userId())) {
                problem(at + ".userId", what + ": user " + c.userId() + " already works as crew "
                        + userOwner.get(c.userId()));
            }
            if (c.skills() == null || c.skills().isEmpty()) {
                problem(at + ".skills", what + ": skills are required (LV, MV), or the crew can never be dispatched");
            } else if (c.skills().stream().anyMatch(Objects::isNull)) {
                problem(at + ".skills", what + ": skills must be LV or MV");
            }
            if (required(at, "stationId", what, c.stationId()) && !stations.contains(c.stationId())) {
                problem(at + ".stationId", what + ": station " + c.stationId()
                        + " is neither in the document nor in the archive");
            }
        }
    }

    // --- field checks ---

    private boolean id(String at, String field, String what, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            problem(at + "." + field, at + ": " + field + " is required");
            return false;
        }
        if (value.length() > maxLength || !ID.matcher(value).matches()) {
            problem(at + "." + field, what + " '" + abbreviate(value) + "': " + field + " must be at most " + maxLength
                    + " letters, digits and . _ : / # - (starting with a letter or digit)");
            return false;
        }
        return true;
    }

    private boolean camundaUserId(String at, String what, String userId) {
        if (!CAMUNDA_USER_ID.matcher(userId).matches() || userId.length() > 64) {
            problem(at + ".userId", what + ": userId must be a Camunda user id (at most 64 letters and digits)");
            return false;
        }
        return true;
    }

    private boolean unique(Map<String, Integer> seen, String key, int index, String list, String field, String what) {
        Integer first = seen.putIfAbsent(key, index);
        if (first != null) {
            problem(list + "[" + index + "]." + field, what + " " + key + " appears twice (" + list + "[" + first
                    + "] and " + list + "[" + index + "])");
            return false;
        }
        return true;
    }

    private boolean required(String at, String field, String what, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            problem(at + "." + field, what + ": " + field + " is required");
            return false;
        }
        return true;
    }

    private void text(String at, String field, String what, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            problem(at + "." + field, what + ": " + field + " must be at most " + maxLength + " characters");
        }
    }

    private void position(String at, String what, Double lat, Double lng, boolean requiredPosition) {
        if (requiredPosition) {
            required(at, "lat", what, lat);
            required(at, "lng", what, lng);
        } else if ((lat == null) != (lng == null)) {
            problem(at + "." + (lat == null ? "lat" : "lng"), what + ": give both lat and lng, or neither");
        }
        if (lat != null && !(lat >= -90 && lat <= 90)) {
            problem(at + ".lat", what + ": lat must be between -90 and 90 (WGS-84 degrees), not " + lat);
        }
        if (lng != null && !(lng >= -180 && lng <= 180)) {
            problem(at + ".lng", what + ": lng must be between -180 and 180 (WGS-84 degrees), not " + lng);
        }
    }

    private void problem(String field, String message) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new Problem(field, message));
        }
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    private static <T> Set<String> idsOf(List<T> records, Function<T, String> id) {
        Set<String> ids = new HashSet<>();
        for (T record : records) {
            if (record != null && id.apply(record) != null) {
                ids.add(id.apply(record));
            }
        }
        return ids;
    }

    private static <T> List<String> referenced(List<T> records, Function<T, String> key) {
        return List.copyOf(idsOf(records, key));
    }
}
