package org.gridmend.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.gridmend.grid.AreaType;
import org.gridmend.grid.DeviceType;
import org.gridmend.grid.GeoMath;
import org.gridmend.grid.GeoPoint;
import org.gridmend.grid.GridDocument;
import org.gridmend.grid.GridDocument.Crew;
import org.gridmend.grid.GridDocument.Customer;
import org.gridmend.grid.GridDocument.Device;
import org.gridmend.grid.GridDocument.Feeder;
import org.gridmend.grid.GridDocument.Station;
import org.gridmend.grid.GridDocument.Substation;
import org.gridmend.grid.GridDocument.Transformer;
import org.gridmend.grid.Skill;

/**
 * A synthetic but plausible distribution grid around Changchun (43.88N, 125.32E), the same every time: three
 * substations, twenty radial feeders, each with a feeder breaker, two sectionalising switches (and a recloser on
 * long rural lines) along its trunk, fused branches, fifteen transformer areas per feeder and some 20,000
 * customers. Areas are URBAN within 6 km of the city centre, RURAL within 18 km and REMOTE beyond. Four supply
 * stations hold five crews each; crew {@code C-nn} works as Camunda user {@code crewnn}.
 */
public final class DemoGrid {

    public static final double CENTRE_LAT = 43.88;
    public static final double CENTRE_LNG = 125.32;
    public static final int FEEDERS = 20;
    public static final int TRANSFORMERS_PER_FEEDER = 15;
    public static final int CREWS = 20;

    private static final long SEED = 95598L;
    private static final double METRES_PER_DEGREE_LAT = 111_195;

    private static final String[][] SUBSTATIONS = {
        {"SS-NG", "南关变电站", "43.872", "125.338", "7"},
        {"SS-LY", "绿园变电站", "43.893", "125.262", "7"},
        {"SS-ED", "二道变电站", "43.866", "125.401", "6"},
    };
    private static final String[][] STATIONS = {
        {"ST-NG", "南关供电所", "43.861", "125.331"},
        {"ST-LY", "绿园供电所", "43.902", "125.276"},
        {"ST-ED", "二道供电所", "43.874", "125.386"},
        {"ST-SY", "双阳供电所", "43.690", "125.430"},
    };
    private static final String[] SURNAMES = {
        "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"
    };
    private static final String[] GIVEN = {
        "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "桂英", "建华", "志强",
        "海燕", "国庆", "春梅"
    };
    private static final String[] STREETS = {
        "人民大街", "亚泰大街", "自由大路", "解放大路", "西安大路", "繁荣路", "卫星路", "临河街", "东盛大街", "南湖大路", "普阳街", "吉林大路", "硅谷大街", "前进大街"
    };
    private static final String[] PHONE_PREFIXES = {
        "130", "131", "132", "135", "136", "137", "138", "139", "150", "151", "155", "158", "186", "187", "189"
    };

    private final Random random;
    private final String prefix;
    private final int repeats;
    private final double latitudeShift;

    private DemoGrid(String prefix, int repeats, long seed, double latitudeShift) {
        this.prefix = prefix;
        this.repeats = repeats;
        this.random = new Random(seed);
        this.latitudeShift = latitudeShift;
    }

    /** The demo grid: 3 substations, 20 feeders, 300 transformer areas, about 20,000 customers. */
    public static GridDocument generate() {
        return new DemoGrid("", 1, SEED, 0).build();
    }

    /**
     * A bigger grid of the same shape for storm runs: the three substations' feeders {@code repeats} times over
     * (20 feeders each time, each copy half a degree further north), every id under {@code prefix} and every
     * position {@code latitudeShift} degrees north, so that it sits beside the demo grid (and earlier storm grids)
     * without sharing a street. No stations or crews.
     */
    public static GridDocument generate(String prefix, int repeats, long seed, double latitudeShift) {
        GridDocument grid = new DemoGrid(prefix, repeats, seed, latitudeShift).build();
        return new GridDocument(
                List.of(),
                grid.substations(),
                grid.feeders(),
                grid.devices(),
                grid.transformers(),
                grid.customers(),
                List.of());
    }

