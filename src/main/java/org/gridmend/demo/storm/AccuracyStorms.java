package org.gridmend.demo.storm;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.gridmend.demo.DemoGrid;
import org.gridmend.demo.HeadEndSimulator;
import org.gridmend.grid.FeederTopology;
import org.gridmend.grid.GridDocument;

/**
 * The storm simulator's accuracy mode: storms on fresh copies of the demo grid with one random fault on each of
 * several feeders, at every level (transformer area, fuse, switch or recloser, breaker), reported by a share of the
 * customers it took out (from {@code minRate} to {@code maxRate} over the storms) in random order from many
 * clients. Afterwards every fault is scored: exactly one incident on the right device with all its reports, or
 * incidents on devices above or below it, and how many reports are misplaced. A {@link HeadEndSimulator} answers the
 * meter pings from the injected faults, or stays silent for a run without pings.
 */
public final class AccuracyStorms {

    static final List<String> LEVELS = List.of("TRANSFORMER", "FUSE", "SWITCH", "BREAKER");

    public record Plan(
            URI baseUrl,
            String user,
            String password,
            int storms,
            int faultsPerStorm,
            double minRate,
            double maxRate,
            int clients,
            long seed,
            Duration drainTimeout,
            HeadEndSimulator headEnd) {}

    /** One fault and what became of it. */
    public record Fault(
            String level,
            double rate,
            boolean everyAreaReported,
            int reports,
            boolean right,
            int incidentsAbove,
            int incidentsBelow,
            int misplaced) {}

    private final Plan plan;
    private final Consumer<String> progress;
    private final GridMendClient client;

    public AccuracyStorms(Plan plan, Consumer<String> progress) {
        this.plan = plan;
        this.progress = progress;
        this.client = new GridMendClient(plan.baseUrl(), plan.user(), plan.password());
    }

    public List<Fault> run() {
        List<Fault> faults = new ArrayList<>();
        for (int storm = 0; storm < plan.storms(); storm++) {
            double rate = plan.storms() == 1
                    ? plan.minRate()
                    : plan.minRate() + (plan.maxRate() - plan.minRate()) * storm / (plan.storms() - 1);
            faults.addAll(storm(storm, rate));
        }
        return faults;
    }

    record Sent(String fault, String reportId, String token) {}

    private List<Fault> storm(int number, double rate) {
        Random random = new Random(plan.seed() * 1000 + number);
        String prefix = "A" + Long.toString(Math.abs(plan.seed()) % 46656, 36).toUpperCase(Locale.ROOT) + "S"
                + number + "X"
                + Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase(Locale.ROOT)
                + "-";
        int feedersThere = client.getStaff("/api/grid/feeders").body().size();
        GridDocument grid =
                DemoGrid.generate(prefix, 1, plan.seed() + number, 1 + Math.ceil(feedersThere / 20.0) * 0.5);
        GridMendClient.Response imported = client.postStaff("/api/grid/import", grid);
        if (imported.status() != 200) {
            throw new IllegalStateException("grid import failed: " + imported.status() + " " + imported.body());
        }
        Map<String, FeederTopology> feeders = AccuracyGrid.topologies(grid);
        Map<String, List<String>> customersOf = new HashMap<>();
        grid.customers()
                .forEach(c -> customersOf
                        .computeIfAbsent(c.transformerId(), k -> new ArrayList<>())
                        .add(c.customerNo()));
        List<String> feederIds = new ArrayList<>(feeders.keySet());
        Collections.sort(feederIds);
        Collections.shuffle(feederIds, random);

        Map<String, String> levelOf = new LinkedHashMap<>();
        Map<String, FeederTopology> feederOf = new HashMap<>();
        List<Map.Entry<String, String>> reporters = new ArrayList<>();
        Map<String, Set<String>> reportedAreas = new HashMap<>();
        if (plan.headEnd() != null) {
            plan.headEnd().restoreAll();
        }
        for (String feederId : feederIds.subList(0, Math.min(plan.faultsPerStorm(), feederIds.size()))) {
            FeederTopology feeder = feeders.get(feederId);
            String level = LEVELS.get(random.nextInt(LEVELS.size()));
            String fault = AccuracyGrid.pick(feeder, level, random);
            levelOf.put(fault, level);
            feederOf.put(fault, feeder);
            reportedAreas.put(fault, ConcurrentHashMap.newKeySet());
            for (String area : new TreeSet<>(feeder.transformersBelow(fault))) {
                List<String> people = customersOf.getOrDefault(area, List.of());
                if (plan.headEnd() != null) {
                    plan.headEnd().darken(people);
                }
                for (String customer : people) {
                    if (random.nextDouble() < rate) {
                        reporters.add(Map.entry(fault, customer));
                        reportedAreas.get(fault).add(area);
                    }
                }
            }
        }
        Collections.shuffle(reporters, random);
        progress.accept(String.format(
                Locale.ROOT,
                "accuracy storm %d: %d faults %s, %d reports (%.0f%% of the " + "customers out)",
                number + 1,
                levelOf.size(),
                levelOf.values(),
                reporters.size(),
                rate * 100));
        List<Sent> sent = send(reporters);
        awaitTriage(sent);
        drain();
        return new AccuracyScore(client, progress).score(prefix, sent, levelOf, feederOf, reportedAreas, rate);
    }

