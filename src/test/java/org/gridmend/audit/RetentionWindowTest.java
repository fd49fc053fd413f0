package org.gridmend.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/** When the nightly clean-up may run: inside the window, also when it spans midnight. */
class RetentionWindowTest {

    private static RetentionService window(String start, String end) {
        return new RetentionService(
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                new RetentionProperties(Duration.ofDays(180), LocalTime.parse(start), LocalTime.parse(end), 1000),
                List.of(),
                null);
    }

    @Test
    void aWindowWithinOneNight() {
        RetentionService service = window("01:00", "05:00");
        assertThat(service.inWindow(LocalTime.parse("01:00"))).isTrue();
        assertThat(service.inWindow(LocalTime.parse("04:59"))).isTrue();
        assertThat(service.inWindow(LocalTime.parse("05:00"))).isFalse();
        assertThat(service.inWindow(LocalTime.parse("00:59"))).isFalse();
        assertThat(service.inWindow(LocalTime.parse("13:00"))).isFalse();
    }

    @Test
    void aWindowAcrossMidnight() {
        RetentionService service = window("23:00", "02:00");
        assertThat(service.inWindow(LocalTime.parse("23:30"))).isTrue();
        assertThat(service.inWindow(LocalTime.parse("00:30"))).isTrue();
        assertThat(service.inWindow(LocalTime.parse("02:00"))).isFalse();
        assertThat(service.inWindow(LocalTime.parse("22:59"))).isFalse();
    }

    @Test
    void historyTimeToLiveIsWholeDaysForCamunda() {
        assertThat(new RetentionProperties(Duration.ofDays(90), LocalTime.MIDNIGHT, LocalTime.NOON, 10)
                        .historyTimeToLiveDays())
                .isEqualTo(90);
        assertThat(new RetentionProperties(Duration.ofHours(5), LocalTime.MIDNIGHT, LocalTime.NOON, 10)
                        .historyTimeToLiveDays())
                .isEqualTo(1);
    }
}
