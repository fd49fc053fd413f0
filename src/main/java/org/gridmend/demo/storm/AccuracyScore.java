package org.gridmend.demo.storm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridmend.grid.FeederTopology;

/** Scores one accuracy storm: for each fault, did its reports land on an incident at the faulty device? */
final class AccuracyScore {

    private final GridMendClient client;
    private final Consumer<String> progress;

    AccuracyScore(GridMendClient client, Consumer<String> progress) {
        this.client = client;
        this.progress = progress;
    }

    List<AccuracyStorms.Fault> score(
            String prefix,
            List<AccuracyStorms.Sent> sent,
            Map<String, String> levelOf,
            Map<String, FeederTopology> feederOf,
            Map<String, Set<String>> reportedAreas,
            double rate) {
        Map<String, String> deviceOf = new HashMap<>();
        Map<String, List<String>> incidentsByDevice = new HashMap<>();
        for (JsonNode i :
                client.getStaff("/api/incidents?status=OPEN&limit=1000").body()) {
            if (i.path("feederId").asText().startsWith(prefix)) {
                deviceOf.put(i.path("incidentId").asText(), i.path("deviceId").asText());
                incidentsByDevice
                        .computeIfAbsent(i.path("deviceId").asText(), k -> new ArrayList<>())
                        .add(i.path("incidentId").asText());
            }
        }
        Map<String, List<String>> reportsOnIncident = new HashMap<>();
        Map<String, List<String>> incidentsOfFault = new HashMap<>();
        for (AccuracyStorms.Sent s : sent) {
            JsonNode tracked = client.getPublic("/api/reports/" + s.reportId() + "?token=" + s.token())
                    .body();
            String incident = tracked.path("incident").path("incidentId").asText(null);
            incidentsOfFault.computeIfAbsent(s.fault(), k -> new ArrayList<>()).add(incident);
            reportsOnIncident.computeIfAbsent(incident, k -> new ArrayList<>()).add(s.fault());
        }
        List<AccuracyStorms.Fault> faults = new ArrayList<>();
        for (Map.Entry<String, String> f : levelOf.entrySet()) {
            String fault = f.getKey();
            FeederTopology feeder = feederOf.get(fault);
            List<String> incidents = incidentsOfFault.getOrDefault(fault, List.of());
            Set<String> distinct =
                    new TreeSet<>(incidents.stream().filter(Objects::nonNull).toList());
            int above = 0;
            int below = 0;
            for (String incident : distinct) {
                String device = deviceOf.get(incident);
                if (device == null || device.equals(fault)) {
                    continue;
                }
                if (feeder.pathUp(fault).contains(device)) {
                    above++;
                } else {
                    below++;
                }
            }
            long onFault = incidents.stream()
                    .filter(i -> i != null && fault.equals(deviceOf.get(i)))
                    .count();
            boolean right = !incidents.isEmpty()
                    && onFault == incidents.size()
                    && distinct.size() == 1
                    && incidentsByDevice.getOrDefault(fault, List.of()).size() == 1;
            boolean everyArea = reportedAreas.get(fault).containsAll(feeder.transformersBelow(fault));
            if (!right) {
                Map<String, Integer> where = new TreeMap<>();
                for (String incident : incidents) {
                    String device = incident == null ? "untriaged" : deviceOf.get(incident);
                    if (device == null) {
                        JsonNode view =
                                client.getStaff("/api/incidents/" + incident).body();
                        device = view.path("deviceId").asText() + " "
                                + view.path("state").asText() + " into "
                                + view.path("mergedInto").asText();
                    }
                    where.merge(device, 1, Integer::sum);
                }
                progress.accept("  " + f.getValue() + " fault " + fault + ": reports on " + where);
            }
            faults.add(
                    new AccuracyStorms.Fault(f.getValue(), rate, everyArea, incidents.size(), right, above, below, (int)
                            (incidents.size() - onFault)));
        }
        return faults;
    }
}
