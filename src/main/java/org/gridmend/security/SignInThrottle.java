package org.gridmend.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.gridmend.core.Expiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed sign-ins counted in the database (every node sees them) before any password is checked: see
 * {@link SignInProperties}. The answer does not depend on whether the user id exists.
 */
@Component
public class SignInThrottle implements Expiring {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    /** Refused until {@code retryAfter} from now, or not refused. */
    public record Verdict(boolean refused, long retryAfterSeconds) {
        static final Verdict OPEN = new Verdict(false, 0);
    }

    record Row(String throttleKey, int failures, Instant firstAt, Instant lastAt, Instant blockedUntil) {}

    @Mapper
    interface SignInFailureMapper {

        @Select("<script>SELECT throttle_key, failures, first_at, last_at, blocked_until FROM gm_sign_in_failure "
                + "WHERE throttle_key IN <foreach collection='keys' item='k' open='(' separator=',' close=')'>#{k}"
                + "</foreach></script>")
        @Options(flushCache = Options.FlushCachePolicy.TRUE)
        List<Row> rows(@Param("keys") List<String> keys);

        /** The key's row, locked until the transaction ends: two nodes counting at once both count. */
        @Select("SELECT throttle_key, failures, first_at, last_at, blocked_until FROM gm_sign_in_failure "
                + "WHERE throttle_key = #{key} FOR UPDATE")
        @Options(flushCache = Options.FlushCachePolicy.TRUE)
        Row lock(@Param("key") String key);

        @Insert("INSERT INTO gm_sign_in_failure (throttle_key, failures, first_at, last_at) VALUES (#{key}, 0, #{at}, "
                + "#{at})")
        void insert(@Param("key") String key, @Param("at") Instant at);

        @Update("UPDATE gm_sign_in_failure SET failures = #{failures}, first_at = #{firstAt}, last_at = #{at}, "
                + "blocked_until = #{blockedUntil} WHERE throttle_key = #{key}")
        void update(
                @Param("key") String key,
                @Param("failures") int failures,
                @Param("firstAt") Instant firstAt,
                @Param("at") Instant at,
                @Param("blockedUntil") Instant blockedUntil);

        @Delete("DELETE FROM gm_sign_in_failure WHERE throttle_key = #{key}")
        void delete(@Param("key") String key);

        @Delete("DELETE FROM gm_sign_in_failure WHERE last_at < #{before} AND (blocked_until IS NULL OR "
                + "blocked_until < #{before})")
        int forget(@Param("before") Instant before);
    }

    private final SignInFailureMapper mapper;
    private final SignInProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SignInThrottle(
            SignInFailureMapper mapper,
            SignInProperties properties,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.mapper = mapper;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    static String user(String userId) {
        String u = userId.trim().toLowerCase(Locale.ROOT);
        return "u:" + (u.length() > 64 ? u.substring(0, 64) : u);
    }

    static String address(String address) {
        return "a:" + address;
    }

    static String pair(String userId, String address) {
        return "p:" + user(userId).substring(2) + "|" + address;
    }

    public Verdict check(String userId, String address) {
        Instant now = clock.instant();
        List<Row> rows = mapper.rows(List.of(user(userId), address(address), pair(userId, address)));
        long wait = 0;
        Row pairRow = null;
        Row userRow = null;
        for (Row r : rows) {
            if (r.blockedUntil() != null
                    && r.blockedUntil().isAfter(now)
                    && !r.throttleKey().startsWith("u:")) {
                wait = Math.max(wait, Duration.between(now, r.blockedUntil()).toSeconds() + 1);
            }
            if (r.throttleKey().startsWith("p:")) {
                pairRow = r;
            } else if (r.throttleKey().startsWith("u:")) {
                userRow = r;
            }
        }
        // a user id under attack from many addresses: those that failed for it wait; a clean address does not
        if (wait == 0
                && userRow != null
                && recent(userRow, now)
                && userRow.failures() >= properties.perUser()
                && pairRow != null
                && recent(pairRow, now)) {
            wait = Math.max(
                    1,
                    Duration.between(now, userRow.lastAt().plus(properties.firstBlock()))
                            .toSeconds());
        }
        return wait > 0 ? new Verdict(true, wait) : Verdict.OPEN;
    }

    private boolean recent(Row row, Instant now) {
        return row.lastAt().isAfter(now.minus(properties.window()));
    }

    /**
     * Counts one failure for the pair, the address and the user id. The rows are created first, each in a
     * transaction of its own, so that the counting transaction only locks rows that exist, always in the same order
     * (pair, address, user): failures arriving together at several nodes are all counted and never deadlock.
     */
    public void failed(String userId, String address) {
        List<String> keys = List.of(pair(userId, address), address(address), user(userId));
        Instant now = clock.instant();
        for (String key : keys) {
            if (mapper.rows(List.of(key)).isEmpty()) {
                try {
                    transaction.executeWithoutResult(tx -> mapper.insert(key, now));
                } catch (DuplicateKeyException raced) {
                    // another request created it first: it is counted on below
                }
            }
        }
        for (int attempt = 1; ; attempt++) {
            try {
                transaction.executeWithoutResult(tx -> {
                    count(keys.get(0), properties.perUserAndAddress());
                    count(keys.get(1), properties.perAddress());
                    count(keys.get(2), Integer.MAX_VALUE);
                });
                break;
            } catch (PessimisticLockingFailureException busy) {
                if (attempt == 3) {
                    throw busy;
                }
            }
        }
        log.info("sign-in failed address={} failures counted", address);
    }

    public void succeeded(String userId, String address) {
        transaction.executeWithoutResult(tx -> mapper.delete(pair(userId, address)));
    }

    /** One more failure for the key; past {@code limit} within the window the key is refused for a while. */
    private void count(String key, int limit) {
        Instant now = clock.instant();
        Row row = mapper.lock(key);
        boolean fresh = !recent(row, now) || row.failures() == 0;
        int failures = fresh ? 1 : row.failures() + 1;
        Instant first = fresh ? now : row.firstAt();
        Instant blocked = row.blockedUntil();
        if (failures >= limit) {
            int over = Math.min(failures - limit, 20);
            Duration block = properties.firstBlock().multipliedBy(1L << over);
            blocked = now.plus(block.compareTo(properties.maxBlock()) > 0 ? properties.maxBlock() : block);
        }
        mapper.update(key, failures, first, now, blocked);
    }

    @Override
    public String name() {
        return "signInFailures";
    }

    /** Forgets keys quiet for longer than the window (called by the retention run). */
    @Override
    public int forgetExpired() {
        return mapper.forget(clock.instant().minus(properties.window()).minus(properties.maxBlock()));
    }
}
