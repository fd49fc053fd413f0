package org.gridmend.support;

import java.time.Instant;
import java.util.UUID;

import org.gridmend.report.Channel;
import org.gridmend.report.ReportMapper;
import org.gridmend.report.ReportStatus;

/** A report row as intake stores it, written straight to the table: for tests that drive triage themselves. */
public final class ReportRows {

    private ReportRows() {
    }

    /** A received app report of this customer; returns its id. */
    public static long insert(ReportMapper reports, String customerNo) {
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
        return r.id;
    }
}
