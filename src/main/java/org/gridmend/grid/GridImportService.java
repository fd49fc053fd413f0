package org.gridmend.grid;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.gridmend.core.Refusal;
import org.gridmend.core.Refusal.Problem;
import org.gridmend.grid.GridDocument.Customer;
import org.gridmend.grid.GridDocument.Device;
import org.gridmend.grid.GridDocument.Transformer;
import org.gridmend.grid.GridImportResult.Counts;
import org.gridmend.grid.GridLinks.CrewKey;
import org.gridmend.grid.GridLinks.Link;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Upserts an archive document in one transaction: validated as a whole first, then written parents before
 * children in multi-row statements of {@value #CHUNK} rows.
 */
@Service
public class GridImportService {

    static final int CHUNK = 500;
    private static final int IN_LIST = 1000;
    private static final Logger log = LoggerFactory.getLogger(GridImportService.class);

    private final GridMapper mapper;
    private final ApplicationEventPublisher events;

    GridImportService(GridMapper mapper, ApplicationEventPublisher events) {
        this.mapper = mapper;
        this.events = events;
    }

    /** Published after an import, so that caches of the archive on this node drop what they hold. */
    public record ArchiveImported(GridImportResult result) {}

    /**
     * Published in the import's transaction with the crews it wrote: the skills they hold in the archive become their
     * initial certifications, unless they have one already.
     */
    public record CrewSkillsImported(List<GridDocument.Crew> crews, Instant at) {}

    @Transactional
    public GridImportResult importDocument(GridDocument doc) {
        long started = System.nanoTime();
        List<Problem> problems = new GridDocumentValidator(new MapperLookup()).validate(doc);
        if (!problems.isEmpty()) {
            String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : "";
            log.info(
                    "grid import rejected problems={} firstField={}",
                    problems.size(),
                    problems.get(0).field());
            throw new Refusal(
                    Refusal.Kind.INVALID,
                    "INVALID_GRID_DOCUMENT",
                    problems.get(0).message() + more,
                    problems.get(0).field(),
                    problems);
        }
        Instant now = Instant.now();
        Counts substations = upsert(
                ArchiveTable.SUBSTATION,
                doc.substations(),
                GridDocument.Substation::id,
                mapper::upsertSubstations,
                now);
        Counts feeders =
                upsert(ArchiveTable.FEEDER, doc.feeders(), GridDocument.Feeder::id, mapper::upsertFeeders, now);
        Counts devices =
                upsert(ArchiveTable.DEVICE, parentsFirst(doc.devices()), Device::id, mapper::upsertDevices, now);
        Counts transformers =
                upsert(ArchiveTable.TRANSFORMER, doc.transformers(), Transformer::id, mapper::upsertTransformers, now);
        Counts customers =
                upsert(ArchiveTable.CUSTOMER, placed(doc), CustomerRecord::customerNo, mapper::upsertCustomers, now);
        for (CustomerKind kind : CustomerKind.values()) {
            List<String> numbers = doc.customers().stream()
                    .filter(c -> (c.kind() == null ? CustomerKind.RESIDENTIAL : c.kind()) == kind)
                    .map(Customer::customerNo)
                    .toList();
            for (List<String> chunk : chunks(numbers, IN_LIST)) {
                mapper.setCustomerKind(kind.name(), chunk);
            }
        }
        Counts stations =
                upsert(ArchiveTable.STATION, doc.stations(), GridDocument.Station::id, mapper::upsertStations, now);
        Counts crews = upsert(ArchiveTable.CREW, doc.crews(), GridDocument.Crew::id, mapper::upsertCrews, now);
        for (List<GridDocument.Crew> chunk : chunks(doc.crews(), CHUNK)) {
            mapper.deleteCrewSkills(chunk.stream().map(GridDocument.Crew::id).toList());
            mapper.insertCrewSkills(chunk);
        }
        if (!doc.crews().isEmpty()) {
            events.publishEvent(new CrewSkillsImported(doc.crews(), now));
        }
        GridImportResult result =
                new GridImportResult(stations, substations, feeders, devices, transformers, customers, crews);
        events.publishEvent(new ArchiveImported(result));
        log.info(
                "grid import done substations={} feeders={} devices={} transformers={} customers={} stations={} "
                        + "crews={} durationMs={}",
                substations,
                feeders,
                devices,
                transformers,
                customers,
                stations,
                crews,
                (System.nanoTime() - started) / 1_000_000);
        return result;
    }

    private <T> Counts upsert(
            ArchiveTable table,
            List<T> rows,
            Function<T, String> key,
            BiConsumer<List<T>, Instant> write,
            Instant now) {
        if (rows.isEmpty()) {
            return Counts.NONE;
        }
        int existing = 0;
        for (List<T> chunk : chunks(rows, IN_LIST)) {
            existing +=
                    mapper.existingIds(table, chunk.stream().map(key).toList()).size();
        }
        for (List<T> chunk : chunks(rows, CHUNK)) {
            write.accept(chunk, now);
        }
        return new Counts(rows.size() - existing, existing);
    }

    /** Devices ordered so that a parent in the document comes before its children (the self reference is checked per row). */
    static List<Device> parentsFirst(List<Device> devices) {
        Map<String, Device> byId = new LinkedHashMap<>();
        devices.forEach(d -> byId.put(d.id(), d));
        List<Device> ordered = new ArrayList<>(devices.size());
        Set<String> done = new HashSet<>();
        for (Device device : devices) {
            addWithParents(device, byId, done, ordered);
        }
        return ordered;
    }

    private static void addWithParents(
            Device device, Map<String, Device> byId, Set<String> done, List<Device> ordered) {
        List<Device> path = new ArrayList<>();
        for (Device d = device; d != null && !done.contains(d.id()); d = byId.get(d.parentId())) {
            path.add(d);
            done.add(d.id());
        }
        for (int i = path.size() - 1; i >= 0; i--) {
            ordered.add(path.get(i));
        }
    }

    /** Customers as stored: one without coordinates is placed at its transformer. */
    private List<CustomerRecord> placed(GridDocument doc) {
        Map<String, Transformer> transformers = new HashMap<>();
        doc.transformers().forEach(t -> transformers.put(t.id(), t));
        List<String> missing = doc.customers().stream()
                .filter(c -> c.lat() == null && !transformers.containsKey(c.transformerId()))
                .map(Customer::transformerId)
                .distinct()
                .toList();
        for (List<String> chunk : chunks(missing, IN_LIST)) {
            mapper.transformersByIds(chunk).forEach(t -> transformers.put(t.id(), t));
        }
        List<CustomerRecord> records = new ArrayList<>(doc.customers().size());
        for (Customer c : doc.customers()) {
            boolean own = c.lat() != null;
            Transformer t = transformers.get(c.transformerId());
            records.add(new CustomerRecord(
                    c.customerNo(),
                    c.name(),
                    c.phone(),
                    c.transformerId(),
                    own ? c.lat() : t.lat(),
                    own ? c.lng() : t.lng(),
                    own ? CustomerRecord.FROM_ARCHIVE : CustomerRecord.FROM_TRANSFORMER,
                    c.address(),
                    c.meterNo() == null ? c.customerNo() : c.meterNo()));
        }
        return records;
    }

    static <T> List<List<T>> chunks(List<T> list, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < list.size(); i += size) {
            chunks.add(list.subList(i, Math.min(list.size(), i + size)));
        }
        return chunks;
    }

    /** Archive lookups for the validator, split into IN lists the databases accept. */
    private final class MapperLookup implements GridDocumentValidator.ArchiveLookup {

        @Override
        public Set<String> existingIds(ArchiveTable table, Collection<String> ids) {
            Set<String> found = new HashSet<>();
            for (List<String> chunk : chunks(List.copyOf(ids), IN_LIST)) {
                found.addAll(mapper.existingIds(table, chunk));
            }
            return found;
        }

        @Override
        public List<Link> devicesOfFeeders(Collection<String> feederIds) {
            return inChunks(feederIds, mapper::devicesOfFeeders);
        }

        @Override
        public List<Link> deviceLinks(Collection<String> ids) {
            return inChunks(ids, mapper::deviceLinks);
        }

        @Override
        public List<Link> childrenOf(Collection<String> deviceIds) {
            return inChunks(deviceIds, mapper::childrenOf);
        }

        @Override
        public List<CrewKey> crewKeys(Collection<String> employeeNos, Collection<String> userIds) {
            List<CrewKey> keys = new ArrayList<>(inChunks(employeeNos, chunk -> mapper.crewKeys(chunk, List.of())));
            keys.addAll(inChunks(userIds, chunk -> mapper.crewKeys(List.of(), chunk)));
            return keys;
        }

        @Override
        public List<GridLinks.MeterOwner> meterOwners(Collection<String> meterNos) {
            return inChunks(meterNos, mapper::meterOwners);
        }

        private <R> List<R> inChunks(Collection<String> ids, Function<List<String>, List<R>> query) {
            List<R> rows = new ArrayList<>();
            for (List<String> chunk : chunks(List.copyOf(ids), IN_LIST)) {
                rows.addAll(query.apply(chunk));
            }
            return rows;
        }
    }
}
