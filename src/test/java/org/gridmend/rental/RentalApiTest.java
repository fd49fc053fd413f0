package org.gridmend.rental;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridmend.security.StaffIdentitySetup;
import org.gridmend.support.Await;
import org.gridmend.support.GridMendTest;
import org.gridmend.support.Http;
import org.gridmend.support.TestCustomers;
import org.gridmend.support.TestPhotos;
import org.gridmend.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rental through HTTP: a customer lists a generator that rental staff approve in Tasklist through
 * {@code /engine-rest}; another customer finds it for next weekend, books it, and the two go through confirmation,
 * payment, handover, return and ratings on the API, while a third customer, a renter of another item and anonymous
 * callers are kept out of the booking.
 */
@GridMendTest
class RentalApiTest {

    @LocalServerPort
    int port;

    @Autowired
    StaffIdentitySetup staff;

    @Autowired
    JdbcTemplate jdbc;

    Http anonymous;
    Http rental;
    double lat = 43.5 + ThreadLocalRandom.current().nextDouble() / 5;
    double lng = 125.5 + ThreadLocalRandom.current().nextDouble() / 5;

    @BeforeEach
    void setUp() {
        TestUsers.create(staff);
        anonymous = Http.anonymous(port);
        rental = anonymous.as("trental", TestUsers.PASSWORD);
    }

