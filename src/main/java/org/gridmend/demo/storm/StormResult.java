package org.gridmend.demo.storm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** What a storm run measured and found. */
public record StormResult(
        StormPlan plan,
        int faults,
        int sent,
        int accepted,
        int replays,
        int errors,
        double sendSeconds,
        double drainSeconds,
        boolean drained,
        double p50Ms,
        double p95Ms,
        double p99Ms,
        double maxMs,
        int lost,
        int wrongIncident,
        int misjudged,
        int incidentsReached,
        int incidentsOpen,
        List<String> samples) {

    public double reportsPerSecond() {
        return (accepted + replays) / sendSeconds;
    }

    public boolean clean() {
        return errors == 0
                && lost == 0
                && wrongIncident == 0
                && misjudged == 0
                && drained
                && incidentsOpen == faults
                && incidentsReached == faults;
    }

    public String summary() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "STORM %d faults, %d reports planned at %d/s for %d s from %d clients%n",
                faults,
                plan.rate() * plan.durationSeconds(),
                plan.rate(),
                plan.durationSeconds(),
                plan.clients()));
        out.append(String.format(
                Locale.ROOT,
                "  sent %d requests in %.1f s: %.1f reports/s sustained "
                        + "(%d new reports, %d replays of the same request), %d errors%n",
                sent,
                sendSeconds,
                reportsPerSecond(),
                accepted,
                replays,
                errors));
        out.append(String.format(
                Locale.ROOT,
                "  acknowledgement latency: p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, " + "max %.0f ms%n",
                p50Ms,
                p95Ms,
                p99Ms,
                maxMs));
        out.append(String.format(
                Locale.ROOT,
                "  processing %s %.1f s after the last report%n",
                drained ? "finished" : "NOT finished",
                drainSeconds));
        out.append(String.format(
                Locale.ROOT,
                "  incidents: %d faults injected, %d incidents reached by their " + "reports, %d of them open%n",
                faults,
                incidentsReached,
                incidentsOpen));
        out.append(String.format(
                Locale.ROOT,
                "  reports on the wrong incident: %d; misjudged (planned / behind the " + "meter): %d; lost: %d%n",
                wrongIncident,
                misjudged,
                lost));
        samples.forEach(s -> out.append("  e.g. ").append(s).append('\n'));
        out.append(clean() ? "  RESULT: clean\n" : "  RESULT: NOT clean\n");
        return out.toString();
    }

    static final class Builder {

        private final StormPlan plan;
        private final int faults;
        private final int sent;
        private final double sendSeconds;
        private final double drainSeconds;
        private final boolean drained;
        private final List<Long> latencies = new ArrayList<>();
        private final List<String> samples = Collections.synchronizedList(new ArrayList<>());
        private int accepted;
        private int replays;
        private int errors;
        private int lost;
        private int wrong;
        private int misjudged;
        private int reached;
        private int open;

        Builder(StormPlan plan, int faults, int sent, double sendSeconds, double drainSeconds, boolean drained) {
            this.plan = plan;
            this.faults = faults;
            this.sent = sent;
            this.sendSeconds = sendSeconds;
            this.drainSeconds = drainSeconds;
            this.drained = drained;
        }

        synchronized void latency(long nanos) {
            latencies.add(nanos);
        }

        synchronized void replay() {
            replays++;
        }

        synchronized void error(String what) {
            errors++;
            sample("error: " + what);
        }

        synchronized void lost(String what) {
            lost++;
            sample("lost: " + what);
        }

        synchronized void placed(boolean right, String what) {
            accepted++;
            if (!right) {
                wrong++;
                sample("wrong incident: " + what);
            }
        }

        synchronized void judged(boolean right, String what) {
            accepted++;
            if (!right) {
                misjudged++;
                sample("misjudged: " + what);
            }
        }

        synchronized void incidents(int reached, int open) {
            this.reached = reached;
            this.open = open;
        }

        private void sample(String what) {
            if (samples.size() < 10) {
                samples.add(what.length() > 200 ? what.substring(0, 200) : what);
            }
        }

        synchronized StormResult build() {
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            return new StormResult(
                    plan,
                    faults,
                    sent,
                    accepted + lost,
                    replays,
                    errors,
                    sendSeconds,
                    drainSeconds,
                    drained,
                    percentile(sorted, 0.50),
                    percentile(sorted, 0.95),
                    percentile(sorted, 0.99),
                    sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6,
                    lost,
                    wrong,
                    misjudged,
                    reached,
                    open,
                    List.copyOf(samples));
        }

        private static double percentile(List<Long> sorted, double q) {
            if (sorted.isEmpty()) {
                return 0;
            }
            int index = (int) Math.ceil(q * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
        }
    }
}
