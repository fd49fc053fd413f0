package org.gridmend.grid;

import java.util.List;

/**
 * Everything a fault at {@code node} could sit behind: the devices above it, nearest first (ending with the feeder
 * breaker), then the feeder and its substation.
 */
public record UpstreamChain(
        GridNode node,
        List<GridDocument.Device> devices,
        GridDocument.Feeder feeder,
        GridDocument.Substation substation) {}
