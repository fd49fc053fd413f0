package org.gridmend.grid;

import java.util.List;

/** The transformers and customers an outage at {@code node} takes off supply. */
public record Downstream(GridNode node, List<String> transformerIds, List<String> customerNos) {}
