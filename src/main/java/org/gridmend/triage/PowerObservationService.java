package org.gridmend.triage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.gridmend.core.CustomerTexts;
import org.gridmend.core.PublicIds;
import org.gridmend.core.Refusal;
import org.gridmend.grid.CustomerPlacement;
import org.gridmend.grid.FeederTopology;
import org.gridmend.grid.GeoPoint;
import org.gridmend.grid.GridLookupService;
import org.gridmend.report.OutageEvidence;
import org.gridmend.report.ReportRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Power seen on (or off) at a customer's home, besides reports: a customer saying so, a confirmation, a meter's
 * POWER_RESTORED, a ping's answer. Each is stored as evidence; when it contradicts an open incident above the
 * customer's area, the feeder's prediction is re-evaluated at once, so that the incident moves down.
 */
@Service
public class PowerObservationService implements OutageEvidence {

    static final int MAX_PER_CUSTOMER = 3;

    private final PredictionMapper mapper;
    private final IncidentMapper incidents;
    private final IncidentService incidentService;
    private final PredictionService prediction;
    private final GridLookupService grid;
    private final AuditTrail audit;
    private final LocateService locator;
    private final TriageProperties triage;
    private final CustomerTexts texts;
    private final Clock clock;

    PowerObservationService(
            PredictionMapper mapper,
            IncidentMapper incidents,
            IncidentService incidentService,
            PredictionService prediction,
            GridLookupService grid,
            AuditTrail audit,
            LocateService locator,
            TriageProperties triage,
            CustomerTexts texts,
            Clock clock) {
        this.locator = locator;
        this.triage = triage;
        this.texts = texts;
        this.mapper = mapper;
        this.incidents = incidents;
        this.incidentService = incidentService;
        this.prediction = prediction;
        this.grid = grid;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * {@code POST /api/power-status}: a customer (by number, or the nearest one to the phone's position) says power
     * is on. At most {@value #MAX_PER_CUSTOMER} such statements per customer within ten minutes.
     */
    @Transactional
    public String customerSaysPowerOn(
            String customerNo, ReportRequest.Location location, Boolean powered, String clientAddress) {
        if (powered == null) {
            throw Refusal.invalid("MISSING_FIELD", "powered", "powered is required: true");
        }
        if (!powered) {
            throw Refusal.invalid("INVALID_FIELD", "powered", "to report a power cut, use POST /api/reports");
        }
        boolean noNumber = customerNo == null || customerNo.isBlank();
        if (noNumber && location == null) {
            throw Refusal.invalid("MISSING_FIELD", "customerNo", "give customerNo or location");
        }
        GeoPoint wgs84 = location == null ? null : location.system().toWgs84(location.lat(), location.lng());
        Placement place = locator.locate(
                noNumber ? null : customerNo.trim(),
                wgs84 == null ? null : wgs84.lat(),
                wgs84 == null ? null : wgs84.lng(),
                false);
        if (place.customerNo() == null) {
            throw Refusal.invalid(
                    "UNKNOWN_PLACE",
                    noNumber ? "location" : "customerNo",
                    noNumber
                            ? "no customer of the archive lives within "
                                    + Math.round(triage.locate().customerRadiusM())
                                    + " m of this location; give your customer number"
                            : "customer " + PublicIds.shorten(customerNo.trim()) + " is not in the archive");
        }
        Instant now = clock.instant();
        if (mapper.customerStatementsSince(place.customerNo(), now.minus(Duration.ofMinutes(10))) >= MAX_PER_CUSTOMER) {
            throw Refusal.rateLimited("customerNo", "we have your word already; thank you", 600);
        }
        powerOn(place.customerNo(), PowerOnSource.CUSTOMER, now);
        return texts.text("report.power_on");
    }

    @Override
    @Transactional
    public boolean powerOn(String customerNo, PowerOnSource source, Instant at) {
        Optional<CustomerPlacement> placement = customerNo == null ? Optional.empty() : grid.placement(customerNo);
        if (placement.isEmpty() || placement.get().feederId() == null) {
            return false;
        }
        CustomerPlacement p = placement.get();
        ObservationSource kind = switch (source) {
            case CUSTOMER -> ObservationSource.CUSTOMER;
            case CONFIRMATION -> ObservationSource.CONFIRMATION;
            case METER -> ObservationSource.METER;
        };
        mapper.insertObservations(List.of(observation(p, null, true, kind, at, null)));
        audit.record(AuditEntry.of("POWER_ON_OBSERVED")
                .at(clock.instant())
                .about(customerNo)
                .device(p.transformerId())
                .detail("source", kind)
                .detail("at", at));
        FeederTopology feeder = grid.topology(p.feederId());
        incidents.lockFeeder(feeder.feederId()); // before reading the feeder's incidents
        Optional<IncidentRecord> covering = incidentService.coveringOpen(feeder, p.transformerId(), null);
        if (covering.isEmpty() || covering.get().deviceId().equals(p.transformerId())) {
            return false; // nothing above the area to contradict; kept for the next prediction on the feeder
        }
        prediction.reevaluate(feeder, null, null);
        return true;
    }

    /**
     * Stores a ping's answers and re-evaluates the feeder; {@code keep} asked for it. A transaction of its own: the
     * ping's job read the feeder's incidents before it called the head-end, and what follows must read them fresh.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void meterStates(FeederTopology feeder, List<PredictionMapper.NewObservation> rows, Long keep) {
        if (rows.isEmpty()) {
            return;
        }
        mapper.insertObservations(rows);
        incidents.lockFeeder(feeder.feederId());
        prediction.reevaluate(feeder, null, keep);
    }

    PredictionMapper.NewObservation observation(
            CustomerPlacement p,
            String meterNo,
            boolean powered,
            ObservationSource source,
            Instant at,
            Long incidentId) {
        PredictionMapper.NewObservation o = new PredictionMapper.NewObservation();
        o.feederId = p.feederId();
        o.transformerId = p.transformerId();
        o.customerNo = p.customerNo();
        o.meterNo = meterNo;
        o.powered = powered;
        o.source = source.name();
        o.at = at;
        o.incidentId = incidentId;
        o.createdAt = clock.instant();
        return o;
    }
}
