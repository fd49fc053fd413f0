package org.gridmend.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.gridmend.cluster.NodeService;
import org.gridmend.core.Refusal;
import org.junit.jupiter.api.Test;

class IntakeRateLimiterTest {

    private final ReportMapper reports = mock(ReportMapper.class);
    private final IntakeProperties properties = new IntakeProperties(
            new IntakeProperties.PerCustomer(3, Duration.ofMinutes(10)), new IntakeProperties.PerAddress(5));

    private final NodeService nodes = mock(NodeService.class);

    {
        when(nodes.aliveCount()).thenReturn(1);
    }

    private IntakeRateLimiter at(String instant) {
        return new IntakeRateLimiter(reports, properties, nodes, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    private static ReportRequest from(String customerNo, String phone) {
        return new ReportRequest("r", Channel.APP, customerNo, phone, null, null, null, null);
    }

    @Test
    void aCustomerMaySendAFewReportsPerWindow() {
        when(reports.countSinceByCustomer(eq("C1"), any())).thenReturn(2L, 3L);
        IntakeRateLimiter limiter = at("2026-11-29T10:00:00Z");
        limiter.check(from("C1", null), "10.0.0.1");
        assertThatThrownBy(() -> limiter.check(from("C1", null), "10.0.0.1"))
                .isInstanceOf(Refusal.class)
                .satisfies(e -> {
                    Refusal limited = (Refusal) e;
                    assertThat(limited.kind()).isEqualTo(Refusal.Kind.RATE_LIMITED);
                    assertThat(limited.field()).isEqualTo("customerNo");
                    assertThat(limited.retryAfterSeconds()).isEqualTo(600);
                });
    }

    @Test
    void aPhoneIsLimitedLikeACustomer() {
        when(reports.countSinceByPhone(eq("13800000000"), any())).thenReturn(3L);
        assertThatThrownBy(() -> at("2026-11-29T10:00:00Z").check(from(null, "13800000000"), "10.0.0.1"))
                .satisfies(e -> assertThat(((Refusal) e).field()).isEqualTo("phone"));
    }

    @Test
    void aClientAddressOnlyAboveItsCeilingAndOnlyForTheMinute() {
        IntakeRateLimiter limiter = at("2026-11-29T10:00:15Z");
        for (int i = 0; i < 5; i++) {
            limiter.check(from("C" + i, null), "10.0.0.9");
        }
        assertThatThrownBy(() -> limiter.check(from("C9", null), "10.0.0.9"))
                .satisfies(e -> assertThat(((Refusal) e).retryAfterSeconds()).isEqualTo(45));
        // another address is not affected
        limiter.check(from("C9", null), "10.0.0.10");
        // the next minute starts afresh
        IntakeRateLimiter nextMinute = new IntakeRateLimiter(
                reports, properties, nodes, Clock.fixed(Instant.parse("2026-11-29T10:01:00Z"), ZoneOffset.UTC));
        nextMinute.check(from("C9", null), "10.0.0.9");
    }

    @Test
    void theNodesAliveShareAnAddresssMinute() {
        // two nodes: each takes 3 of the 5 (rounded up), so the address gets 5 or 6 over both, never 10
        when(nodes.aliveCount()).thenReturn(2);
        IntakeRateLimiter limiter = at("2026-11-29T10:00:15Z");
        for (int i = 0; i < 3; i++) {
            limiter.check(from("C" + i, null), "10.0.0.7");
        }
        assertThatThrownBy(() -> limiter.check(from("C8", null), "10.0.0.7")).isInstanceOf(Refusal.class);
    }
}
