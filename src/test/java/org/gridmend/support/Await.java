package org.gridmend.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waits for what the job executor does in the background. */
public final class Await {

    private Await() {}

    /** Polls every 100 ms until the condition holds; fails after {@code seconds}. */
    public static void until(BooleanSupplier condition, int seconds) {
        Instant until = Instant.now().plus(Duration.ofSeconds(seconds));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("condition never held").isBefore(until);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
