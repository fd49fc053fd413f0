package org.gridmend.demo.storm;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.gridmend.demo.HeadEndSimulator;

/**
 * What a storm does: how many faults on which levels, how many of their customers report and how fast, and the
 * odd reports (duplicates, network retries, behind the meter, from a planned outage, by location only). Built with
 * {@link #against}, every value named; the defaults are those of {@link StormCli}.
 */
public record StormPlan(
        URI baseUrl,
        String user,
        String password,
        int faults,
        List<String> levels,
        double reportShare,
        int rate,
        int durationSeconds,
        int clients,
        double duplicateShare,
        double retryShare,
        double behindMeterShare,
        double plannedShare,
        double locationOnlyShare,
        long seed,
        int importRepeats,
        Duration drainTimeout,
        HeadEndSimulator headEnd) {

    /** A plan against this GridMend, signed in as this user; every other value at its default until set. */
    public static Builder against(URI baseUrl, String user, String password) {
        return new Builder(baseUrl, user, password);
    }

    /** Names every value of a plan. */
    public static final class Builder {
        private final URI baseUrl;
        private final String user;
        private final String password;
        private int faults = 10;
        private List<String> levels = List.of("BREAKER", "SWITCH", "FUSE", "TRANSFORMER");
        private double reportShare = 0.5;
        private int rate = 50;
        private int durationSeconds = 60;
        private int clients = 64;
        private double duplicateShare = 0.1;
        private double retryShare = 0.02;
        private double behindMeterShare = 0.02;
        private double plannedShare = 0.03;
        private double locationOnlyShare = 0.1;
        private long seed = 95598;
        private int importRepeats;
        private Duration drainTimeout = Duration.ofMinutes(10);
        private HeadEndSimulator headEnd;

        private Builder(URI baseUrl, String user, String password) {
            this.baseUrl = baseUrl;
            this.user = user;
            this.password = password;
        }

        /** Faults to cause, at most one per feeder. */
        public Builder faults(int faults) {
            this.faults = faults;
            return this;
        }

        /** The device levels faults are put on (BREAKER, SWITCH, FUSE, TRANSFORMER). */
        public Builder levels(List<String> levels) {
            this.levels = List.copyOf(levels);
            return this;
        }

        /** The share of a fault's customers who report it. */
        public Builder reportShare(double reportShare) {
            this.reportShare = reportShare;
            return this;
        }

        /** Reports per second, for {@code durationSeconds}. */
        public Builder rate(int rate, int durationSeconds) {
            this.rate = rate;
            this.durationSeconds = durationSeconds;
            return this;
        }

        /** Concurrent HTTP clients. */
        public Builder clients(int clients) {
            this.clients = clients;
            return this;
        }

        /** Shares of second reports by the same customer and of network retries of the same request. */
        public Builder duplicates(double duplicateShare, double retryShare) {
            this.duplicateShare = duplicateShare;
            this.retryShare = retryShare;
            return this;
        }

        /** Shares of reports from behind-the-meter homes, from a planned-outage area, and by location only. */
        public Builder oddReports(double behindMeterShare, double plannedShare, double locationOnlyShare) {
            this.behindMeterShare = behindMeterShare;
            this.plannedShare = plannedShare;
            this.locationOnlyShare = locationOnlyShare;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Imports the storm grid of its own first, this many times 60 feeders (0: use the grid there). */
        public Builder importRepeats(int importRepeats) {
            this.importRepeats = importRepeats;
            return this;
        }

        /** How long to wait for GridMend to process everything after the last report. */
        public Builder drainTimeout(Duration drainTimeout) {
            this.drainTimeout = drainTimeout;
            return this;
        }

        /** The development head-end whose meters go dark with the faults (null: none). */
        public Builder headEnd(HeadEndSimulator headEnd) {
            this.headEnd = headEnd;
            return this;
        }

        public StormPlan build() {
            return new StormPlan(
                    baseUrl,
                    user,
                    password,
                    faults,
                    levels,
                    reportShare,
                    rate,
                    durationSeconds,
                    clients,
                    duplicateShare,
                    retryShare,
                    behindMeterShare,
                    plannedShare,
                    locationOnlyShare,
                    seed,
                    importRepeats,
                    drainTimeout,
                    headEnd);
        }
    }
}
