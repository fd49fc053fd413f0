package org.gridmend.rental;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.gridmend.customer.CustomerSession;

/** Rental items and customers for the rental tests. */
final class RentalFixture {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private RentalFixture() {}

    static CustomerSession customer() {
        return new CustomerSession(
                "+86139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)),
                List.of(),
                Instant.now().plusSeconds(3600));
    }

    static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    static ItemListing generator(double lat, double lng) {
        return new ItemListing(
                UUID.randomUUID().toString(),
                "GENERATOR",
                "玉柴 50 kW 柴油发电机",
                "50 kW",
                Map.of("powerKw", 50, "fuel", "DIESEL", "phases", "3"),
                lat,
                lng,
                "南关区仓库",
                800,
                5000,
                1,
                14,
                false,
                true);
    }

    static BookingRequest booking(String itemId, LocalDate from, LocalDate to, boolean installation) {
        return new BookingRequest(
                UUID.randomUUID().toString(), itemId, from.toString(), to.toString(), null, null, null, installation);
    }
}
