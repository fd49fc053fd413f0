package org.gridmend.core;

import java.util.regex.Pattern;

/**
 * Masks personal data for people and logs that must not see it in full. Phone numbers keep their first three and
 * last four digits ({@code 138****5678}), as Chinese utilities print them; names keep their first character;
 * addresses their first six characters (the district, not the door); free text loses the digits of any phone number
 * written into it.
 */
public final class Pii {

    /**
     * Mobile numbers (11 digits from 1[3-9]) and landlines with an area code, as people write them in free text:
     * with or without +86, 86 or 0086 in front, and with spaces, dashes, dots or brackets anywhere between digits.
     */
    private static final Pattern PHONE_IN_TEXT =
            Pattern.compile("(?<![\\d.])(?:(?:\\+|00)?\\(?86\\)?[\\s\\-.]*)?(1[\\s\\-.]*[3-9](?:[\\s\\-.]*\\d){9}"
                    + "|\\(?0\\d{2,3}\\)?[\\s\\-.]*\\d(?:[\\s\\-.]?\\d){6,7})(?![\\d])");

    private Pii() {}

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

    public static String maskAddress(String address) {
        if (address == null || address.isBlank()) {
            return address;
        }
        int count = address.codePointCount(0, address.length());
        if (count <= 6) {
            return "*".repeat(count);
        }
        return address.substring(0, address.offsetByCodePoints(0, 6)) + "****";
    }

    /** Free text (a description, a note, a comment) with every phone number in it masked. */
    public static String maskText(String text) {
        if (text == null || text.isBlank()) {
            return text;
        }
        return PHONE_IN_TEXT.matcher(text).replaceAll(m -> maskPhone(m.group(1)));
    }

    /** Whether the text holds something that looks like a phone number. */
    public static boolean containsPhone(String text) {
        return text != null && PHONE_IN_TEXT.matcher(text).find();
    }
}
