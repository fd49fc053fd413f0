package org.gridmend.notify;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Notification gateways, delivery and what is worth telling; every value is documented in the README. */
@ConfigurationProperties("gridmend.notify")
public record NotifyProperties(
        @DefaultValue Gateway sms,
        @DefaultValue Gateway push,
        @DefaultValue("true") boolean deliver,
        @DefaultValue("8") int threads,
        @DefaultValue("100") int batchSize,
        @DefaultValue("200ms") Duration idlePoll,
        @DefaultValue("30s") Duration lease,
        @DefaultValue("10s") Duration settle,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("5s") Duration firstRetry,
        @DefaultValue("30m") Duration maxRetry,
        @DefaultValue("30m") Duration etrMinChange,
        @DefaultValue QuietHours quietHours,
        @DefaultValue("【供电服务】") String smsSignature,
        @DefaultValue Streams streams,
        @DefaultValue Corroboration corroboration) {

    /**
     * When an outage is told to the customers below the device who did not report: once {@code minCustomers}
     * customers reported it (or a signed-in customer, a meter, a notice, a crew or a dispatcher corroborates it).
     */
    public record Corroboration(@DefaultValue("2") int minCustomers) {}

    /** A gateway's base URL, credentials and timeouts. An empty URL means nothing is sent on that channel yet. */
    public record Gateway(
            @DefaultValue("") String url,
            @DefaultValue("") String user,
            @DefaultValue("") String password,
            @DefaultValue("2s") Duration connectTimeout,
            @DefaultValue("5s") Duration readTimeout) {

        public boolean configured() {
            return url != null && !url.isBlank();
        }
    }

    /**
     * Live timelines ({@code GET /api/reports/{id}/events}): how often open streams look for new lines, how many may
     * be open on one node, for one report and from one client address (beyond any of these the client is told to
     * poll), and how long one stays open before the browser reconnects.
     */
    public record Streams(
            @DefaultValue("2s") Duration poll,
            @DefaultValue("500") int max,
            @DefaultValue("3") int maxPerReport,
            @DefaultValue("20") int maxPerClient,
            @DefaultValue("30m") Duration timeout,
            @DefaultValue("15s") Duration heartbeat) {}

    /** When rating requests wait (China time): from {@code start} to {@code end}, across midnight. */
    public record QuietHours(
            @DefaultValue("22:00") LocalTime start,
            @DefaultValue("08:00") LocalTime end) {}

    /** The wait before attempt {@code attempts + 1}: doubling from {@code firstRetry}, at most {@code maxRetry}. */
    public Duration backoff(int attempts) {
        Duration wait = firstRetry.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }
}
