package org.gridmend.rental;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.gridmend.security.StaffIdentitySetup;
import org.gridmend.support.Await;
import org.gridmend.support.Http;
import org.gridmend.support.MariaDbTest;
import org.gridmend.support.TestCustomers;
import org.gridmend.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fifty renters' threads book overlapping days of three items at once on a real MariaDB: no item-day is ever held
 * twice, every booking that lost is answered 409 with the days that were taken, and a hold whose owner did not
 * answer is released by its timer so that the days can be booked again.
 */
@MariaDbTest
class RentalConcurrencyMariaDbIT {

    static final int THREADS = 50;

    @LocalServerPort
    int port;

    @Autowired
    StaffIdentitySetup staff;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    record Try(String item, LocalDate from, LocalDate to, Http.Response response) {}

    @Test
    void fiftyConcurrentBookingsNeverHoldOneItemDayTwice() throws Exception {
        TestUsers.create(staff);
        Http anonymous = Http.anonymous(port);
        Http rental = anonymous.as("trental", TestUsers.PASSWORD);
        double lat = 43.2 + ThreadLocalRandom.current().nextDouble() / 5;
        double lng = 125.9 + ThreadLocalRandom.current().nextDouble() / 5;
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            items.add(rental.post("/api/rental/admin/items", RentalApiTest.generator(lat, lng))
                    .json()
                    .path("id")
                    .asText());
        }
        List<Http> renters = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            renters.add(TestCustomers.signIn(
                    anonymous,
                    jdbc,
                    "134" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000))));
        }
        LocalDate start = RentalFixture.today().plusDays(40);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Try>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Http renter = renters.get(t % renters.size());
            String item = items.get(t % items.size());
            LocalDate from = start.plusDays(ThreadLocalRandom.current().nextInt(8));
            LocalDate to = from.plusDays(ThreadLocalRandom.current().nextInt(4));
            futures.add(pool.submit(() -> {
                Map<String, Object> booking = new HashMap<>();
                booking.put("requestId", UUID.randomUUID().toString());
                booking.put("itemId", item);
                booking.put("from", from.toString());
                booking.put("to", to.toString());
                booking.put("installation", false);
                go.await();
                return new Try(item, from, to, renter.post("/api/rental/bookings", booking));
            }));
        }
        go.countDown();
        List<Try> tries = new ArrayList<>();
        for (Future<Try> f : futures) {
            tries.add(f.get());
        }
        pool.shutdown();

        int won = 0;
        int refused = 0;
        for (Try t : tries) {
            int status = t.response().status();
            assertThat(status).as(t.response().body()).isIn(201, 409);
            if (status == 201) {
                won++;
                continue;
            }
            refused++;
            JsonNode error = t.response().json();
            assertThat(error.path("error").asText()).isEqualTo("DAYS_TAKEN");
            assertThat(error.path("conflictingDays").size()).isPositive();
            for (JsonNode day : error.path("conflictingDays")) {
                LocalDate d = LocalDate.parse(day.asText());
                assertThat(d).isBetween(t.from(), t.to());
                assertThat(jdbc.queryForObject(
                                "SELECT COUNT(*) FROM gm_rental_day WHERE item_id = ? AND rent_day = ?",
                                Integer.class,
                                Long.parseLong(t.item().substring(3)),
                                d))
                        .as("the day %s that refused a booking of %s is held", d, t.item())
                        .isEqualTo(1);
            }
        }
        assertThat(won).isGreaterThanOrEqualTo(3);
        assertThat(refused).isPositive();
        System.out.printf(
                "%d concurrent bookings of 3 items: %d held, %d refused with their days%n", THREADS, won, refused);

        for (String item : items) {
            long id = Long.parseLong(item.substring(3));
            List<LocalDate[]> held = jdbc.query(
                    "SELECT from_day, to_day FROM gm_rental_booking WHERE item_id = ? AND status = 'HELD'",
                    (rs, i) -> new LocalDate[] {rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)},
                    id);
            for (int a = 0; a < held.size(); a++) {
                for (int b = a + 1; b < held.size(); b++) {
                    boolean overlap =
                            !held.get(a)[1].isBefore(held.get(b)[0]) && !held.get(b)[1].isBefore(held.get(a)[0]);
                    assertThat(overlap)
                            .as("two held bookings of %s overlap", item)
                            .isFalse();
                }
            }
            int days = held.stream()
                    .mapToInt(h -> (int) (h[1].toEpochDay() - h[0].toEpochDay() + 1))
                    .sum();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM gm_rental_day WHERE item_id = ?", Integer.class, id))
                    .isEqualTo(days);
        }

        // nobody confirms one of them: its timer releases the hold and the days can be booked again
        Try winner = tries.stream()
                .filter(t -> t.response().status() == 201)
                .findFirst()
                .orElseThrow();
        String booking = winner.response().json().path("id").asText();
        String instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(booking)
                .singleResult()
                .getId();
        Job timer =
                management.createJobQuery().processInstanceId(instance).timers().singleResult();
        management.setJobDuedate(timer.getId(), new Date());
        Http renter = renters.get(0);
        Await.until(
                () -> jdbc.queryForObject(
                                "SELECT status FROM gm_rental_booking WHERE id = ?",
                                String.class,
                                Long.parseLong(booking.substring(2)))
                        .equals("LAPSED"),
                60);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM gm_rental_day WHERE booking_id = ?",
                        Integer.class,
                        Long.parseLong(booking.substring(2))))
                .isZero();
        Http.Response again = renter.post(
                "/api/rental/bookings",
                Map.of(
                        "requestId",
                        UUID.randomUUID().toString(),
                        "itemId",
                        winner.item(),
                        "from",
                        winner.from().toString(),
                        "to",
                        winner.to().toString(),
                        "installation",
                        false));
        assertThat(again.status()).as(again.body()).isEqualTo(201);
    }
}
