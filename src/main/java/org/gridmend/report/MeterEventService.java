package org.gridmend.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.gridmend.core.PlausibleTime;
import org.gridmend.core.Refusal;
import org.gridmend.grid.CustomerRecord;
import org.gridmend.grid.GridLookupService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Smart meters' events from the AMI head-end. A last gasp is a report (channel AMI, no customer messages); a
 * restoration is the customer's confirmation that power is back. The same event sent twice counts once.
 */
@Service
public class MeterEventService {

    public enum Type {
        LAST_GASP,
        POWER_RESTORED
    }

    public record Recorded(boolean duplicate, String reportId, int confirmedReports) {}

    private final MeterEventMapper events;
    private final GridLookupService grid;
    private final ReportIntakeService intake;
    private final ReportService reports;
    private final OutageEvidence evidence;
    private final PlausibleTime time;
    private final Clock clock;

    MeterEventService(
            MeterEventMapper events,
            GridLookupService grid,
            ReportIntakeService intake,
            ReportService reports,
            OutageEvidence evidence,
            PlausibleTime time,
            Clock clock) {
        this.time = time;
        this.evidence = evidence;
        this.events = events;
        this.grid = grid;
        this.intake = intake;
        this.reports = reports;
        this.clock = clock;
    }

    @Transactional
    public Recorded record(String meterNo, Type type, Instant at) {
        if (meterNo == null || meterNo.isBlank()) {
            throw Refusal.invalid("MISSING_FIELD", "meterNo", "meterNo is required");
        }
        if (type == null) {
            throw Refusal.invalid("MISSING_FIELD", "type", "type is required: LAST_GASP or POWER_RESTORED");
        }
        if (at == null) {
            throw Refusal.invalid("MISSING_FIELD", "at", "at is required (ISO-8601 with offset)");
        }
        // a head-end forwards what a meter said within minutes; a day later it is history, not a fault to repair
        time.happened("at", at, Duration.ofDays(1));
        CustomerRecord customer = grid.customerByMeter(meterNo.trim())
                .orElseThrow(() -> Refusal.invalid(
                        "UNKNOWN_METER", "meterNo", "meter " + Refusal.echo(meterNo) + " is not in the archive"));
        String feeder = grid.transformer(customer.transformerId()).orElseThrow().feederId();
        try {
            events.insert(
                    meterNo.trim(),
                    customer.customerNo(),
                    customer.transformerId(),
                    feeder,
                    type.name(),
                    at,
                    clock.instant());
        } catch (DuplicateKeyException again) {
            return new Recorded(true, null, 0);
        }
        if (type == Type.POWER_RESTORED) {
            evidence.powerOn(customer.customerNo(), OutageEvidence.PowerOnSource.METER, at);
            return new Recorded(false, null, reports.confirmByMeter(customer.customerNo(), at));
        }
        ReportRequest lastGasp = new ReportRequest(
                "AMI-" + meterNo.trim() + "-" + at.toEpochMilli(),
                Channel.AMI,
                customer.customerNo(),
                null,
                null,
                null,
                "last gasp of meter " + meterNo.trim(),
                null);
        ReportIntakeService.Submitted submitted = intake.submit(lastGasp, null);
        return new Recorded(false, submitted.answer().reportId(), 0);
    }
}
