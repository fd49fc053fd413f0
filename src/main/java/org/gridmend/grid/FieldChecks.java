package org.gridmend.grid;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.gridmend.core.PlainText;
import org.gridmend.core.Refusal.Problem;

/**
 * The field checks of an archive document, and the problems they found: each problem names the record
 * ({@code transformers[3]}) and the field, in one wording for every list; at most {@link #MAX_PROBLEMS} are kept.
 */
class FieldChecks {

    static final int MAX_PROBLEMS = 100;

    private static final Pattern ID = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._:/#-]*");
    private static final Pattern CAMUNDA_USER_ID = Pattern.compile("[a-zA-Z0-9]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{2,30}");

    private final List<Problem> problems = new ArrayList<>();

    /** A check of one record of a list, at {@code at} ({@code crews[2]}). */
    interface RecordCheck<T> {
        void check(String at, int index, T record);
    }

    /** Runs the check on every record of the list; an empty (null) record is a problem of its own. */
    <T> void each(List<T> records, String list, RecordCheck<T> check) {
        for (int i = 0; i < records.size(); i++) {
            T record = records.get(i);
            String at = list + "[" + i + "]";
            if (record == null) {
                problem(at, at + " is empty");
            } else {
                check.check(at, i, record);
            }
        }
    }

    List<Problem> problems() {
        return List.copyOf(problems);
    }

    void problem(String field, String message) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new Problem(field, message));
        }
    }

    boolean id(String at, String field, String what, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            problem(at + "." + field, at + ": " + field + " is required");
            return false;
        }
        if (value.length() > maxLength || !ID.matcher(value).matches()) {
            problem(
                    at + "." + field,
                    what + " '" + abbreviate(value) + "': " + field + " must be at most " + maxLength
                            + " letters, digits and . _ : / # - (starting with a letter or digit)");
            return false;
        }
        return true;
    }

    boolean camundaUserId(String at, String what, String userId) {
        if (!CAMUNDA_USER_ID.matcher(userId).matches() || userId.length() > 64) {
            problem(at + ".userId", what + ": userId must be a Camunda user id (at most 64 letters and digits)");
            return false;
        }
        return true;
    }

    boolean unique(Map<String, Integer> seen, String key, int index, String list, String field, String what) {
        Integer first = seen.putIfAbsent(key, index);
        if (first != null) {
            problem(
                    list + "[" + index + "]." + field,
                    what + " " + key + " appears twice (" + list + "[" + first + "] and " + list + "[" + index + "])");
            return false;
        }
        return true;
    }

    boolean required(String at, String field, String what, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            problem(at + "." + field, what + ": " + field + " is required");
            return false;
        }
        return true;
    }

    /** A required reference ({@code feederId}) to a {@code kind} that the document or the archive must hold. */
    void reference(String at, String field, String what, String kind, String id, Set<String> known) {
        if (required(at, field, what, id) && !known.contains(id)) {
            missing(at, field, what, kind, id);
        }
    }

    /** The referenced {@code kind} is in neither the document nor the archive. */
    void missing(String at, String field, String what, String kind, String id) {
        problem(at + "." + field, what + ": " + kind + " " + id + " is neither in the document nor in the archive");
    }

    void text(String at, String field, String what, String value, int maxLength) {
        if (value != null && PlainText.length(value) > maxLength) {
            problem(at + "." + field, what + ": " + field + " must be at most " + maxLength + " characters");
        }
    }

    void phone(String at, String what, String phone) {
        if (phone != null && !PHONE.matcher(phone).matches()) {
            problem(at + ".phone", what + ": phone must be digits, spaces or dashes, optionally after a +");
        }
    }

    void position(String at, String what, Double lat, Double lng, boolean requiredPosition) {
        if (requiredPosition) {
            required(at, "lat", what, lat);
            required(at, "lng", what, lng);
        } else if ((lat == null) != (lng == null)) {
            problem(at + "." + (lat == null ? "lat" : "lng"), what + ": give both lat and lng, or neither");
        }
        if (lat != null && !(lat >= -90 && lat <= 90)) {
            problem(at + ".lat", what + ": lat must be between -90 and 90 (WGS-84 degrees), not " + lat);
        }
        if (lng != null && !(lng >= -180 && lng <= 180)) {
            problem(at + ".lng", what + ": lng must be between -180 and 180 (WGS-84 degrees), not " + lng);
        }
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    /** The non-null keys of the records. */
    static <T> Set<String> idsOf(List<T> records, Function<T, String> id) {
        Set<String> ids = new HashSet<>();
        for (T record : records) {
            if (record != null && id.apply(record) != null) {
                ids.add(id.apply(record));
            }
        }
        return ids;
    }

    static <T> List<String> referenced(List<T> records, Function<T, String> key) {
        return List.copyOf(idsOf(records, key));
    }
}
