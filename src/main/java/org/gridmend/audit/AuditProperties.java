package org.gridmend.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gridmend.audit.*}: the key the audit chain is sealed with, how soon new audit events are sealed, and where
 * the chain's head is published (retention is {@link RetentionProperties}).
 *
 * @param key             the chain's HMAC secret, 32 or more characters; from the environment
 *                        ({@code GRIDMEND_AUDIT_KEY}), never from the database
 * @param previousKey     the key before a rotation: a chain sealed with it is verified and resealed with
 *                        {@code key} on start, then this can go
 * @param sealInterval    how long a new event may stay outside the chain
 * @param sealBatch       events sealed per transaction
 * @param headFile        a file outside the database (another disk, a write-once share) to which the chain's head
 *                        (seq and hash) is appended every {@code publishInterval} (data/audit-heads.jsonl by
 *                        default); {@code verify} checks the chain against every head in it, which finds a
 *                        chain rewritten or cut short. Empty: heads go only to the log
 * @param publishInterval how often a new head is published (the log line and the file)
 */
@ConfigurationProperties("gridmend.audit")
public record AuditProperties(
        String key,
        String previousKey,
        @DefaultValue("1s") Duration sealInterval,
        @DefaultValue("1000") int sealBatch,
        @DefaultValue("data/audit-heads.jsonl") String headFile,
        @DefaultValue("10m") Duration publishInterval) {}
