package org.gridmend.bench;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The restoration fan-out ({@link FanoutScenario}) on H2 in memory. Run with
 * {@code mvn verify -Pbenchmark -Dit.test=NotificationFanoutBenchmark}.
 */
class NotificationFanoutBenchmark extends FanoutScenario {

    @DynamicPropertySource
    static void h2(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:gridmend-fanout;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
    }
}
