package org.gridmend.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import org.gridmend.customer.CustomerSession;
import org.gridmend.electrician.ElectricianApplication;
import org.gridmend.electrician.ElectricianEnrolmentService;
import org.gridmend.electrician.JobRequestService;
import org.gridmend.electrician.ServiceRequest;
import org.gridmend.security.StaffIdentitySetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo's social electricians: fifteen around the city centre with the skills of the fixed list, three whose
 * certificates expired (their processes suspend them at start) and two that expire within the warning time; el00001
 * is the visitor's to work in Tasklist (password demo), the others work their jobs by themselves
 * ({@link DemoElectricianSimulator}). Two customers have asked for one already.
 */
@Component
@Profile("demo")
class DemoElectricians {

    private static final Logger log = LoggerFactory.getLogger(DemoElectricians.class);
    static final int COUNT = 15;
    private static final String[] NAMES = {
        "王建国", "李卫东", "张志强", "刘海波", "陈国庆", "杨光明", "赵永刚", "黄振华", "周立新", "吴德胜", "徐长江", "孙宏伟", "马春生", "朱小军", "胡金山"
    };
    private static final List<List<String>> SKILLS = List.of(
            List.of("HOUSE_WIRING", "METER_BOX_BREAKER"),
            List.of("HOUSE_WIRING", "APPLIANCES"),
            List.of("EV_CHARGER", "HOUSE_WIRING"),
            List.of("DISTRIBUTION_ROOM", "METER_BOX_BREAKER"),
            List.of("HOUSE_WIRING", "METER_BOX_BREAKER", "APPLIANCES"));

    private final ElectricianEnrolmentService registry;
    private final JobRequestService jobs;
    private final StaffIdentitySetup staff;

    DemoElectricians(ElectricianEnrolmentService registry, JobRequestService jobs, StaffIdentitySetup staff) {
        this.registry = registry;
        this.jobs = jobs;
        this.staff = staff;
    }

    void load() {
        Random random = new Random(95598);
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        for (int i = 0; i < COUNT; i++) {
            double bearing = random.nextDouble() * 2 * Math.PI;
            double km = 1 + random.nextDouble() * 9;
            double lat = DemoGrid.CENTRE_LAT + km * Math.cos(bearing) / 111.2;
            double lng = DemoGrid.CENTRE_LNG
                    + km * Math.sin(bearing) / (111.2 * Math.cos(Math.toRadians(DemoGrid.CENTRE_LAT)));
            // three expired (suspended at start), two within the 30-day warning, the rest valid for years
            LocalDate expires = i >= 12
                    ? today.minusDays(10 + 20L * (i - 12))
                    : i >= 10 ? today.plusDays(12 + 5L * (i - 10)) : today.plusYears(1 + i % 3);
            boolean roundTheClock = i % 4 == 0;
            String id = registry.enrol(
                    String.format(Locale.ROOT, "+86139%08d", 40_000_000 + i),
                    new ElectricianApplication(
                            NAMES[i],
                            String.format(Locale.ROOT, "T2201%08d", 1000 + i),
                            i % 5 == 3 ? "HIGH_VOLTAGE" : "LOW_VOLTAGE",
                            expires.toString(),
                            SKILLS.get(i % SKILLS.size()),
                            new ElectricianApplication.Area(lat, lng, 12.0),
                            new ElectricianApplication.Hours(
                                    roundTheClock ? "00:00" : "07:00", roundTheClock ? "00:00" : "22:00")),
                    expires);
            staff.demoPassword(id.toLowerCase(Locale.ROOT));
        }
        request("+8613900000101", "HOUSE_WIRING", 0.01, "幸福路 18 号 2 单元 302", "厨房插座全部没电，空开一合就跳");
        request("+8613900000102", "EV_CHARGER", -0.015, "长春大街 66 号地下车库 B2-118", "新车位想装一个 7kW 充电桩");
        log.info("demo electricians enrolled count={}", COUNT);
    }

    private void request(String phone, String skill, double dLat, String address, String description) {
        jobs.request(
                new CustomerSession(phone, List.of(), Instant.now().plusSeconds(3600)),
                new ServiceRequest(
                        UUID.randomUUID().toString(),
                        "ELECTRICIAN",
                        skill,
                        new ServiceRequest.Location(DemoGrid.CENTRE_LAT + dLat, DemoGrid.CENTRE_LNG),
                        address,
                        description,
                        "TODAY"));
    }
}
