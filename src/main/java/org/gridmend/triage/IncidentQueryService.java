package org.gridmend.triage;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.gridmend.core.PublicIds;
import org.gridmend.core.Refusal;
import org.gridmend.report.RepairProgress;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Incidents for the dispatcher board and auditors: the list and one incident with its reports and decisions. */
@Service
@Transactional(readOnly = true)
public class IncidentQueryService {

    static final int MAX_LIST = 1000;

    private final IncidentMapper mapper;
    private final RepairProgress repair;

    IncidentQueryService(IncidentMapper mapper, RepairProgress repair) {
        this.mapper = mapper;
        this.repair = repair;
    }

    public List<IncidentView> list(Set<IncidentState> states, int limit) {
        if (limit < 1 || limit > MAX_LIST) {
            throw Refusal.invalid("INVALID_FIELD", "limit", "limit must be between 1 and " + MAX_LIST);
        }
        return mapper
                .list(states == null || states.isEmpty() ? EnumSet.allOf(IncidentState.class) : states, limit)
                .stream()
                .map(i -> new IncidentView(
                        PublicIds.incident(i.id()),
                        i.deviceId(),
                        i.level(),
                        i.feederId(),
                        i.areaType(),
                        i.lat(),
                        i.lng(),
                        i.state(),
                        PublicIds.incident(i.mergedIntoId()),
                        i.rule(),
                        i.reason(),
                        lines(i.prediction()),
                        i.firstReportAt(),
                        i.createdAt(),
                        i.restoredAt(),
                        i.reportCount(),
                        null,
                        null,
                        null))
                .toList();
    }

    private static List<String> lines(String prediction) {
        return prediction == null || prediction.isBlank() ? List.of() : List.of(prediction.split("\n"));
    }

    public IncidentView get(String publicId) {
        long id = PublicIds.parseIncident(publicId);
        IncidentRecord i = id < 0 ? null : mapper.findById(id);
        if (i == null) {
            throw Refusal.notFound("incident", publicId);
        }
        List<String> reports =
                mapper.reportIds(id).stream().map(PublicIds::report).toList();
        List<IncidentView.Decision> decisions = mapper.decisionsOfIncident(id).stream()
                .map(d -> new IncidentView.Decision(
                        d.at(),
                        d.reportId() == null ? null : PublicIds.report(d.reportId()),
                        PublicIds.incident(d.incidentId()),
                        d.decision(),
                        d.rule(),
                        d.reason()))
                .toList();
        return new IncidentView(
                i.publicId(),
                i.deviceId(),
                i.level(),
                i.feederId(),
                i.areaType(),
                i.lat(),
                i.lng(),
                i.state(),
                PublicIds.incident(i.mergedIntoId()),
                i.rule(),
                i.reason(),
                i.predictionLines(),
                i.firstReportAt(),
                i.createdAt(),
                i.restoredAt(),
                reports.size(),
                reports,
                decisions,
                repair.progress(id)
                        .map(r -> new IncidentView.Repair(
                                r.crewId(),
                                r.crewEmployeeNo(),
                                r.arrivalDeadline(),
                                r.eta(),
                                r.late(),
                                r.arrivedAt(),
                                r.etr()))
                        .orElse(null));
    }
}
