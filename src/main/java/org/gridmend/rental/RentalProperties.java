package org.gridmend.rental;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Equipment rental; every value is documented in the README. */
@ConfigurationProperties("gridmend.rental")
public record RentalProperties(
        // how long the owner has to confirm a booking before its hold is released (never past the first day's start)
        @DefaultValue("24h") Duration confirmWindow,
        // payment is recorded before this time of the first day (or within two hours of the confirmation if later)
        @DefaultValue("12:00") LocalTime payBy,
        // the item is returned by this time of the last day; a late return counts days started after it
        @DefaultValue("18:00") LocalTime returnBy,
        // how long before the return time the renter is reminded
        @DefaultValue("24h") Duration remindBefore,
        // how long the renter has to accept or dispute a deduction from the deposit before it stands
        @DefaultValue("3d") Duration settlementWindow,
        // how long both sides may rate each other after the booking closed
        @DefaultValue("14d") Duration ratingWindow,
        // the longest rental and how far ahead one may book
        @DefaultValue("60") int maxDays,
        @DefaultValue("180") int bookAheadDays,
        // the search radius when none is asked for, and the largest one
        @DefaultValue("30") double radiusKm,
        @DefaultValue("100") double maxRadiusKm,
        // photos: the largest one, and how many per item or per checklist
        @DefaultValue("5242880") long photoMaxBytes,
        @DefaultValue("6") int maxPhotos,
        // the utility's rental desk, which renters of the utility's items call
        @DefaultValue("95598") String deskPhone) {}
