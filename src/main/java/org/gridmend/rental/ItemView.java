package org.gridmend.rental;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A rental item as the catalogue shows it: what it is, where, the price, whose it is (the utility, or a customer,
 * never named), its ratings and photos; with the period's price when dates were asked for, and the booked days on
 * its own page.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ItemView(
        String id,
        String type,
        String typeLabel,
        String title,
        String rating,
        Map<String, Object> spec,
        String place,
        double lat,
        double lng,
        Double distanceKm,
        BigDecimal dailyPrice,
        BigDecimal deposit,
        int minDays,
        int maxDays,
        boolean needsInstallation,
        String reading,
        String owner,
        String ownerLabel,
        Double stars,
        int ratings,
        String status,
        String refusalReason,
        List<String> photos,
        Integer days,
        BigDecimal price,
        List<LocalDate> bookedDays) {}
