package org.gridmend.rental;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gridmend.core.PlainText;
import org.gridmend.core.Refusal;
import org.gridmend.electrician.ServiceSkill;

/** What may be rented, with the specification each type must state and what its meter reads at handover. */
public enum RentalItemType {
    EV(
            "电动汽车",
            "electric vehicle",
            Reading.KM,
            ServiceSkill.EV_CHARGER,
            List.of(Spec.number("seats", 1, 60), Spec.number("rangeKm", 50, 1500), Spec.number("batteryKwh", 10, 300))),
    EV_CHARGER(
            "充电桩",
            "EV charger",
            Reading.NONE,
            ServiceSkill.EV_CHARGER,
            List.of(Spec.number("powerKw", 3, 480), Spec.choice("connector", "GBT_AC", "GBT_DC"))),
    GENERATOR(
            "发电机",
            "generator",
            Reading.HOURS,
            ServiceSkill.DISTRIBUTION_ROOM,
            List.of(
                    Spec.number("powerKw", 1, 3000),
                    Spec.choice("fuel", "DIESEL", "GASOLINE", "GAS"),
                    Spec.choice("phases", "1", "3"))),
    TRANSFORMER(
            "变压器",
            "transformer",
            Reading.NONE,
            ServiceSkill.DISTRIBUTION_ROOM,
            List.of(
                    Spec.number("capacityKva", 10, 5000),
                    Spec.number("primaryKv", 1, 35),
                    Spec.number("secondaryKv", 0.2, 10))),
    SWITCHGEAR(
            "开关柜",
            "switchgear",
            Reading.NONE,
            ServiceSkill.DISTRIBUTION_ROOM,
            List.of(Spec.number("voltageKv", 0.4, 35), Spec.number("ratedCurrentA", 10, 6300))),
    CABLE_REEL(
            "电缆盘",
            "cable reel",
            Reading.NONE,
            ServiceSkill.HOUSE_WIRING,
            List.of(Spec.number("lengthM", 5, 2000), Spec.number("crossSectionMm2", 1, 630))),
    MEASURING_INSTRUMENT(
            "测量仪器",
            "measuring instrument",
            Reading.NONE,
            ServiceSkill.HOUSE_WIRING,
            List.of(Spec.text("instrument"), Spec.text("range")));

    /** What the handover and return checklists read off the item: an odometer, an hour meter or nothing. */
    public enum Reading {
        KM,
        HOURS,
        NONE
    }

    /** One field of a type's specification: a number within bounds, one of a few values, or a short text. */
    public record Spec(String name, double min, double max, List<String> choices) {
        static Spec number(String name, double min, double max) {
            return new Spec(name, min, max, null);
        }

        static Spec choice(String name, String... choices) {
            return new Spec(name, 0, 0, List.of(choices));
        }

        static Spec text(String name) {
            return new Spec(name, 0, 0, List.of());
        }

        boolean isNumber() {
            return choices == null;
        }
    }

    public final String zh;
    public final String en;
    public final Reading reading;
    /** The electrician's skill an installation of this type asks for. */
    public final ServiceSkill installer;

    public final List<Spec> specs;

    RentalItemType(String zh, String en, Reading reading, ServiceSkill installer, List<Spec> specs) {
        this.zh = zh;
        this.en = en;
        this.reading = reading;
        this.installer = installer;
        this.specs = specs;
    }

    static RentalItemType parse(Object value, String field) {
        try {
            return valueOf(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("INVALID_FIELD", field, field + " must be one of " + List.of(values()));
        }
    }

    /** The specification as sent, checked field by field: every field of the type, nothing else. */
    Map<String, Object> check(Map<String, Object> sent, String field) {
        if (sent == null) {
            throw Refusal.invalid("MISSING_FIELD", field, field + " is required for a " + name() + ": " + names());
        }
        for (String key : sent.keySet()) {
            if (specs.stream().noneMatch(s -> s.name().equals(key))) {
                throw Refusal.invalid(
                        "INVALID_FIELD", field + "." + key, "a " + name() + " has no " + key + "; it has " + names());
            }
        }
        Map<String, Object> checked = new LinkedHashMap<>();
        for (Spec spec : specs) {
            Object value = sent.get(spec.name());
            String path = field + "." + spec.name();
            if (value == null) {
                throw Refusal.invalid("MISSING_FIELD", path, path + " is required");
            }
            if (spec.isNumber()) {
                if (!(value instanceof Number n) || n.doubleValue() < spec.min() || n.doubleValue() > spec.max()) {
                    throw Refusal.invalid(
                            "INVALID_FIELD",
                            path,
                            path + " must be a number from " + plain(spec.min()) + " to " + plain(spec.max()));
                }
                checked.put(spec.name(), new BigDecimal(n.toString()).stripTrailingZeros());
            } else if (!spec.choices().isEmpty()) {
                if (!spec.choices().contains(String.valueOf(value))) {
                    throw Refusal.invalid("INVALID_FIELD", path, path + " must be one of " + spec.choices());
                }
                checked.put(spec.name(), String.valueOf(value));
            } else {
                String text = value instanceof String s ? s.strip() : null;
                if (text == null || text.isEmpty() || PlainText.problem(text) != null || PlainText.length(text) > 40) {
                    throw Refusal.invalid("INVALID_FIELD", path, path + " must be a plain text of 1 to 40 characters");
                }
                checked.put(spec.name(), text);
            }
        }
        return checked;
    }

    private List<String> names() {
        return specs.stream().map(Spec::name).toList();
    }

    private static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** "发电机 (generator)". */
    public String label() {
        return zh + " (" + en + ")";
    }
}
