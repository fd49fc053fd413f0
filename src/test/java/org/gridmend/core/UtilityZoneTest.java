package org.gridmend.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Times people read and enter are the utility's, whatever zone the server or the browser is in. */
class UtilityZoneTest {

    private final UtilityZone china = UtilityZone.china();

    @Test
    void aTimeEnteredWithoutAnOffsetIsReadInTheUtilitysZone() {
        assertThat(china.parse("2026-12-02 20:00", "etr")).isEqualTo(Instant.parse("2026-12-02T12:00:00Z"));
        assertThat(china.parse("2026-12-02T20:00", "etr")).isEqualTo(Instant.parse("2026-12-02T12:00:00Z"));
        assertThat(china.parse("2026-12-02T20:00+00:00", "etr"))
                .as("an offset given is kept")
                .isEqualTo(Instant.parse("2026-12-02T20:00:00Z"));
        assertThatThrownBy(() -> china.parse("12/02/2026 8:00 PM", "etr"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("etr must be a date and time in China time");
        assertThatThrownBy(() -> china.parse(" ", "start")).hasMessage("start is required");
    }

    @Test
    void aTimeShownNamesTheZone() {
        Instant at = Instant.parse("2026-12-01T18:06:00Z");
        assertThat(china.show(at)).isEqualTo("12月2日 02:06（北京时间）");
        assertThat(china.showEnglish(at)).isEqualTo("2 Dec 02:06 (China time)");
        assertThat(china.showBoth(at)).isEqualTo("12月2日 02:06（北京时间, China time）");
        assertThat(china.show(null)).isEmpty();
    }

    @Test
    void anotherUtilitysZoneIsUsedAndNamed() {
        UtilityZone urumqi = new UtilityZone("Asia/Urumqi", "新疆时间", "Xinjiang time");
        assertThat(urumqi.show(Instant.parse("2026-12-01T18:06:00Z"))).isEqualTo("12月2日 00:06（新疆时间）");
        assertThat(urumqi.parse("2026-12-02 00:06", "etr")).isEqualTo(Instant.parse("2026-12-01T18:06:00Z"));
        assertThat(new UtilityZone("Europe/Berlin", "", "").nameEn()).isEqualTo("Europe/Berlin");
        assertThatThrownBy(() -> new UtilityZone("Mars/Olympus", "", ""))
                .hasMessageContaining("gridmend.zone must be a time zone id");
    }
}
