package org.gridmend.demo.storm;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gridmend.demo.HeadEndSimulator;

/**
 * The accuracy mode against a running GridMend, with this program as its AMI head-end:
 * <pre>
 * mvn spring-boot:run -Dspring-boot.run.arguments=--gridmend.ami.url=http://127.0.0.1:8099
 * mvn -q compile exec:java -Dexec.mainClass=org.gridmend.demo.storm.AccuracyCli \
 *     -Dexec.args="--url http://localhost:8080 --user admin --password demo --storms 20 --faults 6"
 * </pre>
 * Options (defaults in brackets): --url, --user, --password (an admin: each storm imports a fresh copy of the demo
 * grid), --storms [20], --faults [6] per storm, --min-rate [0.05] and --max-rate [0.60] of the customers out who
 * report, --clients [16], --seed [95598], --head-end-port [8099] (where this program answers pings from the
 * injected faults), --pings [true] (false: every meter unreachable), --drain-timeout [300] s. Prints the table.
 */
public final class AccuracyCli {

    private AccuracyCli() {}

    public static void main(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            o.put(args[i].substring(2), args[i + 1]);
        }
        try (HeadEndSimulator headEnd = new HeadEndSimulator()) {
            headEnd.serve(Integer.parseInt(o.getOrDefault("head-end-port", "8099")));
            headEnd.silent(!Boolean.parseBoolean(o.getOrDefault("pings", "true")));
            AccuracyStorms.Plan plan = new AccuracyStorms.Plan(
                    URI.create(o.getOrDefault("url", "http://localhost:8080/")),
                    o.getOrDefault("user", "admin"),
                    o.getOrDefault("password", "demo"),
                    Integer.parseInt(o.getOrDefault("storms", "20")),
                    Integer.parseInt(o.getOrDefault("faults", "6")),
                    Double.parseDouble(o.getOrDefault("min-rate", "0.05")),
                    Double.parseDouble(o.getOrDefault("max-rate", "0.60")),
                    Integer.parseInt(o.getOrDefault("clients", "16")),
                    Long.parseLong(o.getOrDefault("seed", "95598")),
                    Duration.ofSeconds(Long.parseLong(o.getOrDefault("drain-timeout", "300"))),
                    headEnd);
            List<AccuracyStorms.Fault> faults = new AccuracyStorms(plan, System.out::println).run();
            System.out.print(AccuracyStorms.table(
                    "Accuracy (" + (headEnd.asked() > 0 ? headEnd.asked() + " meters asked" : "no pings") + "):",
                    faults));
        }
    }
}
