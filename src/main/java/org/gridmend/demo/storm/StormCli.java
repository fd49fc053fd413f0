package org.gridmend.demo.storm;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a storm against a running GridMend and prints the figures:
 * <pre>
 * mvn -q compile exec:java -Dexec.mainClass=org.gridmend.demo.storm.StormCli \
 *     -Dexec.args="--url http://localhost:8080 --user admin --password demo --faults 10 --rate 50 --duration 60"
 * </pre>
 * Options (defaults in brackets): --url, --user, --password (an admin: the simulator reads the archive, announces
 * a planned outage and, with --import, imports a grid), --faults [10], --levels [BREAKER,SWITCH,FUSE,TRANSFORMER],
 * --report-share [0.5] of the affected customers, --rate [50] reports/s, --duration [60] s, --clients [64],
 * --duplicates [0.1], --retries [0.02], --behind-meter [0.02], --planned [0.03], --location-only [0.1],
 * --import [0] grids of 20 feeders to import first (0: use the grid that is there), --seed [95598],
 * --drain-timeout [600] s. Exits 1 when the run was not clean.
 */
public final class StormCli {

    private StormCli() {}

    public static void main(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        StormPlan plan = StormPlan.against(
                        URI.create(options.getOrDefault("url", "http://localhost:8080/")),
                        options.getOrDefault("user", "admin"),
                        options.getOrDefault("password", "demo"))
                .faults(Integer.parseInt(options.getOrDefault("faults", "10")))
                .levels(List.of(options.getOrDefault("levels", "BREAKER,SWITCH,FUSE,TRANSFORMER")
                        .split(",")))
                .reportShare(Double.parseDouble(options.getOrDefault("report-share", "0.5")))
                .rate(
                        Integer.parseInt(options.getOrDefault("rate", "50")),
                        Integer.parseInt(options.getOrDefault("duration", "60")))
                .clients(Integer.parseInt(options.getOrDefault("clients", "64")))
                .duplicates(
                        Double.parseDouble(options.getOrDefault("duplicates", "0.1")),
                        Double.parseDouble(options.getOrDefault("retries", "0.02")))
                .oddReports(
                        Double.parseDouble(options.getOrDefault("behind-meter", "0.02")),
                        Double.parseDouble(options.getOrDefault("planned", "0.03")),
                        Double.parseDouble(options.getOrDefault("location-only", "0.1")))
                .seed(Long.parseLong(options.getOrDefault("seed", "95598")))
                .importRepeats(Integer.parseInt(options.getOrDefault("import", "0")))
                .drainTimeout(Duration.ofSeconds(Long.parseLong(options.getOrDefault("drain-timeout", "600"))))
                .build();
        System.out.println("storm plan: " + Arrays.toString(args));
        StormResult result = new StormSimulator(plan, System.out::println).run();
        System.out.print(result.summary());
        System.exit(result.clean() ? 0 : 1);
    }
}