    private GridDocument build() {
        List<Substation> substations = new ArrayList<>();
        List<Feeder> feeders = new ArrayList<>();
        List<Device> devices = new ArrayList<>();
        List<Transformer> transformers = new ArrayList<>();
        List<Customer> customers = new ArrayList<>();

        int feederNo = 0;
        int transformerNo = 0;
        long customerNo = 2_200_000_000L;
        for (int round = 0; round < repeats; round++) {
            for (String[] s : SUBSTATIONS) {
                double sLat = Double.parseDouble(s[2]) + latitudeShift + round * 0.5;
                double sLng = Double.parseDouble(s[3]);
                String substationId = prefix + s[0] + (round == 0 ? "" : "-" + round);
                substations.add(new Substation(substationId, s[1], sLat, sLng));
                int count = Integer.parseInt(s[4]);
                for (int k = 0; k < count; k++) {
                    feederNo++;
                    String feederId = prefix + String.format(Locale.ROOT, "F-%02d", feederNo);
                    feeders.add(new Feeder(
                            feederId,
                            s[1].replace("变电站", "") + String.format(Locale.ROOT, "%02d线", k + 1),
                            substationId));
                    // Feeders fan out from their substation; every third is a long line into the countryside.
                    double bearing = 2 * Math.PI * k / count + random.nextDouble() * 0.4;
                    double lengthM = feederNo % 3 == 0
                            ? 26_000 + random.nextDouble() * 14_000
                            : 4_000 + random.nextDouble() * 9_000;

                    String breaker = feederId + "-CB";
                    devices.add(new Device(breaker, DeviceType.BREAKER, feederId, null, sLat, sLng));
                    GeoPoint sw1 = along(sLat, sLng, bearing, lengthM / 3);
                    GeoPoint sw2 = along(sLat, sLng, bearing, 2 * lengthM / 3);
                    devices.add(
                            new Device(feederId + "-SW1", DeviceType.SWITCH, feederId, breaker, sw1.lat(), sw1.lng()));
                    String lastSection = feederId + "-SW2";
                    String secondParent = feederId + "-SW1";
                    if (lengthM > 20_000) {
                        GeoPoint rc = along(sLat, sLng, bearing, lengthM / 2);
                        devices.add(new Device(
                                feederId + "-RC1", DeviceType.RECLOSER, feederId, secondParent, rc.lat(), rc.lng()));
                        secondParent = feederId + "-RC1";
                    }
                    devices.add(
                            new Device(lastSection, DeviceType.SWITCH, feederId, secondParent, sw2.lat(), sw2.lng()));

                    // Three sections along the trunk, each with two fused branches; transformers hang on the trunk
                    // or on a branch.
                    String[] sectionHeads = {breaker, feederId + "-SW1", lastSection};
                    for (int section = 0; section < 3; section++) {
                        List<String> parents = new ArrayList<>();
                        parents.add(sectionHeads[section]);
                        for (int b = 1; b <= 2; b++) {
                            String fuseId = String.format(Locale.ROOT, "%s-FU%d%d", feederId, section + 1, b);
                            GeoPoint at =
                                    along(sLat, sLng, bearing + (b == 1 ? 0.15 : -0.15), lengthM * (section + 0.5) / 3);
                            devices.add(new Device(
                                    fuseId, DeviceType.FUSE, feederId, sectionHeads[section], at.lat(), at.lng()));
                            parents.add(fuseId);
                        }
                        for (int i = 0; i < TRANSFORMERS_PER_FEEDER / 3; i++) {
                            transformerNo++;
                            String parent = parents.get(i % parents.size());
                            double distance = lengthM * (section + (i + 0.5) / (TRANSFORMERS_PER_FEEDER / 3.0)) / 3;
                            double side = (i % parents.size() == 1 ? 0.15 : i % parents.size() == 2 ? -0.15 : 0);
                            GeoPoint at = along(sLat, sLng, bearing + side + jitter(0.03), distance);
                            AreaType area = areaOf(at.lat() - latitudeShift - round * 0.5, at.lng());
                            String id = prefix + String.format(Locale.ROOT, "T-%04d", transformerNo);
                            transformers.add(new Transformer(
                                    id,
                                    String.format(
                                            Locale.ROOT,
                                            "%s%s%d号台区",
                                            STREETS[transformerNo % STREETS.length],
                                            area == AreaType.URBAN ? "小区" : "村",
                                            transformerNo),
                                    feederId,
                                    parent,
                                    area,
                                    at.lat(),
                                    at.lng()));
                            int homes = customersFor(area);
                            double spread = area == AreaType.URBAN ? 150 : area == AreaType.RURAL ? 350 : 600;
                            for (int h = 0; h < homes; h++) {
                                customerNo++;
                                GeoPoint home = along(
                                        at.lat(),
                                        at.lng(),
                                        random.nextDouble() * 2 * Math.PI,
                                        random.nextDouble() * spread);
                                customers.add(new Customer(
                                        prefix + customerNo,
                                        name(),
                                        phone(),
                                        id,
                                        home.lat(),
                                        home.lng(),
                                        address(area, transformerNo, h)));
                            }
                        }
                    }
                }
            }
        }
        return new GridDocument(stations(), substations, feeders, devices, transformers, customers, crews());
    }