    private List<Sent> send(List<Map.Entry<String, String>> reporters) {
        ExecutorService pool = Executors.newFixedThreadPool(plan.clients());
        try {
            List<Future<Sent>> futures = new ArrayList<>();
            for (Map.Entry<String, String> r : reporters) {
                futures.add(pool.submit(() -> {
                    Map<String, Object> body = Map.of(
                            "requestId",
                            UUID.randomUUID().toString(),
                            "channel",
                            "APP",
                            "customerNo",
                            r.getValue(),
                            "description",
                            "停电了");
                    GridMendClient.Response answer = client.postPublic("/api/reports", body);
                    if (answer.status() != 201) {
                        throw new IllegalStateException("report refused: " + answer.status() + " " + answer.body());
                    }
                    return new Sent(
                            r.getKey(),
                            answer.body().path("reportId").asText(),
                            answer.body().path("trackingToken").asText());
                }));
            }
            List<Sent> sent = new ArrayList<>();
            for (Future<Sent> f : futures) {
                sent.add(f.get());
            }
            return sent;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    /** Until every report is on an incident (or closed), or the drain timeout passes. */
    private void awaitTriage(List<Sent> sent) {
        long until = System.nanoTime() + plan.drainTimeout().toNanos();
        List<Sent> pending = new ArrayList<>(sent);
        while (!pending.isEmpty() && System.nanoTime() < until) {
            pending.removeIf(s -> {
                String status = client.getPublic("/api/reports/" + s.reportId() + "?token=" + s.token())
                        .body()
                        .path("status")
                        .asText();
                return !status.equals("RECEIVED") && !status.equals("LOCATING");
            });
            if (!pending.isEmpty()) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        if (!pending.isEmpty()) {
            progress.accept("  " + pending.size() + " reports still not triaged after the drain timeout");
        }
    }

    /** Until no FaultReport job and no meter ping is due, twice in a row. */
    private void drain() {
        long until = System.nanoTime() + plan.drainTimeout().toNanos();
        int quiet = 0;
        while (System.nanoTime() < until && quiet < 2) {
            long due = client.getStaff("/engine-rest/job/count?processDefinitionKey=FaultReport&executable=true")
                            .body()
                            .path("count")
                            .asLong()
                    + client.getStaff("/engine-rest/job/count?processDefinitionKey="
                                    + "RepairOrder&activityId=Task_PingMeters&executable=true")
                            .body()
                            .path("count")
                            .asLong();
            quiet = due == 0 ? quiet + 1 : 0;
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The accuracy table: per reporting rate and overall, split by whether every area below a fault reported. */
    public static String table(String title, List<Fault> faults) {
        StringBuilder out = new StringBuilder(title).append('\n');
        out.append(
                "| reporting rate | faults | every area reported | right device | above | below | misplaced reports |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        Map<String, List<Fault>> byRate = new TreeMap<>();
        for (Fault f : faults) {
            byRate.computeIfAbsent(String.format(Locale.ROOT, "%02.0f %%", f.rate() * 100), k -> new ArrayList<>())
                    .add(f);
        }
        byRate.forEach((rate, list) -> out.append(row(rate, list)));
        out.append(row(
                "all, every area below the fault reported",
                faults.stream().filter(Fault::everyAreaReported).toList()));
        out.append(row(
                "all, some area below the fault silent",
                faults.stream().filter(f -> !f.everyAreaReported()).toList()));
        out.append(row("**all**", faults));
        return out.toString();
    }

    private static String row(String label, List<Fault> faults) {
        long right = faults.stream().filter(Fault::right).count();
        long reports = faults.stream().mapToLong(Fault::reports).sum();
        long misplaced = faults.stream().mapToLong(Fault::misplaced).sum();
        return String.format(
                Locale.ROOT,
                "| %s | %d | %d | %d (%.0f %%) | %d | %d | %d of %d (%.1f %%) |%n",
                label,
                faults.size(),
                faults.stream().filter(Fault::everyAreaReported).count(),
                right,
                faults.isEmpty() ? 0.0 : 100.0 * right / faults.size(),
                faults.stream().mapToInt(Fault::incidentsAbove).sum(),
                faults.stream().mapToInt(Fault::incidentsBelow).sum(),
                misplaced,
                reports,
                reports == 0 ? 0.0 : 100.0 * misplaced / reports);
    }
}
