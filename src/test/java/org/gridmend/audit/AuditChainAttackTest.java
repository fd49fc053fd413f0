package org.gridmend.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.ibatis.session.SqlSessionFactory;
import org.gridmend.core.LockService;
import org.gridmend.security.StaffIdentitySetup;
import org.gridmend.support.Http;
import org.gridmend.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An attacker with write access to the database, but not to the configuration or the head file, tries to make
 * {@code GET /api/audit/verify} pass over a rewritten record: recomputing the links after a change (which plain
 * SHA-256 allowed), cutting events off the chain's end (which no link shows), or removing the key's fingerprint. A
 * context of its own (its own in-memory database, nothing else writing), so that the chain is the test's alone.
 * Rotating the key, and a chain from before the key, are resealed and verify again.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "camunda.bpm.process-engine-name=auditattack",
            "spring.datasource.url=jdbc:h2:mem:gridmend-audit-attack;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000"
        })
@ActiveProfiles("test")
class AuditChainAttackTest {

    private static final String OTHER_KEY = "another-audit-key-for-rotation-0123456789";

    @LocalServerPort
    int port;

    @Autowired
    AuditTrail audit;

    @Autowired
    AuditChain chain;

    @Autowired
    AuditMapper mapper;

    @Autowired
    AuditProperties properties;

    @Autowired
    StaffIdentitySetup staff;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    LockService locks;

    @Autowired
    SqlSessionFactory sessions;

    @Autowired
    Environment environment;

    Http auditor;

    @BeforeEach
    void setUp() {
        TestUsers.create(staff);
        auditor = Http.anonymous(port).as(TestUsers.AUDITOR, TestUsers.PASSWORD);
        for (int i = 0; i < 20; i++) {
            int n = i;
            transactions.executeWithoutResult(
                    s -> audit.record(AuditEntry.of("TEST_EVENT").detail("n", n)));
        }
        chain.publishHead();
        assertThat(verify().path("intact").asBoolean()).as(verify().toString()).isTrue();
    }

