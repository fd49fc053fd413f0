package org.gridmend.customer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.gridmend.core.Refusal;
import org.gridmend.notify.NotificationService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customer accounts by phone. A customer asks for a code ({@code POST /api/customer/otp}): six digits by SMS through
 * the outbox, the same answer whether or not the phone is in the archive; then signs in with it
 * ({@code POST /api/customer/session}): a bearer token with an expiry. Codes and tokens are kept only as hashes; a
 * code is single-use, holds five minutes and five tries. A session holds the customer numbers whose archive phone is
 * the verified phone, and those a dispatcher added for it.
 */
@Service
public class CustomerAccountService {

    private static final SecureRandom RANDOM = new SecureRandom();

    public record CodeSent(String message, long expiresInSeconds) {}

    public record SignedIn(String token, Instant expiresAt, String phone, List<String> customerNos) {}

    private final CustomerAccountMapper mapper;
    private final NotificationService notifications;
    private final CustomerAccountProperties properties;
    private final AuditTrail audit;
    private final Clock clock;

    CustomerAccountService(
            CustomerAccountMapper mapper,
            NotificationService notifications,
            CustomerAccountProperties properties,
            AuditTrail audit,
            Clock clock) {
        this.mapper = mapper;
        this.notifications = notifications;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public CodeSent sendCode(String typedPhone, String clientAddress) {
        String phone = mobile(typedPhone);
        Instant now = clock.instant();
        Instant last = mapper.lastCodeAt(phone);
        if (last != null && last.isAfter(now.minus(properties.codeInterval()))) {
            throw Refusal.rateLimited(
                    "phone",
                    "a code was sent to this phone a moment ago; wait before " + "asking again",
                    Math.max(
                            1,
                            Duration.between(now, last.plus(properties.codeInterval()))
                                    .toSeconds()));
        }
        if (mapper.codesForPhoneSince(phone, now.minus(Duration.ofHours(1))) >= properties.codesPerHour()) {
            throw Refusal.rateLimited("phone", "too many codes for this phone this hour", 3600);
        }
        if (clientAddress != null
                && mapper.codesFromAddressSince(clientAddress, now.minus(Duration.ofHours(1)))
                        >= properties.codesPerAddressPerHour()) {
            throw Refusal.rateLimited(null, "too many codes asked from your network address this hour", 3600);
        }
        String code = String.format(Locale.ROOT, "%06d", RANDOM.nextInt(1_000_000));
        CustomerAccountMapper.NewCode row = new CustomerAccountMapper.NewCode();
        row.phone = phone;
        row.codeHash = "0".repeat(64);
        row.clientAddress = clientAddress;
        row.createdAt = now;
        row.expiresAt = now.plus(properties.codeLifetime());
        mapper.insertCode(row);
        mapper.setHash(row.id, hash(row.id + ":" + phone + ":" + code));
        notifications.sendSignInCode(
                PhoneNumbers.national(phone),
                code,
                row.id,
                properties.codeLifetime().toMinutes());
        audit.record(AuditEntry.of("CUSTOMER_CODE_SENT")
                .at(now)
                .detail("phone", mask(phone))
                .detail("clientAddress", clientAddress));
        return new CodeSent(
                "验证码已发送至 " + mask(phone) + "，" + properties.codeLifetime().toMinutes()
                        + " 分钟内有效 (a code is on its way)",
                properties.codeLifetime().toSeconds());
    }

    @Transactional(noRollbackFor = Refusal.class)
    public SignedIn signIn(String typedPhone, String code) {
        String phone = mobile(typedPhone);
        if (code == null || !code.trim().matches("[0-9]{6}")) {
            throw Refusal.invalid("INVALID_FIELD", "code", "code must be the six digits of the SMS");
        }
        Instant now = clock.instant();
        Long newest = mapper.newestCodeId(phone);
        CustomerAccountMapper.Code stored = newest == null ? null : mapper.lockCode(newest);
        if (stored == null || stored.usedAt() != null || stored.expiresAt().isBefore(now)) {
            throw Refusal.invalid("CODE_EXPIRED", "code", "no valid code for this phone: ask for a new one");
        }
        if (stored.attempts() >= properties.codeTries()) {
            throw Refusal.invalid("CODE_EXPIRED", "code", "too many wrong tries: ask for a new code");
        }
        if (!MessageDigest.isEqual(
                stored.codeHash().getBytes(StandardCharsets.US_ASCII),
                hash(stored.id() + ":" + phone + ":" + code.trim()).getBytes(StandardCharsets.US_ASCII))) {
            mapper.countTry(stored.id());
            int left = properties.codeTries() - stored.attempts() - 1;
            throw Refusal.invalid("WRONG_CODE", "code", "the code is wrong; " + Math.max(left, 0) + " tries left");
        }
        if (mapper.use(stored.id(), now) == 0) {
            throw Refusal.invalid("CODE_EXPIRED", "code", "this code was used already: ask for a new one");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "gmc_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant expires = now.plus(properties.sessionLifetime());
        mapper.insertSession(hash(token), phone, now, expires);
        List<String> numbers = customerNos(phone);
        audit.record(AuditEntry.of("CUSTOMER_SIGNED_IN")
                .at(now)
                .about(numbers.isEmpty() ? null : numbers.get(0))
                .detail("phone", mask(phone))
                .detail("customerNos", numbers.size()));
        return new SignedIn(token, expires, mask(phone), numbers);
    }

    /** The session of a bearer token, when it is valid. */
    @Transactional(readOnly = true)
    public Optional<CustomerSession> session(String token) {
        if (token == null || !token.startsWith("gmc_") || token.length() > 100) {
            return Optional.empty();
        }
        CustomerAccountMapper.Session s = mapper.session(hash(token));
        if (s == null || s.revokedAt() != null || s.expiresAt().isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(new CustomerSession(s.phone(), customerNos(s.phone()), s.expiresAt()));
    }

    @Transactional
    public void signOut(String token) {
        if (token != null) {
            mapper.revoke(hash(token), clock.instant());
        }
    }

    /** A dispatcher adds a phone for a customer number after checking (a tenant, a relative). */
    @Transactional
    public void addPhone(String customerNo, String typedPhone, String by) {
        String phone = mobile(typedPhone);
        try {
            mapper.addPhone(customerNo, phone, by, clock.instant());
        } catch (DuplicateKeyException again) {
            return;
        }
        audit.record(
                AuditEntry.of("CUSTOMER_PHONE_ADDED").user(by).about(customerNo).detail("phone", mask(phone)));
    }

    private List<String> customerNos(String phone) {
        return mapper.customerNos(PhoneNumbers.national(phone), phone);
    }

    private static String mobile(String typed) {
        return PhoneNumbers.mobile(typed)
                .orElseThrow(() -> new Refusal(
                        Refusal.Kind.INVALID,
                        "INVALID_FIELD",
                        "phone must be a mainland China mobile number (11 digits starting with 1)",
                        "phone"));
    }

    static String mask(String e164) {
        String n = PhoneNumbers.national(e164);
        return n.length() == 11 ? n.substring(0, 3) + "****" + n.substring(7) : "****";
    }

    static String hash(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
