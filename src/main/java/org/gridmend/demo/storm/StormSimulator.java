package org.gridmend.demo.storm;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridmend.demo.DemoGrid;
import org.gridmend.grid.GridDocument;

/**
 * A storm against a running GridMend, from the outside: it fails devices on the grid, then sends reports from the
 * customers they took out at a steady rate from many concurrent clients (with second reports, network retries of
 * the same request, reports from behind-the-meter homes, from a planned-outage area and by location only), waits
 * until GridMend has processed everything, and checks every report: did it land on the incident of its fault?
 *
 * <p>At most one fault per feeder, and only on devices with two or more branches (or on transformer areas with a
 * sibling), so that each fault is one an outage predictor can tell apart: a device with a single branch fails
 * exactly like the device below it.
 */
public final class StormSimulator {

    private final StormPlan plan;
    private final Consumer<String> progress;
    private final Random random;
    private final ExecutorService clients;
    private final GridMendClient client;

    public StormSimulator(StormPlan plan, Consumer<String> progress) {
        this.plan = plan;
        this.progress = progress;
        this.random = new Random(plan.seed());
        this.clients = Executors.newFixedThreadPool(plan.clients());
        this.client = new GridMendClient(plan.baseUrl(), plan.user(), plan.password());
    }

    /** One report to send, and what GridMend should make of it. */
    record Spec(Map<String, Object> body, Expect expect, String faultDevice, boolean retryOf) {}

    enum Expect {
        FAULT,
        BEHIND_METER,
        PLANNED
    }

    record Sent(Spec spec, GridMendClient.Response response, long sentAtNanos) {}

    public StormResult run() {
        try {
            return storm();
        } finally {
            clients.shutdownNow();
        }
    }

    private StormResult storm() {
        String prefix = plan.importRepeats() > 0 ? importGrid() : "";
        List<StormFeeder> feeders = feeders(prefix);
        Collections.shuffle(feeders, random);
        boolean sibling = plan.headEnd() != null;
        int needed = plan.faults() + 2 + (sibling ? 1 : 0);
        if (feeders.size() < needed) {
            throw new IllegalStateException(
                    "the grid has " + feeders.size() + " feeders; " + plan.faults() + " faults need " + needed);
        }
        Map<String, String> faults = new LinkedHashMap<>(); // fault device -> level
        Map<String, List<StormFeeder.Customer>> affected = new LinkedHashMap<>();
        for (int i = 0; i < plan.faults(); i++) {
            StormFeeder feeder = feeders.get(i);
            String level = plan.levels().get(i % plan.levels().size());
            String device = feeder.pick(level, random);
            faults.put(device, level);
            affected.put(device, feeder.customersBelow(device));
        }
        if (sibling) {
            // two sibling branches of one device fail together: the device above them is predicted, and the
            // meters of its other branches, answering the ping with power, veto it
            StormFeeder feeder = feeders.get(feeders.size() - 1);
            for (String branch : feeder.siblings(random)) {
                faults.put(
                        branch,
                        feeder.devices.containsKey(branch)
                                ? feeder.devices.get(branch).path("type").asText()
                                : "TRANSFORMER");
                affected.put(branch, feeder.customersBelow(branch));
            }
        }
        if (plan.headEnd() != null) {
            // the head-end the storm's GridMend pings sees the faults' meters dark (meter number = customer number)
            plan.headEnd().restoreAll();
            affected.values()
                    .forEach(customers -> plan.headEnd()
                            .darken(customers.stream()
                                    .map(StormFeeder.Customer::customerNo)
                                    .toList()));
        }
        StormFeeder plannedFeeder = feeders.get(plan.faults());
        String plannedDevice = plannedFeeder.pick("FUSE", random);
        announcePlanned(plannedDevice);
        List<StormFeeder.Customer> plannedArea = plannedFeeder.customersBelow(plannedDevice);
        List<StormFeeder.Customer> quiet = new ArrayList<>();
        for (StormFeeder feeder : feeders.subList(plan.faults() + 1, feeders.size() - (sibling ? 1 : 0))) {
            quiet.addAll(feeder.oneCustomerPerTransformer());
        }
        progress.accept(String.format(
                Locale.ROOT,
                "storm: %d faults %s, planned outage on %s, %d affected " + "customers",
                faults.size(),
                faults,
                plannedDevice,
                affected.values().stream().mapToInt(List::size).sum()));

        List<Spec> schedule = new StormSchedule(plan, random).schedule(affected, plannedArea, quiet);
        progress.accept("storm: sending " + schedule.size() + " reports at " + plan.rate() + "/s from " + plan.clients()
                + " clients");
        List<Sent> sent = send(schedule);
        long sendNanos = sent.stream().mapToLong(Sent::sentAtNanos).max().orElse(0);
        long drainStart = System.nanoTime();
        boolean drained = drain();
        double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
        progress.accept(String.format(
                Locale.ROOT,
                "storm: processing %s %.1f s after the last report",
                drained ? "finished" : "did NOT finish",
                drainSeconds));
        return new StormChecks(plan, client, clients).verify(sent, faults, sendNanos, drainSeconds, drained, prefix);
    }

