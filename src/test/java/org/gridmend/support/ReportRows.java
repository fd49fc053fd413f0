package org.gridmend.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.gridmend.report.Channel;
import org.gridmend.report.ReportMapper;
import org.gridmend.report.ReportStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Report rows as intake stores them, written straight to the table for tests that run triage themselves: marked as
 * started in the same transaction, so that the process starter never sees them and triages them too.
 */
public final class ReportRows {

    private ReportRows() {}

    /** Received app reports of these customers, in this order; returns their ids. */
    public static List<Long> started(ReportMapper reports, TransactionTemplate transactions, List<String> customers) {
        return transactions.execute(status -> {
            List<Long> ids = new ArrayList<>();
            for (String customerNo : customers) {
                ReportMapper.NewReport r = new ReportMapper.NewReport();
                r.requestId = UUID.randomUUID().toString();
                r.requestHash = "0".repeat(64);
                r.trackingToken = UUID.randomUUID().toString();
                r.channel = Channel.APP;
                r.customerNo = customerNo;
                r.status = ReportStatus.RECEIVED;
                r.answer = "{}";
                r.createdAt = Instant.now();
                reports.insert(r);
                ids.add(r.id);
            }
            reports.markProcessStarted(ids);
            return ids;
        });
    }
}
