package org.gridmend.grid;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.gridmend.core.Refusal.Problem;
import org.gridmend.grid.GridDocument.Crew;
import org.gridmend.grid.GridDocument.Customer;
import org.gridmend.grid.GridDocument.Feeder;
import org.gridmend.grid.GridDocument.Station;
import org.gridmend.grid.GridDocument.Substation;
import org.gridmend.grid.GridDocument.Transformer;
import org.gridmend.grid.GridLinks.CrewKey;
import org.gridmend.grid.GridLinks.Link;

/**
 * Checks an archive document against itself and against what the archive already holds, before anything is
 * written. Every problem names the record ({@code transformers[3]}) and the field, so that whoever produced the
 * document can fix it; the import writes nothing while any problem is left. The grid's shape (ids, the device
 * tree) is checked by {@link DeviceTreeChecks}, each field by {@link FieldChecks}.
 */
class GridDocumentValidator {

    static final int MAX_PROBLEMS = FieldChecks.MAX_PROBLEMS;

    private final ArchiveLookup archive;

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
        FieldChecks checks = new FieldChecks();
        DeviceTreeChecks tree = new DeviceTreeChecks(archive, checks);
        validatePlaces(
                doc.stations(), "stations", "station", Station::id, Station::name, Station::lat, Station::lng, checks);
        validatePlaces(
                doc.substations(),
                "substations",
                "substation",
                Substation::id,
                Substation::name,
                Substation::lat,
                Substation::lng,
                checks);
        validateFeeders(doc, checks);
        tree.validateNodeIds(doc);
        Map<String, Link> devices = tree.validateDevices(doc);
        validateTransformers(doc, devices, checks);
        validateCustomers(doc, checks);
        validateCrews(doc, checks);
        return checks.problems();
    }

    /** Stations and substations: an id, a name and an optional position. */
    private static <T> void validatePlaces(
            List<T> places,
            String list,
            String kind,
            Function<T, String> id,
            Function<T, String> name,
            Function<T, Double> lat,
            Function<T, Double> lng,
            FieldChecks checks) {
        Map<String, Integer> seen = new HashMap<>();
        checks.each(places, list, (at, i, p) -> {
            if (checks.id(at, "id", kind, id.apply(p), 64) && checks.unique(seen, id.apply(p), i, list, "id", kind)) {
                checks.text(at, "name", kind + " " + id.apply(p), name.apply(p), 200);
                checks.position(at, kind + " " + id.apply(p), lat.apply(p), lng.apply(p), false);
            }
        });
    }

    private void validateFeeders(GridDocument doc, FieldChecks checks) {
        Set<String> known = FieldChecks.idsOf(doc.substations(), Substation::id);
        known.addAll(archive.existingIds(
                ArchiveTable.SUBSTATION, FieldChecks.referenced(doc.feeders(), Feeder::substationId)));
        Map<String, Integer> seen = new HashMap<>();
        checks.each(doc.feeders(), "feeders", (at, i, f) -> {
            if (!checks.id(at, "id", "feeder", f.id(), 64)
                    || !checks.unique(seen, f.id(), i, "feeders", "id", "feeder")) {
                return;
            }
            checks.text(at, "name", "feeder " + f.id(), f.name(), 200);
            checks.reference(at, "substationId", "feeder " + f.id(), "substation", f.substationId(), known);
        });
    }

    private void validateTransformers(GridDocument doc, Map<String, Link> devices, FieldChecks checks) {
        List<Transformer> transformers = doc.transformers();
        Set<String> feeders = FieldChecks.idsOf(doc.feeders(), Feeder::id);
        feeders.addAll(
                archive.existingIds(ArchiveTable.FEEDER, FieldChecks.referenced(transformers, Transformer::feederId)));
        for (Link link : archive.deviceLinks(FieldChecks.referenced(transformers, Transformer::parentId))) {
            devices.putIfAbsent(link.id(), link);
        }
        Map<String, Integer> seen = new HashMap<>();
        checks.each(transformers, "transformers", (at, i, t) -> {
            if (!checks.id(at, "id", "transformer", t.id(), 64)
                    || !checks.unique(seen, t.id(), i, "transformers", "id", "transformer")) {
                return;
            }
            String what = "transformer " + t.id();
            checks.text(at, "name", what, t.name(), 200);
            checks.required(at, "areaType", what, t.areaType());
            checks.position(at, what, t.lat(), t.lng(), true);
            checks.reference(at, "feederId", what, "feeder", t.feederId(), feeders);
            if (t.parentId() != null) {
                Link parent = devices.get(t.parentId());
                if (parent == null) {
                    checks.missing(at, "parentId", what, "parent device", t.parentId());
                } else if (t.feederId() != null && !t.feederId().equals(parent.feederId())) {
                    checks.problem(
                            at + ".parentId",
                            what + " is on feeder " + t.feederId() + " but its parent device " + t.parentId()
                                    + " is on feeder " + parent.feederId());
                }
            }
        });
    }

    private void validateCustomers(GridDocument doc, FieldChecks checks) {
        List<Customer> customers = doc.customers();
        Set<String> transformers = FieldChecks.idsOf(doc.transformers(), Transformer::id);
        transformers.addAll(archive.existingIds(
                ArchiveTable.TRANSFORMER, FieldChecks.referenced(customers, Customer::transformerId)));
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Integer> seenMeters = new HashMap<>();
        Map<String, String> meterOwner = new HashMap<>();
        for (GridLinks.MeterOwner owner :
                archive.meterOwners(FieldChecks.referenced(customers, GridDocumentValidator::meterOf))) {
            meterOwner.put(owner.meterNo(), owner.customerNo());
        }
        Set<String> docCustomers = FieldChecks.idsOf(customers, Customer::customerNo);
        checks.each(customers, "customers", (at, i, c) -> {
            if (!checks.id(at, "customerNo", "customer", c.customerNo(), 32)
                    || !checks.unique(seen, c.customerNo(), i, "customers", "customerNo", "customer number")) {
                return;
            }
            String what = "customer " + c.customerNo();
            checks.text(at, "name", what, c.name(), 200);
            checks.text(at, "address", what, c.address(), 500);
            checks.phone(at, what, c.phone());
            checks.position(at, what, c.lat(), c.lng(), false);
            checks.reference(at, "transformerId", what, "transformer", c.transformerId(), transformers);
            if (c.meterNo() != null && !checks.id(at, "meterNo", what + ": meter", c.meterNo(), 32)) {
                return;
            }
            String meter = meterOf(c);
            String owner = meterOwner.get(meter);
            if (checks.unique(seenMeters, meter, i, "customers", "meterNo", "meter")
                    && owner != null
                    && !owner.equals(c.customerNo())
                    && !docCustomers.contains(owner)) {
                checks.problem(at + ".meterNo", what + ": meter " + meter + " already belongs to customer " + owner);
            }
        });
    }

    /** A customer's meter number; without one in the archive, its customer number. */
    private static String meterOf(Customer c) {
        return c.meterNo() == null ? c.customerNo() : c.meterNo();
    }

    private void validateCrews(GridDocument doc, FieldChecks checks) {
        List<Crew> crews = doc.crews();
        Set<String> stations = FieldChecks.idsOf(doc.stations(), Station::id);
        stations.addAll(archive.existingIds(ArchiveTable.STATION, FieldChecks.referenced(crews, Crew::stationId)));
        Map<String, String> employeeOwner = new HashMap<>();
        Map<String, String> userOwner = new HashMap<>();
        for (CrewKey key : archive.crewKeys(
                FieldChecks.referenced(crews, Crew::employeeNo), FieldChecks.referenced(crews, Crew::userId))) {
            employeeOwner.put(key.employeeNo(), key.id());
            if (key.userId() != null) {
                userOwner.put(key.userId(), key.id());
            }
        }
        // A crew in the document takes over its own keys; the archive's owner only counts for other crews.
        Set<String> docCrewIds = FieldChecks.idsOf(crews, Crew::id);
        employeeOwner.values().removeIf(docCrewIds::contains);
        userOwner.values().removeIf(docCrewIds::contains);

        Map<String, Integer> seen = new HashMap<>();
        Map<String, Integer> seenEmployeeNo = new HashMap<>();
        Map<String, Integer> seenUserId = new HashMap<>();
        checks.each(crews, "crews", (at, i, c) -> {
            if (!checks.id(at, "id", "crew", c.id(), 64) || !checks.unique(seen, c.id(), i, "crews", "id", "crew")) {
                return;
            }
            String what = "crew " + c.id();
            checks.text(at, "name", what, c.name(), 200);
            checks.phone(at, what, c.phone());
            checks.position(at, what, c.lat(), c.lng(), false);
            if (checks.id(at, "employeeNo", what + ": employee number", c.employeeNo(), 32)
                    && checks.unique(seenEmployeeNo, c.employeeNo(), i, "crews", "employeeNo", "employee number")
                    && employeeOwner.containsKey(c.employeeNo())) {
                checks.problem(
                        at + ".employeeNo",
                        what + ": employee number " + c.employeeNo() + " already belongs to crew "
                                + employeeOwner.get(c.employeeNo()));
            }
            if (c.userId() != null
                    && checks.camundaUserId(at, what, c.userId())
                    && checks.unique(seenUserId, c.userId(), i, "crews", "userId", "user id")
                    && userOwner.containsKey(c.userId())) {
                checks.problem(
                        at + ".userId",
                        what + ": user " + c.userId() + " already works as crew " + userOwner.get(c.userId()));
            }
            if (c.skills() == null || c.skills().isEmpty()) {
                checks.problem(
                        at + ".skills",
                        what + ": skills are required (LV, MV), or the crew can never be " + "dispatched");
            } else if (c.skills().stream().anyMatch(Objects::isNull)) {
                checks.problem(at + ".skills", what + ": skills must be LV or MV");
            }
            checks.reference(at, "stationId", what, "station", c.stationId(), stations);
        });
    }
}
