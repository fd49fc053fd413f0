package org.gridmend.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.gridmend.core.PlainText;
import org.gridmend.core.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys of machines (group {@code integrations}): the AMI head-end posting meter events and last gasps, gateways
 * calling back. A key reads {@code gmk_<id>_<secret>}; only the SHA-256 of the secret is stored, the key is shown
 * once when issued, and a revoked key stops working at once. Rotating is issuing a new key and revoking the old one
 * once the machine uses the new one. Issuing and revoking are audit events.
 */
@Service
public class ApiKeyService {

    private static final Pattern KEY = Pattern.compile("gmk_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHANUMERIC = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public record ApiKey(
            String id, String label, String createdBy, Instant createdAt, Instant revokedAt, Instant lastUsedAt) {}

    /** A key just issued: the only time its secret is seen. */
    public record Issued(String id, String key, String label, Instant createdAt) {}

    record Stored(String id, String secretHash, Instant revokedAt) {}

    @Mapper
    interface ApiKeyMapper {

        @Insert("INSERT INTO gm_api_key (id, secret_hash, label, created_by, created_at) VALUES (#{id}, #{hash}, "
                + "#{label}, #{by}, #{at})")
        void insert(
                @Param("id") String id,
                @Param("hash") String hash,
                @Param("label") String label,
                @Param("by") String by,
                @Param("at") Instant at);

        @Select("SELECT id, secret_hash, revoked_at FROM gm_api_key WHERE id = #{id}")
        Stored find(@Param("id") String id);

        @Select(
                "SELECT id, label, created_by, created_at, revoked_at, last_used_at FROM gm_api_key ORDER BY created_at")
        List<ApiKey> list();

        @Update("UPDATE gm_api_key SET revoked_at = #{at} WHERE id = #{id} AND revoked_at IS NULL")
        int revoke(@Param("id") String id, @Param("at") Instant at);

        @Update("UPDATE gm_api_key SET last_used_at = #{at} WHERE id = #{id} AND (last_used_at IS NULL OR "
                + "last_used_at < #{minute})")
        void used(@Param("id") String id, @Param("at") Instant at, @Param("minute") Instant minute);
    }

    private final ApiKeyMapper mapper;
    private final AuditTrail audit;
    private final Clock clock;

    ApiKeyService(ApiKeyMapper mapper, AuditTrail audit, Clock clock) {
        this.mapper = mapper;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Issued issue(String label, String by) {
        if (label == null || label.isBlank() || PlainText.length(label) > 100) {
            throw Refusal.invalid(
                    "INVALID_FIELD", "label", "label is required: up to 100 characters naming " + "the machine");
        }
        String id = random(12);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        mapper.insert(id, sha256(secretText), label.trim(), by, now);
        audit.record(AuditEntry.of("API_KEY_ISSUED")
                .at(now)
                .user(by)
                .detail("keyId", id)
                .detail("label", label.trim()));
        return new Issued(id, "gmk_" + id + "_" + secretText, label.trim(), now);
    }

    @Transactional(readOnly = true)
    public List<ApiKey> list() {
        return mapper.list();
    }

    @Transactional
    public void revoke(String id, String by) {
        if (mapper.revoke(id, clock.instant()) == 0) {
            throw Refusal.notFound("API key", id);
        }
        audit.record(AuditEntry.of("API_KEY_REVOKED").user(by).detail("keyId", id));
    }

    /** The key's id when the key is valid and not revoked (compared in constant time). */
    @Transactional
    public Optional<String> authenticate(String key) {
        Matcher m = key == null ? null : KEY.matcher(key.trim());
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        Stored stored = mapper.find(m.group(1));
        if (stored == null
                || stored.revokedAt() != null
                || !MessageDigest.isEqual(
                        stored.secretHash().getBytes(StandardCharsets.US_ASCII),
                        sha256(m.group(2)).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        mapper.used(stored.id(), now, now.minusSeconds(60));
        return Optional.of(stored.id());
    }

    private static String random(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return out.toString();
    }

    /** The hex SHA-256 of a secret: what is kept of API keys and one-time password links. */
    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
