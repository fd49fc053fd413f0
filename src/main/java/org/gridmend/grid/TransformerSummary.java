package org.gridmend.grid;

public record TransformerSummary(
        String id,
        String name,
        String feederId,
        String parentId,
        AreaType areaType,
        double lat,
        double lng,
        long customerCount) {}
