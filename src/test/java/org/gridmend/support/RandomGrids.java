package org.gridmend.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.gridmend.grid.AreaType;
import org.gridmend.grid.DeviceType;
import org.gridmend.grid.FeederTopology;
import org.gridmend.grid.GridDocument;
import org.gridmend.grid.TransformerSummary;

/**
 * Random feeders of the shapes outage prediction must handle: fuses under breakers, switches and reclosers with two
 * to six areas, single-area branches, chains of single-child devices, and feeders with areas straight below them
 * (no breaker). Ids are {@code <prefix>-<name>}, customers {@code <prefix><area>c<n>}; the same seed gives the same
 * feeder under any prefix.
 */
public final class RandomGrids {

    /** A generated feeder: the archive document, and each area with its number of customers. */
    public record Feeder(String prefix, GridDocument document, List<String> areas, List<Integer> customers) {

        public String id(String name) {
            return prefix + "-" + name;
        }

        public String customer(String area, int n) {
            return prefix + area.substring(prefix.length() + 1) + "c" + n;
        }

        public int customersOf(String area) {
            return customers.get(areas.indexOf(area));
        }

        public FeederTopology topology() {
            List<TransformerSummary> summaries = new ArrayList<>();
            for (GridDocument.Transformer t : document.transformers()) {
                summaries.add(new TransformerSummary(
                        t.id(),
                        t.name(),
                        t.feederId(),
                        t.parentId(),
                        t.areaType(),
                        t.lat(),
                        t.lng(),
                        customersOf(t.id())));
            }
            return FeederTopology.of(prefix + "-F", document.devices(), summaries);
        }
    }

    private RandomGrids() {}

    public static Feeder feeder(String prefix, long seed) {
        Random random = new Random(seed);
        double lat = 20 + random.nextDouble() * 30;
        double lng = 75 + random.nextDouble() * 50;
        Builder b = new Builder(prefix, random, lat, lng);
        String feeder = prefix + "-F";
        if (random.nextInt(5) == 0) {
            // no breaker: areas and branches straight below the feeder
            b.areas(null, 2 + random.nextInt(3));
            b.branch(null, 1);
        } else {
            String breaker = b.device(DeviceType.BREAKER, null);
            int branches = 2 + random.nextInt(3);
            for (int i = 0; i < branches; i++) {
                b.branch(breaker, 1);
            }
            if (random.nextBoolean()) {
                b.areas(breaker, 1 + random.nextInt(2));
            }
        }
        List<GridDocument.Customer> customers = new ArrayList<>();
        for (int i = 0; i < b.areas.size(); i++) {
            GridDocument.Transformer t = b.transformers.get(i);
            for (int c = 1; c <= b.counts.get(i); c++) {
                customers.add(new GridDocument.Customer(
                        prefix + t.name() + "c" + c, null, null, t.id(), t.lat() + 0.00001 * c, t.lng(), null));
            }
        }
        GridDocument doc = new GridDocument(
                List.of(),
                List.of(new GridDocument.Substation(prefix + "-SS", null, lat, lng)),
                List.of(new GridDocument.Feeder(feeder, null, prefix + "-SS")),
                b.devices,
                b.transformers,
                customers,
                List.of());
        return new Feeder(prefix, doc, b.areas, b.counts);
    }

    private static final class Builder {
        final String prefix;
        final Random random;
        final double lat;
        final double lng;
        final List<GridDocument.Device> devices = new ArrayList<>();
        final List<GridDocument.Transformer> transformers = new ArrayList<>();
        final List<String> areas = new ArrayList<>();
        final List<Integer> counts = new ArrayList<>();
        int next;

        Builder(String prefix, Random random, double lat, double lng) {
            this.prefix = prefix;
            this.random = random;
            this.lat = lat;
            this.lng = lng;
        }

        String device(DeviceType type, String parent) {
            String id = prefix + "-" + type.name().charAt(0) + (++next);
            devices.add(new GridDocument.Device(id, type, prefix + "-F", parent, lat + 0.001 * next, lng));
            return id;
        }

        void areas(String parent, int n) {
            for (int i = 0; i < n; i++) {
                String name = "T" + (++next);
                String id = prefix + "-" + name;
                transformers.add(new GridDocument.Transformer(
                        id, name, prefix + "-F", parent, AreaType.URBAN, lat + 0.001 * next, lng + 0.001));
                areas.add(id);
                counts.add(2 + random.nextInt(9));
            }
        }

        /** A branch below {@code parent}: a switch or recloser with fuses and areas, a fuse, a single area, or a chain. */
        void branch(String parent, int depth) {
            switch (random.nextInt(depth > 2 ? 2 : 5)) {
                case 0 -> areas(device(DeviceType.FUSE, parent), 2 + random.nextInt(3));
                case 1 -> areas(device(DeviceType.FUSE, parent), 1);
                case 2 -> {
                    String sw = device(random.nextBoolean() ? DeviceType.SWITCH : DeviceType.RECLOSER, parent);
                    areas(sw, 2 + random.nextInt(5));
                }
                case 3 -> {
                    String sw = device(DeviceType.SWITCH, parent);
                    for (int i = 0, n = 2 + random.nextInt(2); i < n; i++) {
                        branch(sw, depth + 1);
                    }
                    if (random.nextBoolean()) {
                        areas(sw, 1);
                    }
                }
                default -> branch(device(DeviceType.SWITCH, parent), depth + 1); // a chain: a single-child switch
            }
        }
    }
}
