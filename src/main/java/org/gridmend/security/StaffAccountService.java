package org.gridmend.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.gridmend.core.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff users that GridMend makes itself (an approved social electrician): a Camunda user without a password, in one
 * group, and a one-time link to set the password (never a password by SMS). A link holds {@link #LINK_LIFETIME} and
 * works once; only its hash is kept. A member can be suspended from the group and reinstated.
 */
@Service
public class StaffAccountService {

    private static final Logger log = LoggerFactory.getLogger(StaffAccountService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    static final Duration LINK_LIFETIME = Duration.ofHours(72);

    private final IdentityService identity;
    private final PasswordLinkMapper links;
    private final AuditTrail audit;
    private final Clock clock;

    StaffAccountService(IdentityService identity, PasswordLinkMapper links, AuditTrail audit, Clock clock) {
        this.identity = identity;
        this.links = links;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Makes the user (unless it exists) in the group and returns a fresh link token for its password; earlier links
     * of the user stop working.
     */
    @Transactional
    public String invite(String userId, String firstName, String lastName, String group) {
        if (identity.createUserQuery().userId(userId).count() == 0) {
            User user = identity.newUser(userId);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            identity.saveUser(user);
            log.info("staff user invited userId={} group={}", userId, group);
        }
        reinstate(userId, group);
        Instant now = clock.instant();
        links.retire(userId, now);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "gmp_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        links.insert(ApiKeyService.sha256(token), userId, now, now.plus(LINK_LIFETIME));
        audit.record(AuditEntry.of("PASSWORD_LINK_SENT").user(userId).detail("group", group));
        return token;
    }

    /** The link's user sets a password by Camunda's password policy; the link is used up. Returns the user id. */
    @Transactional(noRollbackFor = Refusal.class)
    public String setPassword(String token, String password) {
        if (token == null || !token.startsWith("gmp_") || token.length() > 100) {
            throw Refusal.invalid("INVALID_FIELD", "token", "token must be the one of the link you were sent");
        }
        if (password == null || password.isEmpty()) {
            throw Refusal.invalid("MISSING_FIELD", "password", "password is required");
        }
        Instant now = clock.instant();
        String hash = ApiKeyService.sha256(token);
        PasswordLinkMapper.Link link = links.lock(hash);
        if (link == null || link.usedAt() != null || link.expiresAt().isBefore(now)) {
            throw Refusal.invalid("LINK_EXPIRED", "token", "this link is used or expired: ask for a new one");
        }
        User user = identity.createUserQuery().userId(link.userId()).singleResult();
        if (user == null) {
            throw Refusal.invalid("LINK_EXPIRED", "token", "this link's user no longer exists");
        }
        PasswordPolicyResult policy = identity.checkPasswordAgainstPolicy(password, user);
        if (!policy.isValid()) {
            throw Refusal.invalid(
                    "WEAK_PASSWORD",
                    "password",
                    "password must have at least 10 characters with upper and lower case letters, a digit and a "
                            + "special character, and not contain your user id or name");
        }
        user.setPassword(password);
        identity.saveUser(user);
        links.use(hash, now);
        audit.record(AuditEntry.of("PASSWORD_SET").user(link.userId()));
        return link.userId();
    }

    /** Removes the user from the group (signing in still works, but nothing of the group's is offered). */
    @Transactional
    public void suspend(String userId, String group) {
        if (identity.createUserQuery().userId(userId).memberOfGroup(group).count() > 0) {
            identity.deleteMembership(userId, group);
            log.info("staff user suspended userId={} group={}", userId, group);
        }
    }

    @Transactional
    public void reinstate(String userId, String group) {
        if (identity.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
            identity.createMembership(userId, group);
        }
    }
}
