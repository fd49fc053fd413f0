package org.gridmend.grid;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.gridmend.cluster.CacheVersionService;
import org.gridmend.grid.GridDocument.Transformer;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The archive as other features read it: customers by number or meter, transformers, and feeder trees. Feeder
 * trees are cached for {@value #TOPOLOGY_TTL_SECONDS} s, and dropped at once when this node imports; another node's
 * import shows after at most that long.
 */
@Service
public class GridLookupService {

    static final long TOPOLOGY_TTL_SECONDS = 60;

    private final GridMapper mapper;
    private final Clock clock;
    private final Map<String, Cached> topologies = new ConcurrentHashMap<>();

    static final String CACHE = "topology";

    private final CacheVersionService caches;

    GridLookupService(GridMapper mapper, Clock clock, CacheVersionService caches) {
        this.mapper = mapper;
        this.clock = clock;
        this.caches = caches;
        // an import on another node changes the topology this node keeps
        caches.listen(CACHE, topologies::clear);
    }

    public Optional<CustomerRecord> customer(String customerNo) {
        return Optional.ofNullable(mapper.customer(customerNo));
    }

    /** Whether the customer is a household or a business; empty for an unknown number. */
    public Optional<CustomerKind> kind(String customerNo) {
        return Optional.ofNullable(mapper.customerKind(customerNo)).map(CustomerKind::valueOf);
    }

    public Optional<CustomerPlacement> placement(String customerNo) {
        return Optional.ofNullable(mapper.customerPlacement(customerNo));
    }

    public Optional<CustomerRecord> customerByMeter(String meterNo) {
        return Optional.ofNullable(mapper.customerByMeter(meterNo));
    }

    public Optional<Transformer> transformer(String id) {
        return Optional.ofNullable(mapper.transformer(id));
    }

    public Optional<GridDocument.Feeder> feeder(String id) {
        return Optional.ofNullable(mapper.feeder(id));
    }

    public Optional<GridDocument.Device> device(String id) {
        return Optional.ofNullable(mapper.device(id));
    }

    public FeederTopology topology(String feederId) {
        Instant now = clock.instant();
        Cached cached = topologies.get(feederId);
        if (cached == null || cached.until().isBefore(now)) {
            FeederTopology topology = new FeederTopology(
                    feederId, mapper.devicesOnFeeder(feederId), mapper.transformersOnFeeder(feederId));
            cached = new Cached(topology, now.plus(Duration.ofSeconds(TOPOLOGY_TTL_SECONDS)));
            topologies.put(feederId, cached);
        }
        return cached.topology();
    }

    public List<String> customersOf(String transformerId) {
        return mapper.customersOfTransformerIds(transformerId);
    }

    @EventListener
    void archiveChanged(GridImportService.ArchiveImported event) {
        topologies.clear();
        caches.changed(CACHE);
    }

    private record Cached(FeederTopology topology, Instant until) {}
}
