package org.gridmend.support;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.gridmend.grid.AreaType;
import org.gridmend.grid.DeviceType;
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
 * A small grid with known geometry, its ids under a prefix so that tests can share a database (MariaDB keeps what
 * earlier runs wrote):
 * <pre>
 * substation P-SS ─ feeder P-F ─ breaker P-CB ─ switch P-SW ─ fuse P-FU ─ transformer P-T1 (3 customers, 111 m N)
 *                                     │               └─ transformer P-T2 (2 customers, ~385 m E at 30°N)
 *                                     └─ transformer P-T3 (1 customer without coordinates, 1112 m S)
 * </pre>
 */
public final class TestGrids {

    private TestGrids() {}

    public static String prefix() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 7);
    }

    public static GridDocument small(String p, double lat, double lng) {
        List<Customer> customers = List.of(
                new Customer(p + "C1", "王伟", "13812345678", p + "-T1", lat + 0.0011, lng, "长春市人民大街1号"),
                new Customer(p + "C2", "李芳", "13912345678", p + "-T1", lat + 0.0012, lng + 0.0001, "长春市人民大街2号"),
                new Customer(p + "C3", "张敏", "13712345678", p + "-T1", lat + 0.0009, lng - 0.0001, "长春市人民大街3号"),
                new Customer(p + "C4", "刘强", "15012345678", p + "-T2", lat, lng + 0.0041, "长春市郊2号"),
                new Customer(p + "C5", "陈静", "15112345678", p + "-T2", lat + 0.0001, lng + 0.0042, "长春市郊3号"),
                new Customer(p + "C6", "杨磊", "18612345678", p + "-T3", null, null, "长春市郊4号"));
        return new GridDocument(
                List.of(new Station(p + "-ST", "测试供电所", lat, lng)),
                List.of(new Substation(p + "-SS", "测试变电站", lat, lng)),
                List.of(new Feeder(p + "-F", "测试01线", p + "-SS")),
                List.of(
                        new Device(p + "-CB", DeviceType.BREAKER, p + "-F", null, lat, lng),
                        new Device(p + "-SW", DeviceType.SWITCH, p + "-F", p + "-CB", lat, lng + 0.002),
                        new Device(p + "-FU", DeviceType.FUSE, p + "-F", p + "-SW", lat + 0.0005, lng)),
                List.of(
                        new Transformer(p + "-T1", "一号台区", p + "-F", p + "-FU", AreaType.URBAN, lat + 0.001, lng),
                        new Transformer(p + "-T2", "二号台区", p + "-F", p + "-SW", AreaType.RURAL, lat, lng + 0.004),
                        new Transformer(p + "-T3", "三号台区", p + "-F", p + "-CB", AreaType.REMOTE, lat - 0.01, lng)),
                customers,
                List.of(new Crew(
                        p + "-C",
                        p.toUpperCase(Locale.ROOT),
                        "赵军",
                        "13000000000",
                        p + "-ST",
                        null,
                        List.of(Skill.LV),
                        lat,
                        lng)));
    }
}
