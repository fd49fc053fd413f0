package org.gridmend.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret the audit chain is sealed with: {@code hash = HMAC-SHA256(key, previous hash, seq, the event)}. The key
 * comes from configuration ({@code gridmend.audit.key}, the environment's {@code GRIDMEND_AUDIT_KEY}) and never goes
 * into the database, so that whoever can write the database can still change rows but can no longer compute the
 * hashes that would make the change pass {@code verify}. Only its fingerprint (an HMAC of a fixed text, from which
 * the key cannot be recovered) is stored, to tell which key a chain was sealed with.
 */
final class AuditKey {

    /** The demo profile's key, in application-demo.yml: refused outside the demo profile. */
    static final String DEMO_KEY = "gridmend-demo-audit-key-not-a-secret";

    static final int MIN_LENGTH = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final String fingerprint;

    AuditKey(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.fingerprint = HexFormat.of()
                .formatHex(mac().doFinal("gridmend audit key fingerprint".getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The configured key, or why it cannot be used: missing, shorter than {@value #MIN_LENGTH} characters, or the
     * demo's key outside the demo profile.
     */
    static AuditKey configured(String secret, String setting, boolean demo) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException(setting + " is not set: give the audit chain a secret of " + MIN_LENGTH
                    + " or more characters (environment GRIDMEND_AUDIT_KEY), kept outside the database");
        }
        if (secret.length() < MIN_LENGTH) {
            throw new IllegalStateException(setting + " must be at least " + MIN_LENGTH + " characters long");
        }
        if (!demo && DEMO_KEY.equals(secret)) {
            throw new IllegalStateException(setting + " is the demo profile's published key: set a secret of your "
                    + "own before starting without the demo profile");
        }
        return new AuditKey(secret);
    }

    String fingerprint() {
        return fingerprint;
    }

    String hash(String text) {
        return HexFormat.of().formatHex(mac().doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The chain's hash before it was keyed (plain SHA-256), to verify and reseal a chain sealed that way. */
    static String unkeyed(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
