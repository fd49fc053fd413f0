package org.gridmend.notify;

import java.time.Instant;
import java.util.Objects;
import java.util.function.IntSupplier;

import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

/** The dispatcher's writes to the outbox: each attempt's result, audited, and retried when the database was busy. */
class WriteBacks {

    private final TransactionTemplate transactions;
    private final AuditTrail audit;

    WriteBacks(TransactionTemplate transactions, AuditTrail audit) {
        this.transactions = transactions;
        this.audit = audit;
    }

    /**
     * Writes an attempt's result back and, when this node still held the lease, records the attempt in the audit
     * trail in the same transaction.
     */
    int recorded(
            NotificationMapper.Outgoing message,
            int attempt,
            String result,
            Integer gatewayStatus,
            String error,
            Instant next,
            IntSupplier writeBack) {
        return retrying(() -> Objects.requireNonNull(transactions.execute(status -> {
            int written = writeBack.getAsInt();
            if (written == 1) {
                audit.record(AuditEntry.of("NOTIFICATION_" + result)
                        .notification(message.id())
                        .report(message.reportId())
                        .incident(message.incidentId())
                        .notice(message.noticeId())
                        .about(message.customerNo())
                        .detail("messageId", message.messageId())
                        .detail("channel", message.channel())
                        .detail("event", message.eventType())
                        .detail("attempt", attempt)
                        .detail("gatewayStatus", gatewayStatus)
                        .detail("error", error)
                        .detail("nextAttempt", next));
            }
            return written;
        })));
    }

    /**
     * Runs one outbox statement, again when the database chose it as a deadlock victim or could not lock in time
     * (a write-back lost would leave a delivered message to be sent once more after its lease).
     */
    static int retrying(IntSupplier statement) {
        for (int attempt = 1; ; attempt++) {
            try {
                return statement.getAsInt();
            } catch (TransientDataAccessException busy) {
                if (attempt == 5) {
                    throw busy;
                }
                try {
                    Thread.sleep(10L * attempt);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw busy;
                }
            }
        }
    }
}
