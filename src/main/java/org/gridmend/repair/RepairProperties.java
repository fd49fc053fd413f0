package org.gridmend.repair;

import java.time.Duration;

import org.gridmend.grid.AreaType;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Dispatch, arrival commitments and restoration; every value is documented in the README. */
@ConfigurationProperties("gridmend.repair")
public record RepairProperties(
        @DefaultValue("5m") Duration acceptWindow,
        @DefaultValue("3") int maxDispatchTries,
        @DefaultValue PerArea arrivalCommitment,
        @DefaultValue("500") double arrivalRadiusM,
        @DefaultValue("1.4") double roadFactor,
        @DefaultValue PerAreaSpeed speedKmh,
        @DefaultValue("3") int maxOpenOrders,
        @DefaultValue("60000") double maxDispatchDistanceM,
        @DefaultValue("20m") Duration workloadPenalty,
        // the grid owner (then its deputy) is preferred while its estimated arrival is this close to the best crew's
        @DefaultValue("15m") Duration gridOwnerSlack,
        @DefaultValue("30m") Duration positionFreshness,
        @DefaultValue("500") int restorationBatchSize,
        // the customers' confirmation window (2 h) plus their rating window (3 d): every star is in when it ends
        @DefaultValue("74h") Duration ratingWindow,
        @DefaultValue("5242880") int photoMaxBytes) {

    /** How long after the first report a crew must be on site (urban 45, rural 90, remote 120 minutes). */
    public record PerArea(
            @DefaultValue("45m") Duration urban,
            @DefaultValue("90m") Duration rural,
            @DefaultValue("120m") Duration remote) {

        public Duration of(AreaType area) {
            return switch (area == null ? AreaType.RURAL : area) {
                case URBAN -> urban;
                case RURAL -> rural;
                case REMOTE -> remote;
            };
        }
    }

    /** Average road speed of a crew vehicle per area type. */
    public record PerAreaSpeed(
            @DefaultValue("25") double urban,
            @DefaultValue("40") double rural,
            @DefaultValue("50") double remote) {

        public double of(AreaType area) {
            return switch (area == null ? AreaType.RURAL : area) {
                case URBAN -> urban;
                case RURAL -> rural;
                case REMOTE -> remote;
            };
        }
    }
}
