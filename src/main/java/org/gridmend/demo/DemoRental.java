package org.gridmend.demo;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gridmend.core.UtilityZone;
import org.gridmend.customer.CustomerSession;
import org.gridmend.rental.BookingRequest;
import org.gridmend.rental.BookingView;
import org.gridmend.rental.Caller;
import org.gridmend.rental.Checklist;
import org.gridmend.rental.ItemListing;
import org.gridmend.rental.ItemView;
import org.gridmend.rental.RentalBookingService;
import org.gridmend.rental.RentalListingService;
import org.gridmend.rental.RentalPartyService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo's rental catalogue: the utility's generators, EVs, a charger, a transformer, switchgear, a cable reel and
 * an instrument around the city centre; three customers' listings approved by rental staff and one waiting for
 * review; and bookings on their way: one out with its renter, one waiting for rental staff in Tasklist, one
 * confirmed and waiting for payment, one closed and rated. Each went the real way. The utility's 30 kW generator is
 * left free for a visitor to book. Demo profile only.
 */
@Component
@Profile("demo")
class DemoRental {

    private static final Logger log = LoggerFactory.getLogger(DemoRental.class);
    private static final String STAFF = "rental";

    private final RentalListingService listings;
    private final RentalBookingService bookings;
    private final RentalPartyService parties;
    private final TaskService tasks;
    private final UtilityZone zone;

    DemoRental(
            RentalListingService listings,
            RentalBookingService bookings,
            RentalPartyService parties,
            TaskService tasks,
            UtilityZone zone) {
        this.listings = listings;
        this.bookings = bookings;
        this.parties = parties;
        this.tasks = tasks;
        this.zone = zone;
    }

    private static ItemListing item(
            String type,
            String title,
            String rating,
            Map<String, Object> spec,
            double dLat,
            double dLng,
            String place,
            int price,
            int deposit,
            boolean installation,
            Boolean declared) {
        return new ItemListing(
                UUID.randomUUID().toString(),
                type,
                title,
                rating,
                spec,
                DemoGrid.CENTRE_LAT + dLat,
                DemoGrid.CENTRE_LNG + dLng,
                place,
                price,
                deposit,
                1,
                14,
                installation,
                declared);
    }

    private static CustomerSession customer(String phone) {
        return new CustomerSession(phone, List.of(), Instant.now().plusSeconds(3600));
    }

