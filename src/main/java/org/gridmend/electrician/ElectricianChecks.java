package org.gridmend.electrician;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.gridmend.core.PlainText;
import org.gridmend.core.Refusal;

/** The checks of what electricians and customers send: each refusal names its field. */
final class ElectricianChecks {

    /** 低压电工作业证 and 高压电工作业证, the special-operation certificates of electricians in China. */
    static final Set<String> CERTIFICATE_TYPES = Set.of("LOW_VOLTAGE", "HIGH_VOLTAGE");

    private static final Pattern CERTIFICATE_NO = Pattern.compile("[A-Za-z0-9-]{6,40}");
    private static final Pattern HOUR = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

    private ElectricianChecks() {}

    /** An application checked field by field, as its row (the certificate's expiry checked by the caller). */
    static ElectricianMapper.NewElectrician row(ElectricianApplication application, String phone, LocalDate expires) {
        ElectricianMapper.NewElectrician row = new ElectricianMapper.NewElectrician();
        row.name = name(application.name());
        row.phone = phone;
        row.certificateNo = certificateNo(application.certificateNo());
        row.certificateType = certificateType(application.certificateType());
        row.certificateExpires = expires;
        row.skills = skills(application.skills()).stream().map(Enum::name).collect(Collectors.joining(","));
        ElectricianApplication.Area area = application.serviceArea();
        if (area == null) {
            throw Refusal.invalid("MISSING_FIELD", "serviceArea", "serviceArea {lat, lng, radiusKm} is required");
        }
        row.lat = latitude(area.lat(), "serviceArea.lat");
        row.lng = longitude(area.lng(), "serviceArea.lng");
        row.radiusKm = radius(area.radiusKm());
        ElectricianApplication.Hours hours = application.workingHours();
        if (hours == null) {
            throw Refusal.invalid("MISSING_FIELD", "workingHours", "workingHours {from, to} is required");
        }
        row.hoursFrom = hour(hours.from(), "workingHours.from");
        row.hoursTo = hour(hours.to(), "workingHours.to");
        return row;
    }

    static String name(String name) {
        String n = text(name, "name", 30, true);
        if (PlainText.length(n) < 2) {
            throw Refusal.invalid("INVALID_FIELD", "name", "name must have at least 2 characters");
        }
        return n;
    }

    static String certificateNo(String no) {
        if (no == null || no.isBlank()) {
            throw Refusal.invalid("MISSING_FIELD", "certificateNo", "certificateNo is required");
        }
        if (!CERTIFICATE_NO.matcher(no.trim()).matches()) {
            throw Refusal.invalid(
                    "INVALID_FIELD", "certificateNo", "certificateNo must be 6 to 40 letters, digits or dashes");
        }
        return no.trim().toUpperCase(Locale.ROOT);
    }

    static String certificateType(String type) {
        if (type == null || !CERTIFICATE_TYPES.contains(type)) {
            throw Refusal.invalid(
                    type == null ? "MISSING_FIELD" : "INVALID_FIELD",
                    "certificateType",
                    "certificateType must be LOW_VOLTAGE (低压电工作业证) or HIGH_VOLTAGE (高压电工作业证)");
        }
        return type;
    }

    /** A certificate's last valid day, which must not have passed. */
    static LocalDate expiry(String date, LocalDate today, String field) {
        if (date == null || date.isBlank()) {
            throw Refusal.invalid("MISSING_FIELD", field, field + " is required: the certificate's expiry, 2028-06-30");
        }
        LocalDate d;
        try {
            d = LocalDate.parse(date.trim());
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("INVALID_FIELD", field, field + " must be a date such as 2028-06-30");
        }
        if (d.isBefore(today)) {
            throw Refusal.invalid("CERTIFICATE_EXPIRED", field, "the certificate expired on " + d + ": renew it first");
        }
        if (d.isAfter(today.plusYears(12))) {
            throw Refusal.invalid("INVALID_FIELD", field, field + " is more than 12 years ahead");
        }
        return d;
    }

    static List<ServiceSkill> skills(List<String> skills) {
        if (skills == null || skills.isEmpty()) {
            throw Refusal.invalid(
                    "MISSING_FIELD", "skills", "skills is required: at least one of " + List.of(ServiceSkill.values()));
        }
        Set<ServiceSkill> out = new LinkedHashSet<>();
        for (int i = 0; i < skills.size(); i++) {
            out.add(skill(skills.get(i), "skills[" + i + "]"));
        }
        return new ArrayList<>(out);
    }

    static ServiceSkill skill(String skill, String field) {
        if (skill == null) {
            throw Refusal.invalid(
                    "MISSING_FIELD", field, field + " is required: one of " + List.of(ServiceSkill.values()));
        }
        try {
            return ServiceSkill.valueOf(skill);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(
                    "INVALID_FIELD",
                    field,
                    field + " must be one of " + List.of(ServiceSkill.values()) + ", not " + Refusal.echo(skill));
        }
    }

    static double latitude(Double lat, String field) {
        if (lat == null) {
            throw Refusal.invalid("MISSING_FIELD", field, field + " is required");
        }
        if (!Double.isFinite(lat) || lat < 3 || lat > 54) {
            throw Refusal.invalid("INVALID_FIELD", field, field + " must be a latitude in China (3 to 54)");
        }
        return lat;
    }

    static double longitude(Double lng, String field) {
        if (lng == null) {
            throw Refusal.invalid("MISSING_FIELD", field, field + " is required");
        }
        if (!Double.isFinite(lng) || lng < 73 || lng > 136) {
            throw Refusal.invalid("INVALID_FIELD", field, field + " must be a longitude in China (73 to 136)");
        }
        return lng;
    }

    static double radius(Double km) {
        if (km == null) {
            throw Refusal.invalid("MISSING_FIELD", "serviceArea.radiusKm", "serviceArea.radiusKm is required");
        }
        if (!Double.isFinite(km) || km < 1 || km > 50) {
            throw Refusal.invalid("INVALID_FIELD", "serviceArea.radiusKm", "serviceArea.radiusKm must be 1 to 50");
        }
        return km;
    }

    static String hour(String hour, String field) {
        if (hour == null || !HOUR.matcher(hour).matches()) {
            throw Refusal.invalid(
                    hour == null ? "MISSING_FIELD" : "INVALID_FIELD", field, field + " must be a time such as 08:00");
        }
        return hour;
    }

    /** Whether the time falls inside from–to; an end before the start runs past midnight. */
    static boolean within(LocalTime now, String from, String to) {
        LocalTime f = LocalTime.parse(from);
        LocalTime t = LocalTime.parse(to);
        if (f.equals(t)) {
            return true; // around the clock
        }
        return f.isBefore(t) ? !now.isBefore(f) && now.isBefore(t) : !now.isBefore(f) || now.isBefore(t);
    }

    /** Free text a person typed: plain text only, at most {@code max} characters; null when blank and optional. */
    static String text(String text, String field, int max, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                throw Refusal.invalid("MISSING_FIELD", field, field + " is required");
            }
            return null;
        }
        String problem = PlainText.problem(text);
        if (problem != null) {
            throw Refusal.invalid("INVALID_FIELD", field, field + " " + problem);
        }
        if (PlainText.length(text) > max) {
            throw Refusal.invalid("INVALID_FIELD", field, field + " must not exceed " + max + " characters");
        }
        return text.strip();
    }
}
