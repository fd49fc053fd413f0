package org.gridmend.privacy;

/**
 * Masks personal data for people and logs that must not see it in full. Phone numbers keep their first three and
 * last four digits ({@code 138****5678}), as Chinese utilities print them; names keep their first character.
 */
public final class Pii {

    private Pii() {
    }

    public static String maskPhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.length() < 7) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
    }

    public static String maskName(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        int rest = name.codePointCount(first, name.length());
        return name.substring(0, first) + "*".repeat(Math.max(1, rest));
    }
}
