package org.gridmend.customer;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Mainland China mobile numbers in E.164 ({@code +8613812345678}), however they were typed: spaces, dashes, dots,
 * brackets, a {@code +86}, {@code 86} or {@code 0086} prefix. "138 0000 0000" and "13800000000" are one phone.
 */
public final class PhoneNumbers {

    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");

    private PhoneNumbers() {}

    /** The E.164 form, or empty when the text is not a mainland mobile number. */
    public static Optional<String> mobile(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String digits = typed.trim().replaceAll("[\\s().\\-]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        } else if (digits.startsWith("86") && digits.length() == 13) {
            digits = digits.substring(2);
        }
        return MOBILE.matcher(digits).matches() ? Optional.of("+86" + digits) : Optional.empty();
    }

    /** The national form the archive and SMS gateways use ({@code 13812345678}) of an E.164 mobile. */
    public static String national(String e164) {
        return e164 != null && e164.startsWith("+86") ? e164.substring(3) : e164;
    }
}
