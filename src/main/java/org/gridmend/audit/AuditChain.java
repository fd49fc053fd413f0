package org.gridmend.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSessionFactory;
import org.gridmend.process.BackgroundLoop;
import org.gridmend.process.LockService;
import org.mybatis.spring.SqlSessionTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hash chain over GridMend's audit events. Each event, once committed, is given the next sequence number and
 * {@code hash = SHA-256(previous hash, seq, every field of the event)}; changing, removing or inserting a sealed
 * event breaks the link to the next one, which {@link #verify()} finds. Sealing runs in the background under a
 * database lock (one sealer at a time across nodes), so that writers never wait on each other for the chain's head.
 * After retention removed the chain's oldest part, a checkpoint holds the hash the remaining part starts from.
 */
@Component
public class AuditChain implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditChain.class);
    /** The hash the very first event links to. */
    static final String GENESIS = "0".repeat(64);
    private static final int VERIFY_PAGE = 5000;

    private final AuditMapper mapper;
    /** The same statements, sent to the database in one batch per sealing transaction. */
    private final AuditMapper batch;
    private final LockService locks;
    private final TransactionTemplate transactions;
    private final AuditProperties properties;
    private final Clock clock;
    private final BackgroundLoop sealer;

    AuditChain(AuditMapper mapper, SqlSessionFactory sessions, LockService locks, TransactionTemplate transactions,
               AuditProperties properties, Clock clock) {
        this.mapper = mapper;
        // one round trip for a thousand seals instead of a thousand: sealing keeps up with a storm's deliveries
        // without taking their CPU
        this.batch = new SqlSessionTemplate(sessions, ExecutorType.BATCH).getMapper(AuditMapper.class);
        this.locks = locks;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.sealer = new BackgroundLoop("audit-sealer", log, properties.sealInterval(), () -> {
            sealPending();
            return properties.sealInterval();
        });
    }

    /** Seals every event committed so far; returns how many. */
    public int sealPending() {
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
            String hash = hash(previous, seq, event);
            batch.seal(event.id(), seq, previous, hash, now);
            previous = hash;
        }
        return events.size();
    }

    /**
     * Recomputes the whole chain from its start (the genesis, or the latest retention checkpoint) and reports the
     * first link that does not hold: a changed event (its hash no longer matches its content), a removed or
     * inserted one (a gap in the sequence, or a previous hash that is not the one before it).
     */
    public Verification verify() {
        sealPending();
        AuditMapper.Checkpoint checkpoint = mapper.latestCheckpoint();
        long expectedSeq = checkpoint == null ? 1 : checkpoint.seq() + 1;
        String previous = checkpoint == null ? GENESIS : checkpoint.hash();
        long checked = 0;
        long after = expectedSeq - 1;
        while (true) {
            List<AuditEvent> page = mapper.chain(after, VERIFY_PAGE);
            for (AuditEvent event : page) {
                String problem = null;
                if (event.seq() != expectedSeq) {
                    problem = "events " + expectedSeq + " to " + (event.seq() - 1) + " are missing";
                } else if (!previous.equals(event.prevHash())) {
                    problem = "does not link to the event before it";
                } else if (!hash(previous, event.seq(), event).equals(event.hash())) {
                    problem = "its content no longer matches its hash";
                }
                if (problem != null) {
                    return new Verification(false, checked, expectedSeq, new BrokenLink(event.seq(), event.id(),
                            event.type(), problem), checkpoint == null ? null : checkpoint.seq(), mapper.unsealedCount());
                }
                checked++;
                expectedSeq++;
                previous = event.hash();
                after = event.seq();
            }
            if (page.size() < VERIFY_PAGE) {
                break;
            }
        }
        return new Verification(true, checked, expectedSeq, null, checkpoint == null ? null : checkpoint.seq(),
                mapper.unsealedCount());
    }

    static String hash(String previous, long seq, AuditEvent e) {
        StringBuilder text = new StringBuilder(256);
        for (Object field : new Object[] {previous, seq, e.id(), e.at() == null ? null : e.at().toEpochMilli(),
                e.actorType(), e.actor(), e.type(), e.reportId(), e.incidentId(), e.noticeId(), e.notificationId(),
                e.customerNo(), e.crewId(), e.deviceId(), e.details()}) {
            // length-prefixed, so that no two different events hash the same text
            String value = field == null ? "" : field.toString();
            text.append(field == null ? -1 : value.length()).append(':').append(value).append('|');
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e2) {
            throw new IllegalStateException(e2);
        }
    }

    /**
     * @param intact      whether every sealed event links to the one before it and matches its hash
     * @param checked     events checked (up to the first broken link)
     * @param nextSeq     the sequence number checked next (or the next one to be sealed when intact)
     * @param firstBroken the first broken link, when not intact
     * @param startsAfter the retention checkpoint the chain starts from, if any
     * @param unsealed    events committed but not yet sealed (they are within seconds of their commit)
     */
    public record Verification(boolean intact, long checked, long nextSeq, BrokenLink firstBroken, Long startsAfter,
                               long unsealed) {
    }

    public record BrokenLink(long seq, long eventId, String type, String problem) {
    }

    @Override
    public void start() {
        sealer.start();
    }

    @Override
    public void stop() {
        sealer.stop(Duration.ofSeconds(5));
    }

    @Override
    public boolean isRunning() {
        return sealer.isRunning();
    }
}
