package org.gridmend.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.gridmend.grid.AreaType;
import org.gridmend.grid.DeviceType;
import org.gridmend.grid.GridDocument;
import org.gridmend.grid.GridImportService;
import org.gridmend.security.StaffIdentitySetup;
import org.gridmend.support.Http;
import org.gridmend.support.TestGrids;
import org.gridmend.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * How long an archive of 100,000 customers takes to import: first as new records, then again as updates, through
 * the HTTP API (JSON parsing, validation and writing) on the database of the subclass. Prints its figures; asserts
 * nothing about time. Run with {@code mvn verify -Pbenchmark -Dit.test='GridImport*Benchmark'}.
 */
abstract class GridImportBenchmarkBase {

    static final int CUSTOMERS = 100_000;
    static final int TRANSFORMERS = 1_500;

    @LocalServerPort
    int port;

    @Autowired
    StaffIdentitySetup staff;

    @Autowired
    GridImportService importer;

    abstract String database();

    @Test
    void import100kCustomers() {
        TestUsers.create(staff);
        Http admin = Http.anonymous(port).as(TestUsers.ADMIN, TestUsers.PASSWORD);
        GridDocument doc = document(TestGrids.prefix());

        long started = System.nanoTime();
        Http.Response inserted = admin.post("/api/grid/import", doc);
        double insertSeconds = (System.nanoTime() - started) / 1e9;
        started = System.nanoTime();
        Http.Response updated = admin.post("/api/grid/import", doc);
        double updateSeconds = (System.nanoTime() - started) / 1e9;
        if (inserted.status() != 200 || updated.status() != 200) {
            throw new AssertionError("import failed: " + inserted + " / " + updated);
        }
        System.out.printf(
                Locale.ROOT,
                "%nBENCHMARK grid import on %s, %d cores, %s%n",
                database(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        System.out.printf(
                Locale.ROOT,
                "  %,d customers, %,d transformers, new:     %.1f s (%,.0f customers/s)%n",
                CUSTOMERS,
                TRANSFORMERS,
                insertSeconds,
                CUSTOMERS / insertSeconds);
        System.out.printf(
                Locale.ROOT,
                "  %,d customers, %,d transformers, updates: %.1f s (%,.0f customers/s)%n",
                CUSTOMERS,
                TRANSFORMERS,
                updateSeconds,
                CUSTOMERS / updateSeconds);
        System.out.println(
                "  reproduce: mvn verify -Pbenchmark -Dit.test=" + getClass().getSimpleName());
    }

    static GridDocument document(String p) {
        Random random = new Random(7);
        List<GridDocument.Feeder> feeders = new ArrayList<>();
        List<GridDocument.Device> devices = new ArrayList<>();
        List<GridDocument.Transformer> transformers = new ArrayList<>();
        List<GridDocument.Customer> customers = new ArrayList<>();
        for (int f = 0; f < 50; f++) {
            String feeder = p + "-F" + f;
            feeders.add(new GridDocument.Feeder(feeder, "Feeder " + f, p + "-SS"));
            devices.add(new GridDocument.Device(feeder + "-CB", DeviceType.BREAKER, feeder, null, null, null));
            devices.add(new GridDocument.Device(feeder + "-FU", DeviceType.FUSE, feeder, feeder + "-CB", null, null));
        }
        for (int t = 0; t < TRANSFORMERS; t++) {
            String feeder = p + "-F" + (t % 50);
            double lat = 40 + random.nextDouble();
            double lng = 120 + random.nextDouble();
            transformers.add(new GridDocument.Transformer(
                    p + "-T" + t, "台区" + t, feeder, feeder + "-FU", AreaType.values()[t % 3], lat, lng));
        }
        for (int c = 0; c < CUSTOMERS; c++) {
            GridDocument.Transformer t = transformers.get(c % TRANSFORMERS);
            customers.add(new GridDocument.Customer(
                    p + String.format(Locale.ROOT, "%08d", c),
                    "张三",
                    String.format(Locale.ROOT, "139%08d", c),
                    t.id(),
                    t.lat() + random.nextDouble() * 0.002,
                    t.lng() + random.nextDouble() * 0.002,
                    "长春市人民大街" + c + "号"));
        }
        return new GridDocument(
                List.of(),
                List.of(new GridDocument.Substation(p + "-SS", "Bench", 40.5, 120.5)),
                feeders,
                devices,
                transformers,
                customers,
                List.of());
    }
}
