package org.gridmend.audit;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gridmend.retention.*}: how long history is kept, by Camunda (each process definition's
 * historyTimeToLive is set to {@code historyTimeToLive} when the application starts) and by GridMend (its own
 * records of reports and repair orders that ended longer ago, and the audit events older than that), and when the
 * clean-up runs (the engine's history clean-up window, in the server's time zone).
 *
 * @param historyTimeToLive  how long after their end reports, repair orders and their history are kept
 * @param cleanupWindowStart start of the nightly clean-up window
 * @param cleanupWindowEnd   end of the window
 * @param batchSize          rows deleted per statement
 */
@ConfigurationProperties("gridmend.retention")
public record RetentionProperties(
        @DefaultValue("180d") Duration historyTimeToLive,
        @DefaultValue("01:00") LocalTime cleanupWindowStart,
        @DefaultValue("05:00") LocalTime cleanupWindowEnd,
        @DefaultValue("1000") int batchSize) {

    public int historyTimeToLiveDays() {
        return (int) Math.max(1, historyTimeToLive.toDays());
    }
}
