package org.gridmend.process;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How long the processes wait for customers; the timers read them through {@link ProcessTimers}. */
@ConfigurationProperties("gridmend.process")
public record ProcessTimerProperties(
        @DefaultValue("1d") Duration electricianChoiceWindow,
        @DefaultValue("2h") Duration confirmationWindow,
        @DefaultValue("3d") Duration ratingWindow) {}
