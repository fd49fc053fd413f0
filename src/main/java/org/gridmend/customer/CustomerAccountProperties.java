package org.gridmend.customer;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Customer sign-in by SMS code: how long a code holds and how many tries it allows, how often a phone may ask (one
 * code per {@code codeInterval}, {@code codesPerHour} an hour) and a client address ({@code codesPerAddressPerHour}),
 * and how long a session lasts.
 */
@ConfigurationProperties("gridmend.customer")
public record CustomerAccountProperties(
        @DefaultValue("5m") Duration codeLifetime,
        @DefaultValue("5") int codeTries,
        @DefaultValue("60s") Duration codeInterval,
        @DefaultValue("5") int codesPerHour,
        @DefaultValue("20") int codesPerAddressPerHour,
        @DefaultValue("30d") Duration sessionLifetime) {}