    private JsonNode verify() {
        Http.Response response = auditor.get("/api/audit/verify");
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private long lastSeq() {
        return jdbc.queryForObject("SELECT MAX(seq) FROM gm_audit_event", Long.class);
    }

    /** Every sealed row's links, to put back after an attack. */
    private List<Map<String, Object>> links() {
        return jdbc.queryForList("SELECT id, actor, prev_hash, hash FROM gm_audit_event WHERE seq IS NOT NULL");
    }

    private void restore(List<Map<String, Object>> links) {
        for (Map<String, Object> row : links) {
            jdbc.update(
                    "UPDATE gm_audit_event SET actor = ?, prev_hash = ?, hash = ? WHERE id = ?",
                    row.get("actor"),
                    row.get("prev_hash"),
                    row.get("hash"),
                    row.get("id"));
        }
    }

    /** Recomputes every link from {@code fromSeq} on with plain SHA-256, as an attacker could before the key. */
    private void rehashUnkeyed(long fromSeq) {
        String previous = fromSeq == 1
                ? AuditChain.GENESIS
                : jdbc.queryForObject("SELECT hash FROM gm_audit_event WHERE seq = ?", String.class, fromSeq - 1);
        for (AuditEvent e : mapper.chain(fromSeq - 1, 100_000)) {
            String hash = AuditKey.unkeyed(ChainLink.text(previous, e.seq(), e));
            jdbc.update("UPDATE gm_audit_event SET prev_hash = ?, hash = ? WHERE id = ?", previous, hash, e.id());
            previous = hash;
        }
    }

    private AuditChain nodeWith(String key, String previousKey) {
        return new AuditChain(
                mapper,
                sessions,
                locks,
                transactions,
                new AuditProperties(
                        key,
                        previousKey,
                        properties.sealInterval(),
                        properties.sealBatch(),
                        properties.headFile(),
                        properties.publishInterval()),
                environment,
                Clock.systemUTC());
    }

    @Test
    void aChangedEventWithTheLinksRecomputedIsFound() {
        List<Map<String, Object>> before = links();
        long seq = lastSeq() - 10;
        try {
            jdbc.update("UPDATE gm_audit_event SET actor = 'someone-else' WHERE seq = ?", seq);
            rehashUnkeyed(seq);

            JsonNode forged = verify();
            assertThat(forged.path("intact").asBoolean()).isFalse();
            assertThat(forged.path("firstBroken").path("seq").asLong()).isEqualTo(seq);
            assertThat(forged.path("firstBroken").path("problem").asText())
                    .isEqualTo("its content no longer matches its hash");
        } finally {
            restore(before);
        }
        assertThat(verify().path("intact").asBoolean()).isTrue();
    }

    @Test
    void eventsCutOffTheEndAreFoundByThePublishedHead() {
        long last = lastSeq();
        assertThat(verify().path("publishedChecked").asLong()).isPositive();
        List<Map<String, Object>> cut = jdbc.queryForList("SELECT * FROM gm_audit_event WHERE seq > ?", last - 3);
        jdbc.update("DELETE FROM gm_audit_event WHERE seq > ?", last - 3);
        try {
            JsonNode truncated = verify();
            assertThat(truncated.path("intact").asBoolean()).isFalse();
            assertThat(truncated.path("firstBroken").path("seq").asLong()).isEqualTo(last);
            assertThat(truncated.path("firstBroken").path("problem").asText())
                    .isEqualTo("the chain ends at seq " + (last - 3) + " but seq " + last
                            + " was published: events were removed from its end");
        } finally {
            for (Map<String, Object> row : cut) {
                jdbc.update(
                        "INSERT INTO gm_audit_event (id, seq, at, actor_type, actor, type, report_id, incident_id,"
                                + " notice_id, notification_id, customer_no, crew_id, device_id, details, prev_hash,"
                                + " hash, sealed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        row.get("ID"),
                        row.get("SEQ"),
                        row.get("AT"),
                        row.get("ACTOR_TYPE"),
                        row.get("ACTOR"),
                        row.get("TYPE"),
                        row.get("REPORT_ID"),
                        row.get("INCIDENT_ID"),
                        row.get("NOTICE_ID"),
                        row.get("NOTIFICATION_ID"),
                        row.get("CUSTOMER_NO"),
                        row.get("CREW_ID"),
                        row.get("DEVICE_ID"),
                        row.get("DETAILS"),
                        row.get("PREV_HASH"),
                        row.get("HASH"),
                        row.get("SEALED_AT"));
            }
        }
        assertThat(verify().path("intact").asBoolean()).isTrue();
    }

    @Test
    void removingTheKeysFingerprintDoesNotHelp() {
        String fingerprint = mapper.keyFingerprint();
        jdbc.update("DELETE FROM gm_audit_key");
        try {
            JsonNode keyless = verify();
            assertThat(keyless.path("intact").asBoolean()).isFalse();
            assertThat(keyless.path("firstBroken").path("problem").asText())
                    .isEqualTo("the chain is not sealed with the configured gridmend.audit.key");
            // a node starting now takes the chain for one sealed before the key, and finds it does not verify so
            assertThat(nodeWith(properties.key(), null).adoptKey()).isEqualTo(-1);
        } finally {
            jdbc.update(
                    "INSERT INTO gm_audit_key (id, fingerprint, adopted_at, resealed) VALUES (1, ?, NOW(), 0)",
                    fingerprint);
        }
        assertThat(verify().path("intact").asBoolean()).isTrue();
    }

    @Test
    void aRotatedKeyAndAChainFromBeforeTheKeyAreResealedAndVerify() {
        long events = jdbc.queryForObject("SELECT COUNT(*) FROM gm_audit_event WHERE seq IS NOT NULL", Long.class);
        // rotation: the chain is resealed with the new key; this node, still on the old one, no longer verifies it
        assertThat(nodeWith(OTHER_KEY, properties.key()).adoptKey()).isEqualTo(events);
        assertThat(verify().path("firstBroken").path("problem").asText())
                .isEqualTo("the chain is not sealed with the configured gridmend.audit.key");
        assertThat(nodeWith(OTHER_KEY, null).verify().intact()).isTrue();
        // and back, so that this node's key is the chain's again
        assertThat(nodeWith(properties.key(), OTHER_KEY).adoptKey()).isEqualTo(events);
        chain.publishHead();
        assertThat(verify().path("intact").asBoolean()).isTrue();

        // a database from before the chain was keyed: plain SHA-256 links and no fingerprint
        rehashUnkeyed(1);
        jdbc.update("DELETE FROM gm_audit_key");
        assertThat(nodeWith(properties.key(), null).adoptKey()).isEqualTo(events);
        JsonNode resealed = verify();
        assertThat(resealed.path("intact").asBoolean()).as(resealed.toString()).isTrue();
        assertThat(resealed.path("checked").asLong()).isEqualTo(events);
    }
}
