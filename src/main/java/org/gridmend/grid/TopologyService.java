package org.gridmend.grid;

import java.util.List;
import java.util.Optional;

import org.gridmend.core.Refusal;
import org.gridmend.grid.GridDocument.Device;
import org.gridmend.grid.GridDocument.Feeder;
import org.gridmend.grid.GridDocument.Transformer;
import org.gridmend.grid.GridNode.Kind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Walks the radial network: up from a transformer to its feeder and substation, down from any node to its customers. */
@Service
@Transactional(readOnly = true)
public class TopologyService {

    private final GridMapper mapper;

    TopologyService(GridMapper mapper) {
        this.mapper = mapper;
    }

    public Optional<GridNode> find(String id) {
        Feeder feeder = mapper.feeder(id);
        if (feeder != null) {
            return Optional.of(new GridNode(Kind.FEEDER, id, id));
        }
        Device device = mapper.device(id);
        if (device != null) {
            return Optional.of(new GridNode(Kind.DEVICE, id, device.feederId()));
        }
        Transformer transformer = mapper.transformer(id);
        if (transformer != null) {
            return Optional.of(new GridNode(Kind.TRANSFORMER, id, transformer.feederId()));
        }
        return Optional.empty();
    }

    public GridNode get(String id) {
        return find(id).orElseThrow(() -> Refusal.notFound("grid node", id));
    }

    public UpstreamChain upstream(String nodeId) {
        GridNode node = get(nodeId);
        String parentId = switch (node.kind()) {
            case FEEDER -> null;
            case DEVICE -> mapper.device(nodeId).parentId();
            case TRANSFORMER -> mapper.transformer(nodeId).parentId();
        };
        List<Device> devices = parentId == null ? List.of() : mapper.devicesAbove(parentId);
        Feeder feeder = mapper.feeder(node.feederId());
        return new UpstreamChain(node, devices, feeder, mapper.substation(feeder.substationId()));
    }

    public Downstream downstream(String nodeId) {
        GridNode node = get(nodeId);
        return switch (node.kind()) {
            case FEEDER ->
                new Downstream(node, mapper.transformersOnFeederIds(nodeId), mapper.customersOnFeeder(nodeId));
            case DEVICE ->
                new Downstream(node, mapper.transformersBelowDevice(nodeId), mapper.customersBelowDevice(nodeId));
            case TRANSFORMER -> new Downstream(node, List.of(nodeId), mapper.customersOfTransformerIds(nodeId));
        };
    }
}
