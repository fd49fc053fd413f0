package org.gridmend.report;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.gridmend.core.LockService;
import org.gridmend.core.ProcessConstants;
import org.gridmend.core.PublicIds;
import org.gridmend.process.EngineBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts the FaultReport process of every stored report whose process has not started yet, up to
 * {@value #BATCH} per transaction. Intake wakes it after each commit; it also looks every second, so a report
 * stored just before a crash, or by a node that went away, is started all the same. Nodes take turns through a
 * database lock. The process's first step is asynchronous: starting only creates the instance and its first job.
 *
 * <p>Keeping the engine out of intake's transaction lets the customer's answer come back as soon as the report row
 * is committed, and lets many starts share one engine flush and one commit during a storm.
 */
@Component
public class FaultReportStarter implements DisposableBean {

    static final int BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(FaultReportStarter.class);

    private final ReportMapper reports;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final LockService locks;
    private final EngineBatch engine;
    private final TransactionTemplate transactions;
    private final Semaphore wakeUp = new Semaphore(0);
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fault-report-starter");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean running = true;

    FaultReportStarter(
            ReportMapper reports,
            RuntimeService runtime,
            RepositoryService repository,
            LockService locks,
            EngineBatch engine,
            TransactionTemplate transactions) {
        this.reports = reports;
        this.runtime = runtime;
        this.repository = repository;
        this.locks = locks;
        this.engine = engine;
        this.transactions = transactions;
    }

    /** Called inside intake's transaction: wakes the starter once that transaction has committed. */
    void startAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wakeUp.release();
                }
            });
        } else {
            wakeUp.release();
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void begin() {
        thread.execute(this::loop);
    }

    private void loop() {
        while (running) {
            try {
                wakeUp.tryAcquire(1, TimeUnit.SECONDS);
                wakeUp.drainPermits();
                while (running && startPending() == BATCH) {
                    // a full batch: more may be waiting
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("starting fault report processes failed; retrying in a second: {}", e.toString());
            }
        }
    }

    /** Starts the processes of up to {@value #BATCH} waiting reports; returns how many it started. */
    public int startPending() {
        Integer started = transactions.execute(tx -> {
            locks.lock(LockService.FAULT_REPORT_STARTER);
            List<Long> ids = reports.pendingProcessStarts(BATCH);
            if (ids.isEmpty()) {
                return 0;
            }
            String definition = repository
                    .createProcessDefinitionQuery()
                    .processDefinitionKey(ProcessConstants.FAULT_REPORT)
                    .latestVersion()
                    .singleResult()
                    .getId();
            engine.inOneCommand(() -> {
                for (Long id : ids) {
                    runtime.createProcessInstanceById(definition)
                            .businessKey(PublicIds.report(id))
                            .setVariable(ProcessConstants.REPORT_ID, id)
                            .execute();
                }
                return null;
            });
            reports.markProcessStarted(ids);
            return ids.size();
        });
        if (started != null && started > 0) {
            log.debug("fault report processes started count={}", started);
        }
        return started == null ? 0 : started;
    }

    @Override
    public void destroy() {
        running = false;
        thread.shutdownNow();
    }
}
