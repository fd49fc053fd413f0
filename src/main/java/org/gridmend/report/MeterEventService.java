package org.gridmend.report;

import java.time.Clock;
import java.time.Instant;

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
    private final Clock clock;

    MeterEventService(
            MeterEventMapper events,
            GridLookupService grid,
            ReportIntakeService intake,
            ReportService reports,
            OutageEvidence evidence,
            Clock clock) {
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
        if (at.isAfter(clock.instant().plusSeconds(300))) {
            throw Refusal.invalid("INVALID_FIELD", "at", "at lies in the future");
        }
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
            return new Recorded(false, null, reports.confirmByMeter(customer.customerNo()));
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
