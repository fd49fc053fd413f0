package org.gridmend.security;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator outside the demo profile, from {@code GRIDMEND_ADMIN_USER} and
 * {@code GRIDMEND_ADMIN_PASSWORD}. Created when missing; an existing user keeps the password it has.
 */
@ConfigurationProperties("gridmend.admin")
public record AdminAccountProperties(String user, String password) {

    static final int MIN_PASSWORD_LENGTH = 12;

    /** Camunda's default whitelist for user ids ({@code camunda.bpm.generic-properties...user-resource-whitelist-pattern}). */
    static final Pattern CAMUNDA_USER_ID = Pattern.compile("[a-zA-Z0-9]+");

    /** Passwords of the demo profile and the usual first guesses. */
    static final Set<String> WEAK_PASSWORDS = Set.of(
            "demo",
            "admin",
            "password",
            "camunda",
            "gridmend",
            "changeme",
            "123456",
            "12345678",
            "123456789012",
            "adminadminadmin",
            "passwordpassword",
            "demodemodemo");

    /** Why this account must not be used to start a real installation, or null if it may. */
    String problem() {
        if (user == null || user.isBlank()) {
            return "GRIDMEND_ADMIN_USER is not set: outside the demo profile the first administrator must be given";
        }
        if (!CAMUNDA_USER_ID.matcher(user).matches()) {
            return "GRIDMEND_ADMIN_USER must be letters and digits only (Camunda's rule for user ids)";
        }
        if (password == null || password.isBlank()) {
            return "GRIDMEND_ADMIN_PASSWORD is not set: outside the demo profile the first administrator must be given";
        }
        if (password.length() < MIN_PASSWORD_LENGTH) {
            return "GRIDMEND_ADMIN_PASSWORD must have at least " + MIN_PASSWORD_LENGTH + " characters";
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (WEAK_PASSWORDS.contains(lower) || lower.equals(user.toLowerCase(Locale.ROOT))) {
            return "GRIDMEND_ADMIN_PASSWORD is a demo or well-known password; choose another";
        }
        return null;
    }
}
