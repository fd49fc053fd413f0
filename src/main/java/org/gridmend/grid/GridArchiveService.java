package org.gridmend.grid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gridmend.core.Refusal;
import org.gridmend.grid.GridDocument.Device;
import org.gridmend.grid.GridDocument.Feeder;
import org.gridmend.grid.GridDocument.Transformer;
import org.gridmend.grid.GridViews.CustomerView;
import org.gridmend.grid.GridViews.DeviceView;
import org.gridmend.grid.GridViews.FeederView;
import org.gridmend.grid.GridViews.TransformerView;
import org.gridmend.grid.GridViews.TreeNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of the archive for staff: feeders, device subtrees, transformer areas with their customers. */
@Service
@Transactional(readOnly = true)
public class GridArchiveService {

    private final GridMapper mapper;
    private final TopologyService topology;

    GridArchiveService(GridMapper mapper, TopologyService topology) {
        this.mapper = mapper;
        this.topology = topology;
    }

    public boolean isEmpty() {
        return mapper.countSubstations() == 0;
    }

    public List<FeederSummary> feeders() {
        return mapper.feeders();
    }

    public FeederView feeder(String id) {
        Feeder feeder = mapper.feeder(id);
        if (feeder == null) {
            throw Refusal.notFound("feeder", id);
        }
        return new FeederView(feeder, mapper.substation(feeder.substationId()), new FeederTree(id).below(null));
    }

    public DeviceView device(String id) {
        Device device = mapper.device(id);
        if (device == null) {
            throw Refusal.notFound("device", id);
        }
        return new DeviceView(device, topology.upstream(id), new FeederTree(device.feederId()).below(id));
    }

    public TransformerView transformer(String id, boolean unmasked) {
        Transformer transformer = mapper.transformer(id);
        if (transformer == null) {
            throw Refusal.notFound("transformer", id);
        }
        List<CustomerView> customers = mapper.customersOfTransformer(id).stream()
                .map(c -> CustomerView.of(c, unmasked))
                .toList();
        return new TransformerView(transformer, topology.upstream(id), customers);
    }

    public CustomerView customer(String customerNo, boolean unmasked) {
        CustomerRecord customer = mapper.customer(customerNo);
        if (customer == null) {
            throw Refusal.notFound("customer", customerNo);
        }
        return CustomerView.of(customer, unmasked);
    }

    /**
     * Customers at an address (its words anywhere in the archive's address), at most 20, for the hotline desk when a
     * caller does not know their customer number. LIKE's own wildcards in the words are taken literally.
     */
    public List<CustomerView> customersAt(String words, boolean unmasked) {
        if (words == null || words.isBlank() || words.trim().length() < 2) {
            throw Refusal.invalid("INVALID_FIELD", "address", "address needs at least two characters");
        }
        String literal = words.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return mapper.customersByAddress(literal, 20).stream()
                .map(c -> CustomerView.of(c, unmasked))
                .toList();
    }

    /** One feeder's devices and transformers, read in two queries and hung into a tree in memory. */
    private final class FeederTree {

        private final Map<String, List<Device>> devicesByParent = new HashMap<>();
        private final Map<String, List<TransformerSummary>> transformersByParent = new HashMap<>();

        FeederTree(String feederId) {
            for (Device d : mapper.devicesOnFeeder(feederId)) {
                devicesByParent
                        .computeIfAbsent(d.parentId(), k -> new ArrayList<>())
                        .add(d);
            }
            for (TransformerSummary t : mapper.transformersOnFeeder(feederId)) {
                transformersByParent
                        .computeIfAbsent(t.parentId(), k -> new ArrayList<>())
                        .add(t);
            }
        }

        /** The nodes hanging directly below a device (or below the feeder itself for null), with their subtrees. */
        List<TreeNode> below(String parentId) {
            List<TreeNode> nodes = new ArrayList<>();
            for (Device d : devicesByParent.getOrDefault(parentId, List.of())) {
                nodes.add(new TreeNode(GridNode.Kind.DEVICE, d.id(), null, d.type(), null, null, below(d.id())));
            }
            for (TransformerSummary t : transformersByParent.getOrDefault(parentId, List.of())) {
                nodes.add(new TreeNode(
                        GridNode.Kind.TRANSFORMER, t.id(), t.name(), null, t.areaType(), t.customerCount(), null));
            }
            return nodes;
        }
    }
}
