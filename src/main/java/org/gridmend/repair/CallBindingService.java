package org.gridmend.repair;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The call button: a privacy number (AXB) per report of an order, bound to the customer's and the crew's phones when
 * the crew accepts and removed when power is back, so that neither side sees the other's number. The gateway is
 * called after the step's transaction commits, on a thread of its own; a binding that failed is tried again when
 * somebody presses the button.
 */
@Service
public class CallBindingService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CallBindingService.class);

    private final CallBindingMapper bindings;
    private final RepairOrderMapper orders;
    private final CrewMapper crews;
    private final TelephonyClient telephony;
    private final ContactProperties properties;
    private final AuditTrail audit;
    private final Clock clock;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "call-bindings");
        t.setDaemon(true);
        return t;
    });

    CallBindingService(
            CallBindingMapper bindings,
            RepairOrderMapper orders,
            CrewMapper crews,
            TelephonyClient telephony,
            ContactProperties properties,
            AuditTrail audit,
            Clock clock) {
        this.bindings = bindings;
        this.orders = orders;
        this.crews = crews;
        this.telephony = telephony;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** A virtual number in force: whom it reaches is the gateway's secret. */
    public record Call(long reportId, String virtualNumber, Instant expiresAt) {}

    /** The crew accepted: every customer of the order gets a number to reach it, once the acceptance is committed. */
    void accepted(long incidentId) {
        afterCommit(() -> bindAll(incidentId));
    }

    /** Power is back: the numbers stop working, once the restoration is committed. */
    void restored(long incidentId) {
        afterCommit(() -> unbindAll(incidentId));
    }

    /** The number for one report of an order that takes calls now, bound on the spot when it has none yet. */
    public Optional<Call> forReport(long incidentId, long reportId) {
        RepairOrderRecord order = orders.find(incidentId);
        if (!OrderMessageService.open(order) || !telephony.configured()) {
            return Optional.empty();
        }
        Optional<Call> call = active(incidentId).stream()
                .filter(c -> c.reportId() == reportId)
                .findFirst();
        if (call.isPresent()) {
            return call;
        }
        synchronized (this) {
            bindMissing(order, reportId);
        }
        return active(incidentId).stream().filter(c -> c.reportId() == reportId).findFirst();
    }

    /** Every number of an order that takes calls now: the crew's list of whom to call. */
    public List<Call> forOrder(long incidentId) {
        RepairOrderRecord order = orders.find(incidentId);
        if (!OrderMessageService.open(order) || !telephony.configured()) {
            return List.of();
        }
        synchronized (this) {
            bindMissing(order, null);
        }
        return active(incidentId);
    }

    private List<Call> active(long incidentId) {
        return bindings.active(incidentId, clock.instant()).stream()
                .map(b -> new Call(b.reportId(), b.virtualNumber(), b.expiresAt()))
                .toList();
    }

    private synchronized void bindAll(long incidentId) {
        RepairOrderRecord order = orders.find(incidentId);
        if (OrderMessageService.open(order) && telephony.configured()) {
            bindMissing(order, null);
        }
    }

    private void bindMissing(RepairOrderRecord order, Long onlyReport) {
        CrewRecord crew = order.crewId() == null ? null : crews.crew(order.crewId());
        if (crew == null || crew.phone() == null) {
            return;
        }
        List<Long> bound = bindings.active(order.id(), clock.instant()).stream()
                .map(CallBindingMapper.Binding::reportId)
                .toList();
        for (CallBindingMapper.Callee callee : bindings.callees(order.id())) {
            if (bound.contains(callee.reportId()) || (onlyReport != null && onlyReport != callee.reportId())) {
                continue;
            }
            Instant now = clock.instant();
            Instant expires = now.plus(properties.call().bindingTtl());
            String id = "CB-" + UUID.randomUUID();
            TelephonyClient.Bound result = telephony.bind(id, callee.phone(), crew.phone(), expires);
            String error = result.error() == null
                    ? null
                    : result.error().substring(0, Math.min(300, result.error().length()));
            bindings.insert(
                    id,
                    order.id(),
                    callee.reportId(),
                    result.virtualNumber(),
                    result.virtualNumber() == null ? "FAILED" : "ACTIVE",
                    error,
                    expires,
                    now);
            audit.record(AuditEntry.of(result.virtualNumber() == null ? "CALL_BINDING_FAILED" : "CALL_BOUND")
                    .at(now)
                    .incident(order.id())
                    .report(callee.reportId())
                    .crew(crew.id())
                    .details("bindingId", id, "error", error));
            if (error != null) {
                log.warn(
                        "call binding failed incidentId={} reportId={} error={}", order.id(), callee.reportId(), error);
            }
        }
    }

    private synchronized void unbindAll(long incidentId) {
        for (CallBindingMapper.Binding b : bindings.active(incidentId, Instant.EPOCH)) {
            boolean gone = telephony.unbind(b.bindingId());
            // the number is dead for GridMend either way; the gateway lets it lapse at expiresAt if it missed this
            bindings.remove(b.bindingId(), "REMOVED", clock.instant());
            audit.record(AuditEntry.of("CALL_UNBOUND")
                    .at(clock.instant())
                    .incident(incidentId)
                    .report(b.reportId())
                    .details("bindingId", b.bindingId(), "gatewayConfirmed", gone));
        }
    }

    private void afterCommit(Runnable work) {
        if (!telephony.configured()) {
            return;
        }
        Runnable guarded = () -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.warn("call binding step failed error={}", e.toString());
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    background.submit(guarded);
                }
            });
        } else {
            background.submit(guarded);
        }
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }
}
