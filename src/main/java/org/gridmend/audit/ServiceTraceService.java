package org.gridmend.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gridmend.core.ProcessConstants;
import org.gridmend.core.PublicIds;
import org.gridmend.core.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The trace of a social electrician's job (E-…), an electrician's registration (EL…), a custody contract (K-…), a
 * rental booking (Z-…) or a rental item (EQ-…):
 * GridMend's audit events
 * about it, what the job's customer saw on the tracking page, and Camunda's history of its ElectricianJob or
 * ElectricianRegistration process, in time order; free text masked unless the caller may and asks to see it.
 */
@Service
public class ServiceTraceService {

    private final AuditMapper mapper;
    private final TraceService traces;
    private final EngineHistoryTrace engine;
    private final AuditTrail audit;

    ServiceTraceService(AuditMapper mapper, TraceService traces, EngineHistoryTrace engine, AuditTrail audit) {
        this.mapper = mapper;
        this.traces = traces;
        this.engine = engine;
        this.audit = audit;
    }

    @Transactional
    public Trace job(String publicId, boolean unmask, String viewer) {
        long id = PublicIds.parseJob(publicId);
        List<TraceEntry> entries = events(id < 0 ? null : PublicIds.job(id), "no electrician job " + publicId);
        for (AuditMapper.TrackingLine line : mapper.jobLines(id)) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("text", line.text());
            entries.add(new TraceEntry(
                    line.at(),
                    ActorType.SYSTEM,
                    null,
                    "TRACKING",
                    line.type(),
                    PublicIds.job(id),
                    "job-line#" + line.id(),
                    details));
        }
        return finish(
                PublicIds.job(id), ProcessConstants.ELECTRICIAN_JOB, entries, mapper.jobReport(id), unmask, viewer);
    }

    @Transactional
    public Trace electrician(String publicId, boolean unmask, String viewer) {
        long id = PublicIds.parseElectrician(publicId);
        String subject = id < 0 ? null : PublicIds.electrician(id);
        return finish(
                subject,
                ProcessConstants.ELECTRICIAN_REGISTRATION,
                events(subject, "no social electrician " + publicId),
                null,
                unmask,
                viewer);
    }

    @Transactional
    public Trace custody(String publicId, boolean unmask, String viewer) {
        long id = PublicIds.parseCustody(publicId);
        String subject = id < 0 ? null : PublicIds.custody(id);
        return finish(
                subject,
                ProcessConstants.CUSTODY_CONTRACT,
                events(subject, "no custody contract " + publicId),
                null,
                unmask,
                viewer);
    }

    /**
     * A rental booking (Z-…) with its RentalBooking process, or a rental item (EQ-…) with the RentalListing process
     * of its review.
     */
    @Transactional
    public Trace rental(String publicId, boolean unmask, String viewer) {
        long booking = PublicIds.parseBooking(publicId);
        if (booking >= 0) {
            String subject = PublicIds.booking(booking);
            return finish(
                    subject,
                    ProcessConstants.RENTAL_BOOKING,
                    events(subject, "no rental booking " + publicId),
                    null,
                    unmask,
                    viewer);
        }
        long item = PublicIds.parseRentalItem(publicId);
        String subject = item < 0 ? null : PublicIds.rentalItem(item);
        return finish(
                subject,
                ProcessConstants.RENTAL_LISTING,
                events(subject, "no rental item or booking " + PublicIds.shorten(publicId)),
                null,
                unmask,
                viewer);
    }

    /** The audit events about a subject; 404 when there is none (an id that is not one, or never was). */
    private List<TraceEntry> events(String subject, String notFound) {
        List<TraceEntry> entries = new ArrayList<>();
        if (subject != null) {
            mapper.forSubject(subject).forEach(e -> entries.add(traces.fromAudit(e)));
        }
        if (entries.isEmpty()) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "NOT_FOUND", notFound, "id");
        }
        return entries;
    }

    private Trace finish(
            String subject, String process, List<TraceEntry> entries, Long report, boolean unmask, String viewer) {
        List<Trace.ProcessLink> processes = new ArrayList<>();
        engine.collect(process, subject, entries, processes);
        if (unmask) {
            audit.record(
                    AuditEntry.of("PII_VIEWED").user(viewer).subject(subject).detail("view", "service trace"));
        } else {
            entries.replaceAll(TraceService::mask);
        }
        return new Trace(
                subject,
                report == null ? List.of() : List.of(PublicIds.report(report)),
                List.of(),
                processes,
                null,
                !unmask,
                TraceService.sorted(entries));
    }
}
