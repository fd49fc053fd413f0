package org.gridmend.repair;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The telephony gateway of the call button (privacy numbers, AXB): {@code POST {url}/bindings} {bindingId, a, b,
 * expiresAt} answers {virtualNumber}; {@code DELETE {url}/bindings/{bindingId}} ends it. Without a url there is no
 * call button, only messages.
 */
@ConfigurationProperties("gridmend.contact")
public record ContactProperties(@DefaultValue Call call) {

    public record Call(
            String url,
            String user,
            String password,
            @DefaultValue("3s") Duration connectTimeout,
            @DefaultValue("5s") Duration readTimeout,
            // a binding outlives a long repair, and is removed as soon as power is back
            @DefaultValue("12h") Duration bindingTtl) {

        public boolean configured() {
            return url != null && !url.isBlank();
        }
    }
}
