package org.gridmend.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Throttling of failed staff sign-ins (HTTP Basic, Camunda's webapp login): within {@code window}, a user id from one
 * client address gets {@code perUserAndAddress} tries, a client address {@code perAddress} tries whatever the user
 * ids; past {@code perUser} failures for one user id from anywhere, every address that failed for it is refused
 * (an address that never failed, the user's own, still signs in at once). A refusal lasts {@code firstBlock},
 * doubling with every further one up to {@code maxBlock}: temporary, never a lock for good.
 */
@ConfigurationProperties("gridmend.security.sign-in")
public record SignInProperties(
        @DefaultValue("15m") Duration window,
        @DefaultValue("5") int perUserAndAddress,
        @DefaultValue("20") int perAddress,
        @DefaultValue("30") int perUser,
        @DefaultValue("1m") Duration firstBlock,
        @DefaultValue("30m") Duration maxBlock) {}
