package org.gridmend.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gridmend.audit.*}: how soon new audit events are sealed into the hash chain (retention is
 * {@link RetentionProperties}).
 *
 * @param sealInterval how long a new event may stay outside the chain
 * @param sealBatch    events sealed per transaction
 */
@ConfigurationProperties("gridmend.audit")
public record AuditProperties(@DefaultValue("1s") Duration sealInterval, @DefaultValue("1000") int sealBatch) {
}
