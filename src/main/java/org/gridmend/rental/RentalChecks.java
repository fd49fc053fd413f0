package org.gridmend.rental;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.gridmend.core.PlainText;
import org.gridmend.core.Refusal;

/** The checks of what renters, owners and rental staff send: each refusal names its field. */
final class RentalChecks {

    private RentalChecks() {}

    static String requestId(String requestId) {
        if (requestId == null || !requestId.matches("[A-Za-z0-9_-]{8,64}")) {
            throw Refusal.invalid("INVALID_FIELD", "requestId", "requestId must be 8 to 64 letters, digits, dashes");
        }
        return requestId;
    }

    static String text(String text, String field, int max) {
        if (text == null || text.isBlank()) {
            throw Refusal.invalid("MISSING_FIELD", field, field + " is required");
        }
        return optionalText(text, field, max);
    }

    static String optionalText(String text, String field, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (PlainText.problem(text) != null) {
            throw Refusal.invalid("INVALID_FIELD", field, field + " " + PlainText.problem(text));
        }
        if (PlainText.length(text) > max) {
            throw Refusal.invalid("INVALID_FIELD", field, field + " must not exceed " + max + " characters");
        }
        return text.strip();
    }

    /** An amount of yuan, 0 to {@code max}, kept to the fen. */
    static BigDecimal money(Number amount, String field, double min, double max) {
        if (amount == null) {
            throw Refusal.invalid("MISSING_FIELD", field, field + " is required (yuan)");
        }
        if (!Double.isFinite(amount.doubleValue()) || amount.doubleValue() < min || amount.doubleValue() > max) {
            throw Refusal.invalid(
                    "INVALID_FIELD", field, field + " must be " + plain(min) + " to " + plain(max) + " yuan");
        }
        return new BigDecimal(amount.toString()).setScale(2, RoundingMode.HALF_UP);
    }

    static int count(Integer value, String field, int min, int max) {
        if (value == null) {
            throw Refusal.invalid("MISSING_FIELD", field, field + " is required");
        }
        if (value < min || value > max) {
            throw Refusal.invalid("INVALID_FIELD", field, field + " must be " + min + " to " + max);
        }
        return value;
    }

    static LocalDate day(String text, String field) {
        if (text == null || text.isBlank()) {
            throw Refusal.invalid("MISSING_FIELD", field, field + " is required: a day like 2026-12-05");
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("INVALID_FIELD", field, field + " must be a day like 2026-12-05");
        }
    }

    static double latitude(Double lat, String field) {
        if (lat == null) {
            throw Refusal.invalid("MISSING_FIELD", field, field + " is required");
        }
        if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
            throw Refusal.invalid("INVALID_FIELD", field, field + " must be a latitude between -90 and 90");
        }
        return lat;
    }

    static double longitude(Double lng, String field) {
        if (lng == null) {
            throw Refusal.invalid("MISSING_FIELD", field, field + " is required");
        }
        if (!Double.isFinite(lng) || lng < -180 || lng > 180) {
            throw Refusal.invalid("INVALID_FIELD", field, field + " must be a longitude between -180 and 180");
        }
        return lng;
    }

    static boolean flag(Boolean value, String field) {
        if (value == null) {
            throw Refusal.invalid("MISSING_FIELD", field, field + " is required: true or false");
        }
        return value;
    }

    static <E extends Enum<E>> E choice(Class<E> type, Object value, String field) {
        try {
            return Enum.valueOf(type, String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(
                    value == null ? "MISSING_FIELD" : "INVALID_FIELD",
                    field,
                    field + " must be one of " + java.util.List.of(type.getEnumConstants()));
        }
    }

    static int stars(Integer stars) {
        return count(stars, "stars", 1, 5);
    }

    /** Kilometres between two points on the earth. */
    static double km(double lat1, double lng1, double lat2, double lng2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLng = Math.toRadians(lng2 - lng1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1))
                        * Math.cos(Math.toRadians(lat2))
                        * Math.sin(dLng / 2)
                        * Math.sin(dLng / 2);
        return 6371.0 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }

    private static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
