package org.gridmend.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import org.gridmend.core.UtilityZone;
import org.junit.jupiter.api.Test;

/** Rating requests wait out the night (China time); everything else goes at once. */
class QuietHoursTest {

    private final NotifyProperties properties = new NotifyProperties(
            new NotifyProperties.Gateway("", "", "", Duration.ofSeconds(2), Duration.ofSeconds(5)),
            new NotifyProperties.Gateway("", "", "", Duration.ofSeconds(2), Duration.ofSeconds(5)),
            true,
            8,
            100,
            Duration.ofMillis(200),
            Duration.ofMinutes(2),
            Duration.ofSeconds(10),
            10,
            Duration.ofSeconds(5),
            Duration.ofMinutes(30),
            Duration.ofMinutes(30),
            new NotifyProperties.QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0)),
            "【供电服务】",
            new NotifyProperties.Streams(
                    Duration.ofSeconds(2), 500, 3, 20, Duration.ofMinutes(30), Duration.ofSeconds(15)),
            new NotifyProperties.Corroboration(2));
    private final Outbox service = new Outbox(null, properties, null, Clock.systemUTC(), UtilityZone.china());

    private static Instant china(String dateTime) {
        return ZonedDateTime.parse(dateTime + "+08:00[Asia/Shanghai]").toInstant();
    }

    @Test
    void lateEveningWaitsForEightTheNextMorning() {
        assertThat(service.afterQuietHours(china("2026-11-29T23:15:00"))).isEqualTo(china("2026-11-30T08:00:00"));
        assertThat(service.afterQuietHours(china("2026-11-29T22:00:00"))).isEqualTo(china("2026-11-30T08:00:00"));
    }

    @Test
    void earlyMorningWaitsForEightTheSameMorning() {
        assertThat(service.afterQuietHours(china("2026-11-30T03:40:00"))).isEqualTo(china("2026-11-30T08:00:00"));
        assertThat(service.afterQuietHours(china("2026-11-30T07:59:59"))).isEqualTo(china("2026-11-30T08:00:00"));
    }

    @Test
    void daytimeGoesAtOnce() {
        Instant noon = china("2026-11-30T12:00:00");
        assertThat(service.afterQuietHours(noon)).isEqualTo(noon);
        assertThat(service.afterQuietHours(china("2026-11-30T08:00:00"))).isEqualTo(china("2026-11-30T08:00:00"));
        assertThat(service.afterQuietHours(china("2026-11-30T21:59:59"))).isEqualTo(china("2026-11-30T21:59:59"));
    }

    @Test
    void retriesWaitLongerEachTimeUpToTheLimit() {
        assertThat(properties.backoff(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.backoff(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.backoff(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(properties.backoff(12)).isEqualTo(Duration.ofMinutes(30));
    }
}