    private List<Station> stations() {
        List<Station> stations = new ArrayList<>();
        for (String[] s : STATIONS) {
            stations.add(new Station(s[0], s[1], Double.parseDouble(s[2]), Double.parseDouble(s[3])));
        }
        return stations;
    }

    private List<Crew> crews() {
        List<Crew> crews = new ArrayList<>();
        for (int i = 1; i <= CREWS; i++) {
            String[] station = STATIONS[(i - 1) / (CREWS / STATIONS.length)];
            GeoPoint home = along(
                    Double.parseDouble(station[2]),
                    Double.parseDouble(station[3]),
                    random.nextDouble() * 2 * Math.PI,
                    random.nextDouble() * 800);
            List<Skill> skills = i % 2 == 0 ? List.of(Skill.LV, Skill.MV) : List.of(Skill.LV);
            crews.add(new Crew(
                    String.format(Locale.ROOT, "C-%02d", i),
                    String.format(Locale.ROOT, "%04d", 370 + i),
                    name(),
                    phone(),
                    station[0],
                    String.format(Locale.ROOT, "crew%02d", i),
                    skills,
                    home.lat(),
                    home.lng()));
        }
        return crews;
    }

    private int customersFor(AreaType area) {
        int base = switch (area) {
            case URBAN -> 95;
            case RURAL -> 50;
            case REMOTE -> 28;
        };
        return (int) Math.round(base * (0.75 + random.nextDouble() * 0.5));
    }

    static AreaType areaOf(double lat, double lng) {
        double fromCentre = GeoMath.distanceM(CENTRE_LAT, CENTRE_LNG, lat, lng);
        if (fromCentre < 6_000) {
            return AreaType.URBAN;
        }
        return fromCentre < 18_000 ? AreaType.RURAL : AreaType.REMOTE;
    }

    private String name() {
        return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
    }

    private String phone() {
        return PHONE_PREFIXES[random.nextInt(PHONE_PREFIXES.length)]
                + String.format(Locale.ROOT, "%08d", random.nextInt(100_000_000));
    }

    private String address(AreaType area, int transformerNo, int home) {
        String street = STREETS[(transformerNo * 7 + home) % STREETS.length];
        if (area == AreaType.URBAN) {
            return String.format(
                    Locale.ROOT,
                    "长春市%s%d号%d栋%d单元%d室",
                    street,
                    100 + transformerNo,
                    1 + home / 24,
                    1 + (home / 6) % 4,
                    101 + home % 6);
        }
        return String.format(Locale.ROOT, "长春市郊%s%d号台区%d组%d号", street, transformerNo, 1 + home / 10, 1 + home);
    }

    private double jitter(double max) {
        return (random.nextDouble() * 2 - 1) * max;
    }

    /** The point {@code metres} from (lat, lng) along {@code bearing} (radians from north), flat-earth close enough. */
    private static GeoPoint along(double lat, double lng, double bearing, double metres) {
        double dLat = metres * Math.cos(bearing) / METRES_PER_DEGREE_LAT;
        double dLng = metres * Math.sin(bearing) / (METRES_PER_DEGREE_LAT * Math.cos(Math.toRadians(lat)));
        return new GeoPoint(round(lat + dLat), round(lng + dLng));
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }
}
