package org.gridmend.rental;

import java.util.Map;

/**
 * An item put up for rent: by a signed-in customer ({@code POST /api/rental/items}, reviewed by rental staff before
 * it appears; {@code ownershipDeclared} must be true) or by rental staff for the utility
 * ({@code POST /api/rental/admin/items}, available at once). {@code spec} holds the fields of its type.
 */
public record ItemListing(
        String requestId,
        String type,
        String title,
        String rating,
        Map<String, Object> spec,
        Double lat,
        Double lng,
        String place,
        Number dailyPrice,
        Number deposit,
        Integer minDays,
        Integer maxDays,
        Boolean needsInstallation,
        Boolean ownershipDeclared) {}