    void load() {
        Caller staff = Caller.staff(STAFF);
        Map<String, Object> diesel30 = Map.of("powerKw", 30, "fuel", "DIESEL", "phases", "3");
        listings.addUtilityItem(
                STAFF,
                item(
                        "GENERATOR",
                        "康明斯 30 kW 静音柴油发电机",
                        "30 kW",
                        diesel30,
                        0.004,
                        0.006,
                        "长春供电公司南关物资仓库",
                        450,
                        3000,
                        false,
                        null));
        ItemView truck = listings.addUtilityItem(
                STAFF,
                item(
                        "GENERATOR",
                        "潍柴 100 kW 应急发电车",
                        "100 kW",
                        Map.of("powerKw", 100, "fuel", "DIESEL", "phases", "3"),
                        -0.01,
                        0.01,
                        "长春供电公司朝阳物资仓库",
                        1500,
                        10000,
                        true,
                        null));
        listings.addUtilityItem(
                STAFF,
                item(
                        "GENERATOR",
                        "玉柴 500 kW 发电车",
                        "500 kW",
                        Map.of("powerKw", 500, "fuel", "DIESEL", "phases", "3"),
                        0.02,
                        -0.01,
                        "长春供电公司绿园物资仓库",
                        5000,
                        30000,
                        true,
                        null));
        ItemView ev = listings.addUtilityItem(
                STAFF,
                item(
                        "EV",
                        "比亚迪 e6 电动汽车",
                        "5 座 seats",
                        Map.of("seats", 5, "rangeKm", 450, "batteryKwh", 80),
                        0.0,
                        0.0,
                        "供电营业厅停车场",
                        260,
                        3000,
                        false,
                        null));
        listings.addUtilityItem(
                STAFF,
                item(
                        "EV",
                        "五菱 电动面包车",
                        "2 座 seats",
                        Map.of("seats", 2, "rangeKm", 300, "batteryKwh", 42),
                        0.006,
                        -0.004,
                        "供电营业厅停车场",
                        180,
                        2000,
                        false,
                        null));
        ItemView charger = listings.addUtilityItem(
                STAFF,
                item(
                        "EV_CHARGER",
                        "移动充电桩 7 kW",
                        "7 kW",
                        Map.of("powerKw", 7, "connector", "GBT_AC"),
                        -0.004,
                        -0.006,
                        "供电营业厅",
                        60,
                        800,
                        true,
                        null));
        listings.addUtilityItem(
                STAFF,
                item(
                        "TRANSFORMER",
                        "箱式变电站 630 kVA",
                        "630 kVA",
                        Map.of("capacityKva", 630, "primaryKv", 10, "secondaryKv", 0.4),
                        -0.02,
                        0.02,
                        "朝阳物资仓库",
                        2200,
                        50000,
                        true,
                        null));
        listings.addUtilityItem(
                STAFF,
                item(
                        "SWITCHGEAR",
                        "10 kV 环网柜",
                        "10 kV 630 A",
                        Map.of("voltageKv", 10, "ratedCurrentA", 630),
                        -0.02,
                        0.021,
                        "朝阳物资仓库",
                        900,
                        20000,
                        true,
                        null));
        listings.addUtilityItem(
                STAFF,
                item(
                        "CABLE_REEL",
                        "YJV22 电缆盘 200 米",
                        "3×95 mm²",
                        Map.of("lengthM", 200, "crossSectionMm2", 95),
                        0.004,
                        0.0062,
                        "南关物资仓库",
                        150,
                        5000,
                        false,
                        null));
        listings.addUtilityItem(
                STAFF,
                item(
                        "MEASURING_INSTRUMENT",
                        "数字绝缘电阻测试仪",
                        "5 kV",
                        Map.of("instrument", "绝缘电阻测试仪", "range", "0–5 kV, 0–10 TΩ"),
                        0.004,
                        0.0064,
                        "南关物资仓库",
                        80,
                        1500,
                        false,
                        null));

        // customers' idle equipment: three approved by rental staff, one waiting for review
        ItemView gasoline = listed(
                "+8613900000201",
                item(
                        "GENERATOR",
                        "雅马哈 5 kW 汽油发电机",
                        "5 kW",
                        Map.of("powerKw", 5, "fuel", "GASOLINE", "phases", "1"),
                        0.012,
                        0.003,
                        "自由大路小区地下车库",
                        120,
                        1500,
                        false,
                        true),
                true);
        listed(
                "+8613900000202",
                item(
                        "EV_CHARGER",
                        "家用充电桩 7 kW（闲置）",
                        "7 kW",
                        Map.of("powerKw", 7, "connector", "GBT_AC"),
                        -0.008,
                        0.012,
                        "卫星路小区",
                        40,
                        500,
                        true,
                        true),
                true);
        listed(
                "+8613900000203",
                item(
                        "MEASURING_INSTRUMENT",
                        "钳形电流表",
                        "1000 A",
                        Map.of("instrument", "钳形电流表", "range", "0–1000 A"),
                        0.015,
                        -0.012,
                        "人民大街",
                        20,
                        300,
                        false,
                        true),
                true);
        listed(
                "+8613900000204",
                item(
                        "GENERATOR",
                        "本田 3 kW 变频发电机",
                        "3 kW",
                        Map.of("powerKw", 3, "fuel", "GASOLINE", "phases", "1"),
                        -0.013,
                        -0.01,
                        "净月大街",
                        90,
                        1000,
                        false,
                        true),
                false);

        LocalDate today = LocalDate.now(zone.zone());
        // out with its renter since today
        BookingView out = book("+8613900000211", truck, today, today.plusDays(2), false);
        confirmInTasklist(out);
        parties.payment(staff, out.id(), "BANK_TRANSFER");
        parties.handover(staff, out.id(), new Checklist("GOOD", 1250.0, "油箱满，附接地线 full tank, earthing lead", null));
        parties.signHandover(Caller.customer(customer("+8613900000211")), out.id());
        // waiting for rental staff in Tasklist
        book("+8613900000212", ev, nextSaturday(today), nextSaturday(today).plusDays(1), false);
        // a customer owner confirmed; payment to come
        BookingView confirmed = book("+8613900000213", gasoline, today.plusDays(3), today.plusDays(4), false);
        parties.answer(Caller.customer(customer("+8613900000201")), confirmed.id(), true, null);
        // closed and rated by its renter
        Caller renter = Caller.customer(customer("+8613900000214"));
        BookingView closed = book("+8613900000214", charger, today, today.plusDays(1), false);
        confirmInTasklist(closed);
        parties.payment(staff, closed.id(), "WECHAT");
        parties.handover(staff, closed.id(), new Checklist("GOOD", null, null, null));
        parties.signHandover(renter, closed.id());
        parties.returned(staff, closed.id(), new Checklist("GOOD", null, null, null));
        parties.rate(renter, closed.id(), 5, "充电很稳定 charged reliably");
        log.info("demo rental loaded bookings={}", 4);
    }

    private static LocalDate nextSaturday(LocalDate today) {
        LocalDate day = today.plusDays(1);
        while (day.getDayOfWeek() != java.time.DayOfWeek.SATURDAY) {
            day = day.plusDays(1);
        }
        return day.plusDays(7);
    }

    private ItemView listed(String phone, ItemListing listing, boolean approve) {
        CustomerSession owner = customer(phone);
        ItemView item = listings.list(owner, listing);
        listings.addPhoto(Caller.customer(owner), item.id(), photo(listing.title()));
        if (approve) {
            Task review = tasks.createTaskQuery()
                    .processInstanceBusinessKey(item.id())
                    .taskDefinitionKey("Task_ReviewRentalListing")
                    .singleResult();
            tasks.complete(review.getId(), Map.of("listingDecision", "APPROVE"));
        }
        return item;
    }

    private BookingView book(String phone, ItemView item, LocalDate from, LocalDate to, boolean installation) {
        return bookings.book(
                customer(phone),
                new BookingRequest(
                        UUID.randomUUID().toString(),
                        item.id(),
                        from.toString(),
                        to.toString(),
                        null,
                        null,
                        null,
                        installation));
    }

    private void confirmInTasklist(BookingView booking) {
        Task confirm = tasks.createTaskQuery()
                .processInstanceBusinessKey(booking.id())
                .taskDefinitionKey("Task_ConfirmRentalBooking")
                .singleResult();
        tasks.complete(confirm.getId(), Map.of("rentalDecision", "CONFIRM"));
    }

    /** A plain picture standing for the item's photo. */
    private static byte[] photo(String title) {
        BufferedImage image = new BufferedImage(480, 320, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xEA, 0xEE, 0xF2));
        g.fillRect(0, 0, 480, 320);
        g.setColor(new Color(0x1A, 0x7F, 0x37));
        g.fillRoundRect(60, 80, 360, 160, 24, 24);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 28));
        g.drawString("GridMend " + Math.abs(title.hashCode() % 1000), 110, 170);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
