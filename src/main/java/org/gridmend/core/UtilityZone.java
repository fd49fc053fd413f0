package org.gridmend.core;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The utility's time zone ({@code gridmend.zone}, China Standard Time unless set): every time shown to a person is
 * in it and says so, and every time a person enters without an offset is read in it, whatever the zone of the
 * browser or of the server. The API itself keeps ISO-8601 with an offset.
 */
@Component
public class UtilityZone {

    /** China Standard Time, the zone of State Grid's utilities. */
    public static final String CHINA = "Asia/Shanghai";

    private static final DateTimeFormatter ENTERED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;
    private final String nameZh;
    private final String nameEn;
    private final DateTimeFormatter shortZh;
    private final DateTimeFormatter shortEn;

    public UtilityZone(
            @Value("${gridmend.zone:" + CHINA + "}") String zone,
            @Value("${gridmend.zone-name.zh:}") String nameZh,
            @Value("${gridmend.zone-name.en:}") String nameEn) {
        try {
            this.zone = ZoneId.of(zone.trim());
        } catch (DateTimeException e) {
            throw new IllegalStateException(
                    "gridmend.zone must be a time zone id such as Asia/Shanghai, not '" + zone + "'", e);
        }
        boolean china = this.zone.getId().equals(CHINA);
        this.nameZh = !nameZh.isBlank() ? nameZh.trim() : china ? "北京时间" : this.zone.getId();
        this.nameEn = !nameEn.isBlank() ? nameEn.trim() : china ? "China time" : this.zone.getId();
        this.shortZh = DateTimeFormatter.ofPattern("M月d日 HH:mm", Locale.SIMPLIFIED_CHINESE)
                .withZone(this.zone);
        this.shortEn = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.UK).withZone(this.zone);
    }

    /** China's zone, for code and tests outside a Spring context. */
    public static UtilityZone china() {
        return new UtilityZone(CHINA, "", "");
    }

    public ZoneId zone() {
        return zone;
    }

    /** The zone as people call it: 北京时间. */
    public String nameZh() {
        return nameZh;
    }

    /** The zone as people call it in English: China time. */
    public String nameEn() {
        return nameEn;
    }

    /** A time as people read it, with the zone named: 12月2日 02:06（北京时间）. Empty for none. */
    public String show(Instant instant) {
        return instant == null ? "" : shortZh.format(instant) + "（" + nameZh + "）";
    }

    /** The same in English: 2 Dec 02:06 (China time). */
    public String showEnglish(Instant instant) {
        return instant == null ? "" : shortEn.format(instant) + " (" + nameEn + ")";
    }

    /** Both, for the staff's bilingual forms: 12月2日 02:06（北京时间, China time）. */
    public String showBoth(Instant instant) {
        return instant == null ? "" : shortZh.format(instant) + "（" + nameZh + ", " + nameEn + "）";
    }

    /**
     * A time a person entered: with an offset (the API's ISO-8601), or without one ({@code 2026-12-02 20:00} or
     * {@code 2026-12-02T20:00}, as forms send it), which is read in the utility's zone. {@link
     * IllegalArgumentException} naming the field when it is missing or no time.
     */
    public Instant parse(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        String trimmed = text.trim();
        try {
            return OffsetDateTime.parse(trimmed).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                LocalDateTime local = trimmed.length() == 16 && trimmed.charAt(10) == ' '
                        ? LocalDateTime.parse(trimmed, ENTERED)
                        : LocalDateTime.parse(trimmed);
                return local.atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(field + " must be a date and time in " + nameEn
                        + ", such as 2026-11-29 14:20, or ISO-8601 with an offset");
            }
        }
    }
}
