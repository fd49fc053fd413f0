package org.gridmend.process;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.gridmend.core.UtilityZone;

/** A date and time as Camunda Forms and the API send it: with an offset, or as local time in China. */
public final class FormTimes {

    private FormTimes() {}

    /** The instant; {@link IllegalArgumentException} naming the field when the text is missing or no time. */
    public static Instant parse(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        String trimmed = text.trim();
        try {
            return OffsetDateTime.parse(trimmed).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(trimmed).atZone(UtilityZone.ZONE).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(field + " must be a date and time, such as 2026-11-29T14:20+08:00");
            }
        }
    }
}
