package org.gridmend.triage;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The rules of locating and triage; every threshold is documented in the README. */
@ConfigurationProperties("gridmend.triage")
public record TriageProperties(
        @DefaultValue Locate locate,
        @DefaultValue Prediction prediction,
        @DefaultValue Cluster cluster,
        @DefaultValue BehindMeter behindMeter) {

    /** A bare location is placed at the nearest customer within one radius, else the nearest transformer within another. */
    public record Locate(
            @DefaultValue("100") double customerRadiusM,
            @DefaultValue("1000") double transformerRadiusM) {}

    /**
     * Outage prediction, bottom-up over the feeder's tree: a transformer area is out when a customer of it reports
     * (or its meters gasp or answer a ping dark); a device, or the feeder itself, is out when at least
     * {@code minChildren} of its immediate children are out and they are at least {@code childShare} of them (both
     * overridable per type: FUSE, SWITCH, RECLOSER, BREAKER, FEEDER); a device that feeds a single area is out when
     * {@code customerShare} of that area's customers report. Evidence counts for {@code window}.
     */
    public record Prediction(
            @DefaultValue("30m") Duration window,
            @DefaultValue("2") int minChildren,
            @DefaultValue("0.5") double childShare,
            @DefaultValue("0.5") double customerShare,
            Map<String, TypeRule> types) {

        public Prediction {
            types = types == null ? Map.of() : Map.copyOf(types);
        }

        int minChildren(String kind) {
            TypeRule own = kind == null ? null : types.get(kind.toLowerCase(Locale.ROOT));
            return own != null && own.minChildren() != null ? own.minChildren() : minChildren;
        }

        double childShare(String kind) {
            TypeRule own = kind == null ? null : types.get(kind.toLowerCase(Locale.ROOT));
            return own != null && own.childShare() != null ? own.childShare() : childShare;
        }
    }

    /** The thresholds of one device type, where they differ from the defaults. */
    public record TypeRule(Integer minChildren, Double childShare) {}

    /** Reports with a location but no archive match group by distance and time. */
    public record Cluster(
            @DefaultValue("500") double radiusM,
            @DefaultValue("30m") Duration window) {}

    /** "Only my home" is behind the meter unless a neighbour reported or a neighbour's meter gasped within this window. */
    public record BehindMeter(@DefaultValue("30m") Duration window) {}
}
