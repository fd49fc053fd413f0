package org.gridmend.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether a time a client sent can be true: not before GridMend's earliest date ({@code gridmend.time.earliest}, the
 * archive's start, default 2000-01-01), not later than a clock's drift ahead ({@code gridmend.time.future-margin},
 * default 5 minutes) when it says what happened, and not further ahead than its purpose allows when it plans. A time
 * outside is a 400 naming the field, never a row the database cannot hold.
 */
@Component
public class PlausibleTime {

    private final Instant earliest;
    private final Duration futureMargin;
    private final Clock clock;

    PlausibleTime(
            @Value("${gridmend.time.earliest:2000-01-01T00:00:00Z}") Instant earliest,
            @Value("${gridmend.time.future-margin:PT5M}") Duration futureMargin,
            Clock clock) {
        this.earliest = earliest;
        this.futureMargin = futureMargin;
        this.clock = clock;
    }

    /** Something that happened, at most {@code maxAge} ago (or any time since the earliest date when null). */
    public Instant happened(String field, Instant at, Duration maxAge) {
        Instant now = clock.instant();
        Instant oldest = maxAge == null ? earliest : now.minus(maxAge);
        if (at.isBefore(oldest.isAfter(earliest) ? oldest : earliest)) {
            throw Refusal.invalid(
                    "INVALID_FIELD",
                    field,
                    field + (maxAge == null ? " lies before " + earliest : " is more than " + words(maxAge) + " old"));
        }
        if (at.isAfter(now.plus(futureMargin))) {
            throw Refusal.invalid("INVALID_FIELD", field, field + " lies in the future");
        }
        return at;
    }

    /** Something planned: from the earliest date up to {@code within} from now. */
    public Instant planned(String field, Instant at, Duration within) {
        if (at.isBefore(earliest)) {
            throw Refusal.invalid("INVALID_FIELD", field, field + " lies before " + earliest);
        }
        if (at.isAfter(clock.instant().plus(within))) {
            throw Refusal.invalid("INVALID_FIELD", field, field + " lies more than " + words(within) + " ahead");
        }
        return at;
    }

    /** A bound of a search: any time from the earliest date to a year ahead. */
    public Instant bound(String field, Instant at) {
        return planned(field, at, Duration.ofDays(366));
    }

    private static String words(Duration d) {
        if (d.toDays() >= 365) {
            return d.toDays() / 365 == 1 ? "a year" : d.toDays() / 365 + " years";
        }
        if (d.toDays() >= 1) {
            return d.toDays() == 1 ? "a day" : d.toDays() + " days";
        }
        if (d.toHours() >= 1) {
            return d.toHours() == 1 ? "an hour" : d.toHours() + " hours";
        }
        return d.toMinutes() + " minutes";
    }
}
