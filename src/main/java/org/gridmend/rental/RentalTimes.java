package org.gridmend.rental;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import org.gridmend.core.UtilityZone;
import org.springframework.stereotype.Component;

/** A booking's deadlines in the utility's zone: payment, handover, the return and its reminder, late days. */
@Component
class RentalTimes {

    static final Duration SOONEST = Duration.ofHours(2);
    static final Duration GRACE = Duration.ofHours(1);

    private final RentalProperties properties;
    private final UtilityZone zone;
    private final Clock clock;

    RentalTimes(RentalProperties properties, UtilityZone zone, Clock clock) {
        this.properties = properties;
        this.zone = zone;
        this.clock = clock;
    }

    private Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(zone.zone()).toInstant();
    }

    private Instant notBefore(Instant deadline) {
        Instant soonest = clock.instant().plus(SOONEST);
        return deadline.isBefore(soonest) ? soonest : deadline;
    }

    /** Payment is recorded by the first day's pay-by time, or within two hours of the confirmation if later. */
    Instant paymentDeadline(BookingRow row) {
        return notBefore(at(row.fromDay, properties.payBy()));
    }

    /** The item is handed over on its first day (or within two hours of the payment if that came later). */
    Instant handoverDeadline(BookingRow row) {
        return notBefore(at(row.fromDay.plusDays(1), LocalTime.MIDNIGHT));
    }

    /** The return time: the last day's return-by time. */
    Instant dueAt(BookingRow row) {
        return at(row.toDay, properties.returnBy());
    }

    Instant reminderAt(BookingRow row) {
        return dueAt(row).minus(properties.remindBefore());
    }

    /** Days started after the return time (an hour's grace), charged at the daily price. */
    int lateDays(BookingRow row, Instant returnedAt) {
        Duration late = Duration.between(dueAt(row), returnedAt);
        if (late.compareTo(GRACE) <= 0) {
            return 0;
        }
        return (int) ((late.toMinutes() + 24 * 60 - 1) / (24 * 60));
    }
}
