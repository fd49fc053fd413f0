package org.gridmend.rental;

/**
 * A renter's booking: the item, the first and last day (in the utility's zone), where it is used when not at the
 * item's place ({@code deliveryAddress}, with its {@code lat}/{@code lng} for an installation there), and whether a
 * social electrician installs it.
 */
public record BookingRequest(
        String requestId,
        String itemId,
        String from,
        String to,
        String deliveryAddress,
        Double lat,
        Double lng,
        Boolean installation) {}
