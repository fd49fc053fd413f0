package org.gridmend.triage;

import java.time.Instant;
import java.util.Comparator;

import org.gridmend.grid.AreaType;
import org.gridmend.grid.FeederTopology;
import org.gridmend.grid.GridDocument;
import org.gridmend.grid.TransformerSummary;

/**
 * A new incident on a device of a feeder, as it is written: its open key, level, place and the strictest arrival
 * commitment (area type) among the areas the device takes out.
 */
final class NewIncidents {

    private NewIncidents() {}

    static IncidentMapper.NewIncident on(
            FeederTopology feeder,
            String deviceId,
            TriageRule rule,
            String reason,
            Instant firstReportAt,
            Instant now) {
        IncidentMapper.NewIncident incident = new IncidentMapper.NewIncident();
        incident.openKey = IncidentRecord.openKeyOf(deviceId);
        incident.deviceId = deviceId;
        incident.feederId = feeder.feederId();
        incident.rule = rule;
        incident.reason = reason;
        incident.firstReportAt = firstReportAt;
        incident.createdAt = now;
        TransformerSummary transformer = feeder.transformer(deviceId);
        if (transformer != null) {
            incident.level = IncidentLevel.TRANSFORMER;
            incident.areaType = transformer.areaType();
            incident.lat = transformer.lat();
            incident.lng = transformer.lng();
            return incident;
        }
        GridDocument.Device device = feeder.device(deviceId);
        incident.level = device == null ? IncidentLevel.FEEDER : IncidentLevel.of(device.type());
        incident.lat = device == null ? null : device.lat();
        incident.lng = device == null ? null : device.lng();
        // The strictest arrival commitment among the areas the device takes out.
        incident.areaType = feeder.transformersBelow(deviceId).stream()
                .map(feeder::transformer)
                .map(TransformerSummary::areaType)
                .min(Comparator.naturalOrder())
                .orElse(AreaType.RURAL);
        if (incident.lat == null) {
            feeder.transformersBelow(deviceId).stream()
                    .map(feeder::transformer)
                    .findFirst()
                    .ifPresent(t -> {
                        incident.lat = t.lat();
                        incident.lng = t.lng();
                    });
        }
        return incident;
    }
}
