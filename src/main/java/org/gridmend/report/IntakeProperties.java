package org.gridmend.report;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on intake. Per customer number and per phone: a few reports per window (exact across nodes, counted in the
 * database). Per client address: only a high per-minute ceiling (counted per node), because in a storm thousands of
 * customers reach us from one carrier address.
 */
@ConfigurationProperties("gridmend.intake")
public record IntakeProperties(
        @DefaultValue PerCustomer perCustomer, @DefaultValue PerAddress perAddress) {

    public record PerCustomer(
            @DefaultValue("5") int max, @DefaultValue("10m") Duration window) {}

    public record PerAddress(@DefaultValue("30000") int maxPerMinute) {}
}
