package org.gridmend.demo.storm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;

import com.fasterxml.jackson.databind.JsonNode;

/** After the storm: did every report land where its fault says it should (its incident, the notice, the advice)? */
final class StormChecks {

    private final StormPlan plan;
    private final GridMendClient client;
    private final ExecutorService clients;

    StormChecks(StormPlan plan, GridMendClient client, ExecutorService clients) {
        this.plan = plan;
        this.client = client;
        this.clients = clients;
    }

    StormResult verify(
            List<StormSimulator.Sent> sent,
            Map<String, String> faults,
            long sendNanos,
            double drainSeconds,
            boolean drained,
            String prefix) {
        StormResult.Builder result =
                new StormResult.Builder(plan, faults.size(), sent.size(), sendNanos / 1e9, drainSeconds, drained);
        Map<String, StormSimulator.Sent> accepted = new LinkedHashMap<>();
        for (StormSimulator.Sent s : sent) {
            result.latency(s.response().nanos());
            int status = s.response().status();
            if (status == 201 && !s.spec().retryOf()) {
                accepted.put(s.response().body().path("reportId").asText(), s);
            } else if (status == 200 && s.spec().retryOf()) {
                result.replay();
            } else if (status == 201 && s.spec().retryOf()) {
                // the retry overtook its original: still the same report, counted once
                accepted.putIfAbsent(s.response().body().path("reportId").asText(), s);
            } else if (!(status == 200 && !s.spec().retryOf())) {
                result.error(status + " " + s.response().body());
            }
        }
        Map<String, String> incidentDevice = new ConcurrentHashMap<>();
        Set<String> faultIncidents = ConcurrentHashMap.newKeySet();
        List<Map.Entry<String, StormSimulator.Sent>> reports = new ArrayList<>(accepted.entrySet());
        CountDownLatch checked = new CountDownLatch(reports.size());
        for (Map.Entry<String, StormSimulator.Sent> entry : reports) {
            clients.execute(() -> {
                try {
                    check(entry.getKey(), entry.getValue(), result, incidentDevice, faultIncidents);
                } finally {
                    checked.countDown();
                }
            });
        }
        try {
            checked.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int open = 0;
        for (JsonNode incident :
                client.getStaff("/api/incidents?status=OPEN&limit=1000").body()) {
            if (incident.path("feederId").asText().startsWith(prefix)
                    && faultIncidents.contains(incident.path("incidentId").asText())) {
                open++;
            }
        }
        result.incidents(faultIncidents.size(), open);
        return result.build();
    }

    private void check(
            String reportId,
            StormSimulator.Sent sent,
            StormResult.Builder result,
            Map<String, String> incidentDevice,
            Set<String> faultIncidents) {
        String token = sent.response().body().path("trackingToken").asText();
        GridMendClient.Response tracked = client.getPublic("/api/reports/" + reportId + "?token=" + token);
        if (tracked.status() != 200) {
            result.lost(reportId + " " + tracked.status());
            return;
        }
        String status = tracked.body().path("status").asText();
        switch (sent.spec().expect()) {
            case PLANNED ->
                result.judged(
                        "PLANNED_OUTAGE".equals(status),
                        reportId + " should be answered by the " + "planned notice but is " + status);
            case BEHIND_METER ->
                result.judged(
                        "BEHIND_METER".equals(status), reportId + " should be behind the " + "meter but is " + status);
            case FAULT -> {
                if ("RECEIVED".equals(status) || "LOCATING".equals(status)) {
                    result.lost(reportId + " still " + status);
                    return;
                }
                String incident =
                        tracked.body().path("incident").path("incidentId").asText();
                String device = incidentDevice.computeIfAbsent(
                        incident,
                        i -> client.getStaff("/api/incidents/" + i)
                                .body()
                                .path("deviceId")
                                .asText());
                faultIncidents.add(incident);
                result.placed(
                        sent.spec().faultDevice().equals(device),
                        reportId + " of fault " + sent.spec().faultDevice() + " is on " + incident + " (" + device
                                + ")");
            }
            default -> throw new IllegalStateException();
        }
    }
}
