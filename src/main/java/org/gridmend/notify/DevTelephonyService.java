package org.gridmend.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.gridmend.core.Pii;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The development telephony gateway's bindings (demo profile only): a virtual number per binding, kept by id. */
@Service
@Profile("demo")
public class DevTelephonyService {

    private final DevTelephonyMapper bindings;
    private final Clock clock;

    DevTelephonyService(DevTelephonyMapper bindings, Clock clock) {
        this.bindings = bindings;
        this.clock = clock;
    }

    public record Bound(String bindingId, String virtualNumber) {}

    public record Shown(
            String bindingId,
            String a,
            String b,
            String virtualNumber,
            Instant expiresAt,
            Instant createdAt,
            Instant removedAt) {}

    /** Binds a new number, or answers the one a retried request bound already. */
    @Transactional
    public Bound bind(String bindingId, String a, String b, Instant expiresAt) {
        DevTelephonyMapper.DevBinding known = bindings.find(bindingId);
        if (known != null) {
            return new Bound(known.bindingId(), known.virtualNumber());
        }
        String number = String.format(
                Locale.ROOT, "170%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        bindings.insert(bindingId, a, b, number, expiresAt, clock.instant());
        return new Bound(bindingId, number);
    }

    @Transactional
    public boolean unbind(String bindingId) {
        return bindings.remove(bindingId, clock.instant()) > 0;
    }

    @Transactional(readOnly = true)
    public List<Shown> recent() {
        return bindings.recent(100).stream()
                .map(b -> new Shown(
                        b.bindingId(),
                        Pii.maskPhone(b.a()),
                        Pii.maskPhone(b.b()),
                        b.virtualNumber(),
                        b.expiresAt(),
                        b.createdAt(),
                        b.removedAt()))
                .toList();
    }
}
