package org.gridmend.triage;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The AMI head-end that answers meter pings before a crew drives out on an upstream prediction: its URL (empty: no
 * pings), credentials and timeouts, how many meters to ask per area and in all, and how long the repair order waits
 * for an answer before it dispatches anyway.
 */
@ConfigurationProperties("gridmend.ami")
public record AmiProperties(
        @DefaultValue("") String url,
        @DefaultValue("") String user,
        @DefaultValue("") String password,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration readTimeout,
        @DefaultValue("3") int samplePerArea,
        @DefaultValue("60") int maxMeters,
        @DefaultValue("45s") Duration answerWait) {

    public boolean configured() {
        return url != null && !url.isBlank();
    }
}
