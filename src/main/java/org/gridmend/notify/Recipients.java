package org.gridmend.notify;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gridmend.grid.TopologyService;
import org.springframework.stereotype.Component;

/** Who a notification goes to: an incident's reporters, each customer once, and the customers below a device. */
@Component
class Recipients {

    private static final int CHUNK = NotificationService.CHUNK;

    private final NotificationMapper mapper;
    private final TopologyService topology;

    Recipients(NotificationMapper mapper, TopologyService topology) {
        this.mapper = mapper;
        this.topology = topology;
    }

    /** The incident's reporters, each customer once however many reports they made. */
    Map<String, Recipient> reportersOf(NotificationMapper.IncidentFacts incident) {
        Map<String, Recipient> reporters = new LinkedHashMap<>();
        mapper.reportersOfIncident(incident.id()).forEach(r -> reporters.putIfAbsent(r.key(), r));
        return reporters;
    }

    /** Who hears of an incident's event: its reporters and, once the outage is told, the customers below it. */
    Collection<Recipient> ofIncident(
            NotificationEvent event, NotificationMapper.IncidentFacts incident, Map<String, Recipient> reporters) {
        Map<String, Recipient> all = new LinkedHashMap<>();
        if (event.audience() == NotificationEvent.Audience.ALL) {
            all.putAll(reporters);
        }
        // customers who did not report hear of an incident only once its outage is corroborated (and told)
        boolean area = event == NotificationEvent.OUTAGE_KNOWN || incident.areaTold();
        if (event == NotificationEvent.MERGED_UPSTREAM && !area) {
            // the merged order never told its area: only its own reporters (now on the upstream order) hear
            Map<String, Recipient> upstream =
                    incident.mergedIntoId() == null ? Map.of() : reportersOf(mapper.incident(incident.mergedIntoId()));
            for (Recipient r : below(incident.deviceId())) {
                if (upstream.containsKey(r.key())) {
                    all.putIfAbsent(r.key(), upstream.get(r.key()));
                }
            }
            return all.values();
        }
        if (incident.deviceId() != null && area) {
            for (Recipient r : below(incident.deviceId())) {
                if (event.audience() == NotificationEvent.Audience.ALL || !reporters.containsKey(r.key())) {
                    all.putIfAbsent(r.key(), r);
                }
            }
        }
        if (event == NotificationEvent.OUTAGE_KNOWN) {
            // customers of incidents merged into this one heard of the outage already: no repeat
            mapper.toldOnMergedChildren(incident.id(), event.name()).forEach(all::remove);
            mapper.toldOnMergedChildren(incident.id(), NotificationEvent.ACKNOWLEDGED.name())
                    .forEach(all::remove);
            // and customers a fault outage notice on this incident told already
            mapper.toldByFaultNotice(incident.id()).forEach(all::remove);
        }
        return all.values();
    }

    /** The customers of every transformer area below the device. */
    List<Recipient> below(String deviceId) {
        List<String> transformers = topology.find(deviceId)
                .map(n -> topology.downstream(deviceId).transformerIds())
                .orElse(List.of());
        List<Recipient> recipients = new ArrayList<>();
        for (int i = 0; i < transformers.size(); i += CHUNK) {
            recipients.addAll(
                    mapper.customersOfTransformers(transformers.subList(i, Math.min(i + CHUNK, transformers.size()))));
        }
        return recipients;
    }
}
