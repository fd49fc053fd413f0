package org.gridmend.grid;

public record FeederSummary(
        String id,
        String name,
        String substationId,
        String substationName,
        long deviceCount,
        long transformerCount,
        long customerCount) {}