    private Http customer() {
        return TestCustomers.signIn(
                anonymous,
                jdbc,
                "135" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)));
    }

    private String task(String businessKey, String step) {
        String query = "/engine-rest/task?processInstanceBusinessKey=" + businessKey + "&taskDefinitionKey=" + step;
        Await.until(() -> rental.get(query).json().size() == 1, 30);
        return rental.get(query).json().get(0).path("id").asText();
    }

    static Map<String, Object> generator(double lat, double lng) {
        Map<String, Object> item = new HashMap<>();
        item.put("requestId", UUID.randomUUID().toString());
        item.put("type", "GENERATOR");
        item.put("title", "康明斯 30 kW 静音发电机");
        item.put("rating", "30 kW");
        item.put("spec", Map.of("powerKw", 30, "fuel", "DIESEL", "phases", "3"));
        item.put("lat", lat);
        item.put("lng", lng);
        item.put("place", "绿园区厂房");
        item.put("dailyPrice", 450);
        item.put("deposit", 3000);
        item.put("minDays", 1);
        item.put("maxDays", 7);
        item.put("needsInstallation", false);
        item.put("ownershipDeclared", true);
        return item;
    }

    private static LocalDate saturday() {
        LocalDate day = RentalFixture.today().plusDays(1);
        while (day.getDayOfWeek() != java.time.DayOfWeek.SATURDAY) {
            day = day.plusDays(1);
        }
        return day;
    }

    @Test
    void aCustomersGeneratorIsApprovedFoundBookedHandedOverReturnedAndRated() {
        Http owner = customer();
        Map<String, Object> listing = generator(lat, lng);
        listing.put("ownershipDeclared", false);
        Http.Response undeclared = owner.post("/api/rental/items", listing);
        assertThat(undeclared.status()).isEqualTo(400);
        assertThat(undeclared.json().path("field").asText()).isEqualTo("ownershipDeclared");
        listing.put("ownershipDeclared", true);
        listing.put("spec", Map.of("powerKw", 30, "fuel", "COAL", "phases", "3"));
        assertThat(owner.post("/api/rental/items", listing).json().path("field").asText())
                .isEqualTo("spec.fuel");
        listing.put("spec", Map.of("powerKw", 30, "fuel", "DIESEL", "phases", "3"));
        assertThat(anonymous.post("/api/rental/items", listing).status()).isEqualTo(401);
        Http.Response listed = owner.post("/api/rental/items", listing);
        assertThat(listed.status()).as(listed.body()).isEqualTo(201);
        String item = listed.json().path("id").asText();
        assertThat(owner.upload(
                                "/api/rental/items/" + item + "/photos",
                                "file",
                                "gen.jpg",
                                "image/jpeg",
                                TestPhotos.jpeg(800, 600),
                                Map.of())
                        .status())
                .isEqualTo(201);
        assertThat(anonymous.get("/api/rental/items/" + item).status()).isEqualTo(404);

        // rental staff review in Tasklist; a crew does not see the task
        assertThat(anonymous
                        .as(TestUsers.CREW, TestUsers.PASSWORD)
                        .get("/engine-rest/task?processInstanceBusinessKey=" + item)
                        .json())
                .isEmpty();
        assertThat(TestCustomers.submit(
                                rental, task(item, "Task_ReviewRentalListing"), Map.of("listingDecision", "APPROVE"))
                        .status())
                .isEqualTo(204);

        // a renter finds it for next weekend
        LocalDate saturday = saturday();
        String search = "/api/rental/items?type=GENERATOR&lat=" + lat + "&lng=" + lng + "&from=" + saturday + "&to="
                + saturday.plusDays(1);
        JsonNode found = anonymous.get(search).json();
        JsonNode hit = null;
        for (JsonNode i : found) {
            if (i.path("id").asText().equals(item)) {
                hit = i;
            }
        }
        assertThat(hit).as(found.toString()).isNotNull();
        assertThat(hit.path("price").decimalValue()).isEqualByComparingTo("900");
        assertThat(hit.path("owner").asText()).isEqualTo("CUSTOMER");
        assertThat(hit.toString()).doesNotContain("135");
        assertThat(anonymous
                        .get("/api/rental/items?type=GENERATOR&lat=" + lat + "&lng=" + lng + "&from=" + saturday
                                + "&to=" + saturday.minusDays(1))
                        .json()
                        .path("field")
                        .asText())
                .isEqualTo("to");

        Http renter = customer();
        Map<String, Object> booking = new HashMap<>();
        booking.put("requestId", UUID.randomUUID().toString());
        booking.put("itemId", item);
        booking.put("from", saturday.toString());
        booking.put("to", saturday.plusDays(1).toString());
        booking.put("installation", false);
        assertThat(anonymous.post("/api/rental/bookings", booking).status()).isEqualTo(401);
        Http.Response booked = renter.post("/api/rental/bookings", booking);
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        String id = booked.json().path("id").asText();
        assertThat(renter.post("/api/rental/bookings", booking)
                        .json()
                        .path("id")
                        .asText())
                .isEqualTo(id);
        assertThat(anonymous
                        .get("/api/rental/items/" + item)
                        .json()
                        .path("bookedDays")
                        .toString())
                .contains(saturday.toString());

        // strangers see nothing of it, and nobody but the owner confirms
        Http stranger = customer();
        assertThat(stranger.get("/api/rental/bookings/" + id).status()).isEqualTo(404);
        assertThat(stranger.post("/api/rental/bookings/" + id + "/answer", Map.of("confirm", true))
                        .status())
                .isEqualTo(404);
        assertThat(rental.get("/api/rental/bookings/" + id).status()).isEqualTo(404);
        assertThat(anonymous.get("/api/rental/bookings/" + id).status()).isEqualTo(401);
        assertThat(renter.post("/api/rental/bookings/" + id + "/answer", Map.of("confirm", true))
                        .status())
                .isEqualTo(403);
        Http.Response taken = stranger.post(
                "/api/rental/bookings",
                Map.of(
                        "requestId",
                        UUID.randomUUID().toString(),
                        "itemId",
                        item,
                        "from",
                        saturday.plusDays(1).toString(),
                        "to",
                        saturday.plusDays(2).toString(),
                        "installation",
                        false));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().path("conflictingDays").toString())
                .contains(saturday.plusDays(1).toString());

        JsonNode seen = owner.get("/api/rental/bookings/" + id).json();
        assertThat(seen.path("party").asText()).isEqualTo("OWNER");
        assertThat(seen.path("renter").path("phone").asText()).contains("****");
        assertThat(seen.path("actions").toString()).contains("ANSWER");
        assertThat(owner.post("/api/rental/bookings/" + id + "/answer", Map.of("confirm", true))
                        .status())
                .isEqualTo(200);
        JsonNode confirmed = renter.get("/api/rental/bookings/" + id).json();
        assertThat(confirmed.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmed.path("owner").path("phone").asText()).isNotBlank();

        assertThat(renter.post("/api/rental/bookings/" + id + "/payment", Map.of("method", "CASH"))
                        .status())
                .isEqualTo(403);
        assertThat(owner.post("/api/rental/bookings/" + id + "/payment", Map.of("method", "GOLD"))
                        .json()
                        .path("field")
                        .asText())
                .isEqualTo("method");
        assertThat(owner.post("/api/rental/bookings/" + id + "/payment", Map.of("method", "WECHAT"))
                        .status())
                .isEqualTo(200);
        assertThat(renter.post("/api/rental/bookings/" + id + "/handover/signature", null)
                        .status())
                .isEqualTo(409);
        assertThat(owner.post("/api/rental/bookings/" + id + "/handover", Map.of("condition", "GOOD"))
                        .json()
                        .path("field")
                        .asText())
                .isEqualTo("reading");
        assertThat(owner.post("/api/rental/bookings/" + id + "/handover", Map.of("condition", "GOOD", "reading", 312.5))
                        .status())
                .isEqualTo(200);
        assertThat(renter.upload(
                                "/api/rental/bookings/" + id + "/photos",
                                "file",
                                "h.jpg",
                                "image/jpeg",
                                TestPhotos.jpeg(640, 480),
                                Map.of())
                        .status())
                .isEqualTo(201);
        assertThat(renter.post("/api/rental/bookings/" + id + "/handover/signature", null)
                        .status())
                .isEqualTo(200);
        assertThat(owner.post("/api/rental/items/" + item + "/availability", Map.of("action", "WITHDRAW"))
                        .json()
                        .path("error")
                        .asText())
                .isEqualTo("BOOKING_RUNNING");
        assertThat(owner.post("/api/rental/bookings/" + id + "/return", Map.of("condition", "GOOD", "reading", 300))
                        .json()
                        .path("field")
                        .asText())
                .isEqualTo("reading");
        assertThat(owner.post("/api/rental/bookings/" + id + "/return", Map.of("condition", "GOOD", "reading", 330))
                        .status())
                .isEqualTo(200);
        Await.until(
                () -> renter.get("/api/rental/bookings/" + id)
                        .json()
                        .path("status")
                        .asText()
                        .equals("CLOSED"),
                30);
        assertThat(renter.post("/api/rental/bookings/" + id + "/rating", Map.of("stars", 9))
                        .json()
                        .path("field")
                        .asText())
                .isEqualTo("stars");
        assertThat(renter.post("/api/rental/bookings/" + id + "/rating", Map.of("stars", 5, "comment", "准时 on time"))
                        .status())
                .isEqualTo(200);
        assertThat(owner.post("/api/rental/bookings/" + id + "/rating", Map.of("stars", 5))
                        .status())
                .isEqualTo(200);
        JsonNode done = renter.get("/api/rental/bookings/" + id).json();
        assertThat(done.path("ratings").path("ownerStars").asInt()).isEqualTo(5);
        assertThat(done.path("timeline").size()).isGreaterThan(5);
        assertThat(renter.get("/api/rental/bookings")
                        .json()
                        .path("rented")
                        .get(0)
                        .path("id")
                        .asText())
                .isEqualTo(id);
        assertThat(owner.get("/api/rental/bookings")
                        .json()
                        .path("ofMyItems")
                        .get(0)
                        .path("id")
                        .asText())
                .isEqualTo(id);

        // rental staff's overview and the auditors' trace
        assertThat(rental.get("/api/rental/admin/bookings?status=CLOSED").body())
                .contains(id);
        assertThat(rental.get("/api/rental/admin/months?month="
                                + saturday.toString().substring(0, 7))
                        .body())
                .contains(item);
        assertThat(anonymous
                        .as(TestUsers.AUDITOR, TestUsers.PASSWORD)
                        .get("/api/audit/rentals/" + id + "/trace")
                        .body())
                .contains("RENTAL_BOOKED", "RENTAL_HANDED_OVER", "RENTAL_CLOSED");
    }

    @Test
    void rentalStaffActAsTheOwnerOfTheUtilitysItemsOnly() {
        Http.Response added = rental.post("/api/rental/admin/items", generator(lat, lng));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        String item = added.json().path("id").asText();
        assertThat(added.json().path("status").asText()).isEqualTo("AVAILABLE");
        assertThat(customer()
                        .post("/api/rental/admin/items", generator(lat, lng))
                        .status())
                .isEqualTo(401);
        assertThat(anonymous
                        .as(TestUsers.DISPATCHER, TestUsers.PASSWORD)
                        .get("/api/rental/admin/items")
                        .status())
                .isEqualTo(403);
        Http renter = customer();
        LocalDate from = RentalFixture.today().plusDays(20);
        String id = renter.post(
                        "/api/rental/bookings",
                        Map.of(
                                "requestId",
                                UUID.randomUUID().toString(),
                                "itemId",
                                item,
                                "from",
                                from.toString(),
                                "to",
                                from.toString(),
                                "installation",
                                false))
                .json()
                .path("id")
                .asText();
        assertThat(rental.get("/api/rental/bookings/" + id)
                        .json()
                        .path("actions")
                        .toString())
                .contains("ANSWER_IN_TASKLIST");
        // staff outside the rental group are not the utility's owner side
        assertThat(anonymous
                        .as(TestUsers.DISPATCHER, TestUsers.PASSWORD)
                        .get("/api/rental/bookings/" + id)
                        .status())
                .isEqualTo(404);
        assertThat(anonymous
                        .as(TestUsers.DISPATCHER, TestUsers.PASSWORD)
                        .post("/api/rental/bookings/" + id + "/payment", Map.of("method", "CASH"))
                        .status())
                .isEqualTo(404);
        assertThat(rental.post("/api/rental/bookings/" + id + "/answer", Map.of("confirm", true))
                        .status())
                .isEqualTo(409);
        assertThat(TestCustomers.submit(
                                rental, task(id, "Task_ConfirmRentalBooking"), Map.of("rentalDecision", "CONFIRM"))
                        .status())
                .isEqualTo(204);
        assertThat(rental.post("/api/rental/bookings/" + id + "/payment", Map.of("method", "BANK_TRANSFER"))
                        .status())
                .isEqualTo(200);
        assertThat(renter.post("/api/rental/bookings/" + id + "/cancel", null).status())
                .isEqualTo(200);
        assertThat(renter.get("/api/rental/bookings/" + id)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("CANCELLED");
        assertThat(rental.post("/api/rental/items/" + item + "/availability", Map.of("action", "WITHDRAW"))
                        .status())
                .isEqualTo(200);
        assertThat(anonymous.get("/api/rental/items/" + item).status()).isEqualTo(404);
    }
}
