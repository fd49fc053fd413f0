package org.gridmend.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.gridmend.core.BackgroundLoop;
import org.gridmend.core.Expiring;
import org.gridmend.core.LockService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention (gridmend.retention.*): Camunda keeps each process's history for {@code historyTimeToLive} (set on
 * every deployed definition at start-up) and removes it in the engine's history clean-up window; GridMend removes
 * its own records of reports, repair orders and notices that ended longer ago, and the oldest part of the audit
 * chain, in the same window. What the chain loses is summed up by a checkpoint (the last removed event's sequence
 * number and hash), from which {@link AuditChain#verify()} starts, and the clean-up itself is an audit event.
 */
@Service
public class RetentionService implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RetentionService.class);
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final RetentionMapper records;
    private final AuditMapper chain;
    private final AuditChain sealer;
    private final AuditTrail audit;
    private final LockService locks;
    private final TransactionTemplate transactions;
    private final RepositoryService repository;
    private final RetentionProperties properties;
    private final List<Expiring> expiring;
    private final Clock clock;
    private final BackgroundLoop worker =
            new BackgroundLoop("retention", log, Duration.ofMinutes(1), this::runInWindow);
    private LocalDate lastRun;

    RetentionService(
            RetentionMapper records,
            AuditMapper chain,
            AuditChain sealer,
            AuditTrail audit,
            LockService locks,
            TransactionTemplate transactions,
            RepositoryService repository,
            RetentionProperties properties,
            List<Expiring> expiring,
            Clock clock) {
        this.expiring = List.copyOf(expiring);
        this.records = records;
        this.chain = chain;
        this.sealer = sealer;
        this.audit = audit;
        this.locks = locks;
        this.transactions = transactions;
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    /** The engine's history clean-up runs in GridMend's window. */
    @Configuration(proxyBeanMethods = false)
    static class EngineRetention {

        @Bean
        ProcessEnginePlugin historyCleanupWindow(RetentionProperties properties) {
            return new AbstractProcessEnginePlugin() {
                @Override
                public void preInit(ProcessEngineConfigurationImpl configuration) {
                    configuration.setHistoryCleanupBatchWindowStartTime(
                            properties.cleanupWindowStart().format(HH_MM));
                    configuration.setHistoryCleanupBatchWindowEndTime(
                            properties.cleanupWindowEnd().format(HH_MM));
                }
            };
        }
    }

    /** Every deployed process keeps its history as long as configured (the BPMN files carry the default). */
    @EventListener(PostDeployEvent.class)
    public void applyHistoryTimeToLive() {
        int days = properties.historyTimeToLiveDays();
        for (ProcessDefinition definition :
                repository.createProcessDefinitionQuery().list()) {
            if (!Objects.equals(definition.getHistoryTimeToLive(), days)) {
                repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days);
                log.info("history time to live set processDefinitionId={} days={}", definition.getId(), days);
            }
        }
    }

    /** Whether {@code time} (in the server's zone, like the engine's window) lies in the clean-up window. */
    boolean inWindow(LocalTime time) {
        LocalTime start = properties.cleanupWindowStart();
        LocalTime end = properties.cleanupWindowEnd();
        return start.isBefore(end)
                ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
    }

    /**
     * Removes what ended before {@code now - historyTimeToLive}; returns the counts per kind (also recorded as the
     * audit event RETENTION_CLEANUP when anything went).
     */
    public Map<String, Integer> cleanup(Instant now) {
        Instant cutoff = now.minus(properties.historyTimeToLive());
        Map<String, Integer> removed = new LinkedHashMap<>();
        int batch = properties.batchSize();
        removed.put(
                "reports",
                repeat(() -> inLock(() -> {
                    List<Long> ids = records.endedReports(cutoff, batch);
                    if (!ids.isEmpty()) {
                        records.unlinkMeterEvents(ids);
                        for (String[] child : new String[][] {
                            {"gm_report_event", "report_id"},
                            {"gm_rating", "report_id"},
                            {"gm_triage_decision", "report_id"},
                            {"gm_notification", "report_id"}
                        }) {
                            records.deleteByIds(child[0], child[1], ids, child[0].equals("gm_notification"));
                        }
                        records.deleteByIds("gm_report", "id", ids, false);
                    }
                    return ids.size();
                })));
        removed.put(
                "repairOrders",
                repeat(() -> inLock(() -> {
                    List<Long> ids = records.endedIncidents(cutoff, batch);
                    if (!ids.isEmpty()) {
                        for (String child : new String[] {
                            "gm_repair_order_event",
                            "gm_dispatch_attempt",
                            "gm_repair_order_note",
                            "gm_photo",
                            "gm_rating",
                            "gm_triage_decision",
                            "gm_incident_told",
                            "gm_notification",
                            "gm_repair_order"
                        }) {
                            records.deleteByIds(child, "incident_id", ids, child.equals("gm_notification"));
                        }
                        records.deleteByIds("gm_incident", "id", ids, false);
                    }
                    return ids.size();
                })));
        removed.put(
                "notices",
                repeat(() -> inLock(() -> {
                    List<Long> ids = records.endedNotices(cutoff, batch);
                    if (!ids.isEmpty()) {
                        records.deleteByIds("gm_notification", "notice_id", ids, true);
                        records.deleteByIds("gm_outage_notice", "id", ids, false);
                    }
                    return ids.size();
                })));
        removed.put("crewPositions", repeat(() -> records.deleteOldPositions(cutoff, batch)));
        removed.put("meterEvents", repeat(() -> records.deleteOldMeterEvents(cutoff, batch)));
        removed.put("notifications", repeat(() -> records.deleteOldNotifications(cutoff, batch)));
        removed.put("devInbox", repeat(() -> records.deleteOldDevInbox(cutoff, batch)));
        // sign-in records are kept for as long as they throttle, not for the history's time to live
        Instant dayAgo = now.minus(Duration.ofDays(1));
        removed.put("customerCodes", repeat(() -> records.deleteOldCustomerCodes(dayAgo, batch)));
        removed.put("customerSessions", repeat(() -> records.deleteExpiredCustomerSessions(dayAgo, batch)));
        expiring.forEach(e -> removed.put(e.name(), e.forgetExpired()));
        removed.put("auditEvents", trimChain(cutoff, now));
        if (removed.values().stream().anyMatch(n -> n > 0)) {
            AuditEntry entry = AuditEntry.of("RETENTION_CLEANUP").detail("before", cutoff);
            removed.forEach(entry::detail);
            transactions.executeWithoutResult(status -> audit.record(entry));
            log.info("retention clean-up done before={} removed={}", cutoff, removed);
        }
        return removed;
    }

    /** The chain's part wholly before the cutoff goes; a checkpoint keeps where the rest starts. */
    private int trimChain(Instant cutoff, Instant now) {
        sealer.sealPending();
        return Objects.requireNonNull(transactions.execute(status -> {
            locks.lock(LockService.AUDIT_CHAIN);
            Long last = chain.lastSeqBefore(cutoff);
            AuditMapper.Checkpoint checkpoint = chain.latestCheckpoint();
            if (last == null || last < 1 || (checkpoint != null && last <= checkpoint.seq())) {
                return 0;
            }
            AuditEvent end = chain.bySeq(last);
            int removed = chain.deleteUpTo(last);
            chain.insertCheckpoint(last, end.hash(), removed, cutoff, now);
            return removed;
        }));
    }

    private int inLock(Supplier<Integer> step) {
        return Objects.requireNonNull(transactions.execute(status -> {
            locks.lock(LockService.RETENTION);
            return step.get();
        }));
    }

    private static int repeat(Supplier<Integer> step) {
        int total = 0;
        int n;
        do {
            n = step.get();
            total += n;
        } while (n > 0);
        return total;
    }

    /** Once a night, inside the window: looked at every minute. */
    private Duration runInWindow() {
        var local = clock.instant().atZone(ZoneId.systemDefault());
        if (inWindow(local.toLocalTime()) && !local.toLocalDate().equals(lastRun)) {
            cleanup(clock.instant());
            lastRun = local.toLocalDate();
        }
        return Duration.ofMinutes(1);
    }

    @Override
    public void start() {
        worker.start();
    }

    @Override
    public void stop() {
        worker.stop(Duration.ofSeconds(5));
    }

    @Override
    public boolean isRunning() {
        return worker.isRunning();
    }
}
