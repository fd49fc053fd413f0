package org.gridmend.triage;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The rules of locating and triage; every threshold is documented in the README. */
@ConfigurationProperties("gridmend.triage")
public record TriageProperties(@DefaultValue Locate locate, @DefaultValue Rollup rollup,
                               @DefaultValue Cluster cluster, @DefaultValue BehindMeter behindMeter) {

    /** A bare location is placed at the nearest customer within one radius, else the nearest transformer within another. */
    public record Locate(@DefaultValue("100") double customerRadiusM, @DefaultValue("1000") double transformerRadiusM) {
    }

    /**
     * Outage prediction: an incident moves up to the lowest upstream device below which, within {@code window},
     * reports or last gasps came from at least {@code minTransformers} transformers, on two or more of its branches,
     * that are also at least {@code transformerShare} of the transformers below it; or, for a device that feeds a
     * single transformer area, from at least {@code customerShare} of that area's customers. The transformer share
     * keeps two unrelated faults on one long feeder from becoming one feeder outage; 0 turns it off.
     */
    public record Rollup(@DefaultValue("30m") Duration window, @DefaultValue("2") int minTransformers,
                         @DefaultValue("0.5") double transformerShare, @DefaultValue("0.5") double customerShare) {
    }

    /** Reports with a location but no archive match group by distance and time. */
    public record Cluster(@DefaultValue("500") double radiusM, @DefaultValue("30m") Duration window) {
    }

    /** "Only my home" is behind the meter unless a neighbour reported or a neighbour's meter gasped within this window. */
    public record BehindMeter(@DefaultValue("30m") Duration window) {
    }
}