    private String importGrid() {
        String prefix =
                "S" + Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase(Locale.ROOT) + "-";
        // Latitudes of its own, north of every grid already there (half a degree per 20 feeders), so that
        // location-only reports cannot land on another grid's customers.
        int feedersThere = client.getStaff("/api/grid/feeders").body().size();
        double shift = 1 + Math.ceil(feedersThere / 20.0) * 0.5;
        GridDocument grid = DemoGrid.generate(prefix, plan.importRepeats(), plan.seed(), shift);
        progress.accept("storm: importing a grid of " + grid.feeders().size() + " feeders and "
                + grid.customers().size() + " customers under " + prefix);
        GridMendClient.Response response = client.postStaff("/api/grid/import", grid);
        if (response.status() != 200) {
            throw new IllegalStateException("grid import failed: " + response.status() + " " + response.body());
        }
        return prefix;
    }

    private void announcePlanned(String device) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));
        GridMendClient.Response response = client.postStaff(
                "/api/outage-notices",
                Map.of(
                        "type",
                        "PLANNED",
                        "deviceId",
                        device,
                        "start",
                        now.minusHours(1).toString(),
                        "expectedEnd",
                        now.plusHours(4).toString(),
                        "reason",
                        "计划检修"));
        if (response.status() != 201) {
            throw new IllegalStateException("planned notice failed: " + response.status() + " " + response.body());
        }
    }

    // --- the grid as the simulator sees it ---

    private List<StormFeeder> feeders(String prefix) {
        List<StormFeeder> feeders = new ArrayList<>();
        for (JsonNode f : client.getStaff("/api/grid/feeders").body()) {
            String id = f.path("id").asText();
            if (id.startsWith(prefix) && f.path("transformerCount").asInt() > 0) {
                feeders.add(new StormFeeder(
                        client.getStaff("/api/grid/feeders/" + id).body(), client));
            }
        }
        return feeders;
    }

    // --- the schedule ---

    // --- sending ---

    private List<Sent> send(List<Spec> schedule) {
        List<Sent> sent = Collections.synchronizedList(new ArrayList<>(schedule.size()));
        CountDownLatch done = new CountDownLatch(schedule.size());
        long start = System.nanoTime();
        long interval = 1_000_000_000L / plan.rate();
        AtomicInteger behind = new AtomicInteger();
        for (int i = 0; i < schedule.size(); i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                sleep(wait);
            } else if (-wait > 1_000_000_000L) {
                behind.incrementAndGet();
            }
            Spec spec = schedule.get(i);
            clients.execute(() -> {
                try {
                    sent.add(new Sent(spec, client.postPublic("/api/reports", spec.body()), System.nanoTime() - start));
                } finally {
                    done.countDown();
                }
            });
            if (i > 0 && i % (plan.rate() * 10) == 0) {
                progress.accept(String.format(
                        Locale.ROOT, "storm: %d reports sent after %.0f s", i, (System.nanoTime() - start) / 1e9));
            }
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (behind.get() > 0) {
            progress.accept("storm: the sender fell more than 1 s behind schedule " + behind.get() + " times");
        }
        return new ArrayList<>(sent);
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits until no FaultReport job and no meter ping is due any more: every report has been located, judged and
     * triaged, and every prediction checked with the meters.
     */
    private boolean drain() {
        long until = System.nanoTime() + plan.drainTimeout().toNanos();
        int quietPolls = 0;
        while (System.nanoTime() < until) {
            GridMendClient.Response count =
                    client.getStaff("/engine-rest/job/count?processDefinitionKey=FaultReport&executable=true");
            GridMendClient.Response pings = client.getStaff(
                    "/engine-rest/job/count?processDefinitionKey=RepairOrder&activityId=Task_PingMeters&executable=true");
            if (count.status() == 200
                    && count.body().path("count").asLong() == 0
                    && pings.status() == 200
                    && pings.body().path("count").asLong() == 0) {
                if (++quietPolls >= 2) {
                    return true;
                }
            } else {
                quietPolls = 0;
            }
            sleep(500_000_000L);
        }
        return false;
    }
}
