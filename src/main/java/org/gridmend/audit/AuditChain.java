package org.gridmend.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSessionFactory;
import org.gridmend.core.BackgroundLoop;
import org.gridmend.core.LockService;
import org.mybatis.spring.SqlSessionTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hash chain over GridMend's audit events. Each event, once committed, is given the next sequence number and
 * {@code hash = HMAC-SHA256(key, previous hash, seq, every field of the event)} with the key of
 * {@code gridmend.audit.key}, which is never stored in the database; changing, removing or inserting a sealed event
 * breaks the link to the next one, which {@link #verify()} finds, and without the key nobody can recompute the links
 * after a change. What the key alone cannot show, the end of the chain cut off, the published heads show: every
 * {@code gridmend.audit.publish-interval} the head (seq and hash) goes to the log and is appended to
 * {@code gridmend.audit.head-file}, outside the database, and {@code verify} checks the chain against every head
 * published there ({@link AuditHeadFile}). Sealing runs in the background under a database lock (one sealer across
 * nodes), so writers never wait on the chain's head; after retention, a checkpoint holds the hash the rest starts from.
 */
@Component
public class AuditChain implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditChain.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The hash the very first event links to. */
    static final String GENESIS = "0".repeat(64);

    private final AuditMapper mapper;
    /** The same statements, sent to the database in one batch per sealing transaction. */
    private final AuditMapper batch;

    private final LockService locks;
    private final TransactionTemplate transactions;
    private final AuditProperties properties;
    private final Clock clock;
    private final BackgroundLoop sealer;
    private final AuditKey key;
    private final AuditKey previousKey;
    private final AuditHeadFile headFile;
    /** False while the chain is sealed with a key that is neither the configured one nor the previous one. */
    private volatile boolean keyAdopted;

    private volatile long publishedSeq = -1;
    private volatile Instant nextPublish = Instant.MIN;

    AuditChain(
            AuditMapper mapper,
            SqlSessionFactory sessions,
            LockService locks,
            TransactionTemplate transactions,
            AuditProperties properties,
            Environment environment,
            Clock clock) {
        boolean demo = environment.acceptsProfiles(Profiles.of("demo"));
        this.key = AuditKey.configured(properties.key(), "gridmend.audit.key", demo);
        this.previousKey =
                properties.previousKey() == null || properties.previousKey().isBlank()
                        ? null
                        : AuditKey.configured(properties.previousKey(), "gridmend.audit.previous-key", demo);
        this.headFile = new AuditHeadFile(properties.headFile());
        this.mapper = mapper;
        // one round trip for a thousand seals instead of a thousand: sealing keeps up with a storm's deliveries
        // without taking their CPU
        this.batch = new SqlSessionTemplate(sessions, ExecutorType.BATCH).getMapper(AuditMapper.class);
        this.locks = locks;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.sealer = new BackgroundLoop("audit-sealer", log, properties.sealInterval(), () -> {
            if (!keyAdopted) {
                adoptKey();
            }
            sealPending();
            if (!clock.instant().isBefore(nextPublish)) {
                publishHead();
            }
            return properties.sealInterval();
        });
    }

    /**
     * Makes the configured key the chain's: a chain sealed before it was keyed (plain SHA-256) or with
     * {@code gridmend.audit.previous-key} is verified with what it was sealed with and resealed with the key, in
     * one transaction; a chain that does not verify is left as it is (and {@code verify} says where it breaks).
     * Returns how many events were resealed.
     */
    long adoptKey() {
        Long resealed = transactions.execute(status -> {
            if (mapper.lockChain() == null) {
                throw new IllegalStateException("no lock row named " + LockService.AUDIT_CHAIN);
            }
            String stored = mapper.keyFingerprint();
            if (key.fingerprint().equals(stored)) {
                return 0L;
            }
            UnaryOperator<String> sealedWith;
            String what;
            if (mapper.head() == null) {
                sealedWith = null;
                what = "nothing sealed yet";
            } else if (stored == null) {
                sealedWith = AuditKey::unkeyed;
                what = "unkeyed SHA-256";
            } else if (previousKey != null && previousKey.fingerprint().equals(stored)) {
                sealedWith = previousKey::hash;
                what = "gridmend.audit.previous-key";
            } else {
                log.error(
                        "audit chain is sealed with another key than gridmend.audit.key (stored fingerprint {}): "
                                + "set the key it was sealed with as gridmend.audit.previous-key to reseal it; new events "
                                + "stay unsealed until then",
                        stored.substring(0, 12));
                return -1L;
            }
            long count = 0;
            if (sealedWith != null) {
                ChainWalk.Walk check = ChainWalk.walk(mapper, sealedWith, Map.of(), key);
                if (check.broken() != null) {
                    log.error(
                            "audit chain not resealed with the new key: sealed with {}, it breaks at seq {} ({})",
                            what,
                            check.broken().seq(),
                            check.broken().problem());
                    status.setRollbackOnly();
                    return -1L;
                }
                count = check.checked();
            }
            mapper.forgetKey();
            mapper.adoptKey(key.fingerprint(), clock.instant(), count);
            log.info(
                    "audit chain key adopted fingerprint={} resealed={} from={}",
                    key.fingerprint().substring(0, 12),
                    count,
                    what);
            return count;
        });
        keyAdopted = resealed != null && resealed >= 0;
        if (resealed != null && resealed > 0) {
            headFile.append(Map.of(
                    "type",
                    "RESEALED",
                    "at",
                    clock.instant().toString(),
                    "events",
                    resealed,
                    "key",
                    key.fingerprint().substring(0, 12)));
            publishedSeq = -1;
            publishHead();
        }
        return resealed == null ? -1 : resealed;
    }

    /** Seals every event committed so far; returns how many. */
    public int sealPending() {
        if (!keyAdopted) {
            return 0;
        }
        int total = 0;
        int sealed;
        do {
            sealed = Objects.requireNonNull(transactions.execute(status -> sealBatch()));
            total += sealed;
        } while (sealed == properties.sealBatch());
        return total;
    }

    private int sealBatch() {
        if (batch.lockChain() == null) {
            throw new IllegalStateException("no lock row named " + LockService.AUDIT_CHAIN);
        }
        List<AuditEvent> events = batch.unsealed(properties.sealBatch());
        if (events.isEmpty()) {
            return 0;
        }
        AuditEvent head = batch.head();
        long seq;
        String previous;
        if (head != null) {
            seq = head.seq();
            previous = head.hash();
        } else {
            AuditMapper.Checkpoint checkpoint = batch.latestCheckpoint();
            seq = checkpoint == null ? 0 : checkpoint.seq();
            previous = checkpoint == null ? GENESIS : checkpoint.hash();
        }
        Instant now = clock.instant();
        for (AuditEvent event : events) {
            seq++;
            String hash = key.hash(ChainLink.text(previous, seq, event));
            batch.seal(event.id(), seq, previous, hash, now);
            previous = hash;
        }
        return events.size();
    }

    /**
     * Publishes the chain's head outside the database, when it moved since the last time: a log line, and a line
     * appended to {@code gridmend.audit.head-file}. Returns the head published, or null.
     */
    public PublishedHead publishHead() {
        nextPublish = clock.instant().plus(properties.publishInterval());
        sealPending();
        AuditEvent head = mapper.head();
        if (head == null || head.seq() == publishedSeq) {
            return null;
        }
        PublishedHead published = new PublishedHead(head.seq(), head.hash(), clock.instant());
        log.info(
                "audit chain head published seq={} hash={} key={}",
                published.seq(),
                published.hash(),
                key.fingerprint().substring(0, 12));
        headFile.appendHead(published);
        publishedSeq = head.seq();
        return published;
    }

    /**
     * Recomputes the whole chain from its start (the genesis, or the latest retention checkpoint) with the key and
     * reports the first link that does not hold: a changed event (its hash no longer matches its content), a
     * removed or inserted one (a gap in the sequence, or a previous hash that is not the one before it), an event
     * whose hash is not the one published for it, or events missing after the chain's end that a published head
     * names.
     */
    public ChainVerification verify() {
        sealPending();
        Map<Long, String> heads = headFile.published();
        String stored = mapper.keyFingerprint();
        AuditMapper.Checkpoint checkpoint = mapper.latestCheckpoint();
        Long startsAfter = checkpoint == null ? null : checkpoint.seq();
        String file = headFile.path();
        if (!key.fingerprint().equals(stored) && mapper.head() != null) {
            return new ChainVerification(
                    false,
                    0,
                    checkpoint == null ? 1 : checkpoint.seq() + 1,
                    new ChainVerification.BrokenLink(
                            checkpoint == null ? 1 : checkpoint.seq() + 1,
                            0,
                            null,
                            "the chain is not sealed with the configured gridmend.audit.key"),
                    startsAfter,
                    mapper.unsealedCount(),
                    0,
                    file);
        }
        ChainWalk.Walk walk = ChainWalk.walk(mapper, key::hash, heads, null);
        return new ChainVerification(
                walk.broken() == null,
                walk.checked(),
                walk.nextSeq(),
                walk.broken(),
                startsAfter,
                mapper.unsealedCount(),
                walk.publishedChecked(),
                file);
    }

    /** A head as published: the chain's last seq and its hash at that time. */
    public record PublishedHead(long seq, String hash, Instant at) {}

    @Override
    public void start() {
        adoptKey();
        sealer.start();
    }

    @Override
    public void stop() {
        sealer.stop(Duration.ofSeconds(5));
        try {
            publishHead();
        } catch (RuntimeException e) {
            log.warn("audit chain head not published on stop: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return sealer.isRunning();
    }
}
