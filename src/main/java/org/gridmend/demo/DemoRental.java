package org.gridmend.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

    private static CustomerSession customer(String phone) {
        return new CustomerSession(phone, List.of(), Instant.now().plusSeconds(3600));
    }

    void load() {
        Caller staff = Caller.staff(STAFF);
        List<ItemListing> utility = DemoRentalItems.utility();
        List<ItemView> added =
                utility.stream().map(i -> listings.addUtilityItem(STAFF, i)).toList();
        ItemView truck = added.get(1);
        ItemView ev = added.get(3);
        ItemView charger = added.get(5);

        // customers' idle equipment: three approved by rental staff, one waiting for review
        ItemView gasoline = listed(
                "+8613900000201",
                DemoRentalItems.item(
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
                DemoRentalItems.item(
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
                DemoRentalItems.item(
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
                DemoRentalItems.item(
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
        listings.addPhoto(Caller.customer(owner), item.id(), DemoRentalItems.photo(listing.title()));
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
}
