package org.gridmend.demo.storm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.gridmend.grid.CoordinateSystem;
import org.gridmend.grid.GeoPoint;

/** The storm's reports in the order they are sent: first reports, second reports, retries and the odd ones. */
final class StormSchedule {

    private final StormPlan plan;
    private final Random random;

    StormSchedule(StormPlan plan, Random random) {
        this.plan = plan;
        this.random = random;
    }

    List<StormSimulator.Spec> schedule(
            Map<String, List<StormFeeder.Customer>> affected,
            List<StormFeeder.Customer> plannedArea,
            List<StormFeeder.Customer> quiet) {
        int total = plan.rate() * plan.durationSeconds();
        int retries = (int) Math.round(total * plan.retryShare());
        int planned = Math.min((int) Math.round(total * plan.plannedShare()), plannedArea.size());
        int behind = Math.min((int) Math.round(total * plan.behindMeterShare()), quiet.size());
        int faultReports = total - retries - planned - behind;

        List<StormSimulator.Spec> first = new ArrayList<>();
        Collections.shuffle(plannedArea, random);
        for (int i = 0; i < planned; i++) {
            first.add(new StormSimulator.Spec(
                    byCustomer(plannedArea.get(i).customerNo(), false), StormSimulator.Expect.PLANNED, null, false));
        }
        Collections.shuffle(quiet, random);
        for (int i = 0; i < behind; i++) {
            first.add(new StormSimulator.Spec(
                    byCustomer(quiet.get(i).customerNo(), true), StormSimulator.Expect.BEHIND_METER, null, false));
        }
        List<Map.Entry<String, StormFeeder.Customer>> reporters = new ArrayList<>();
        affected.forEach((device, customers) -> {
            List<StormFeeder.Customer> shuffled = new ArrayList<>(customers);
            Collections.shuffle(shuffled, random);
            int reporting = Math.max(2, (int) Math.round(shuffled.size() * plan.reportShare()));
            shuffled.subList(0, Math.min(reporting, shuffled.size())).forEach(c -> reporters.add(Map.entry(device, c)));
        });
        Collections.shuffle(reporters, random);
        // First reports from distinct customers; the rest are customers reporting again (a new request), at most
        // five reports per customer, which is what intake accepts within its window.
        int firsts = Math.min(reporters.size(), faultReports - (int) Math.round(faultReports * plan.duplicateShare()));
        int again = Math.min(faultReports - firsts, 4 * firsts);
        for (int i = 0; i < firsts; i++) {
            Map.Entry<String, StormFeeder.Customer> r = reporters.get(i);
            Map<String, Object> body = random.nextDouble() < plan.locationOnlyShare()
                    ? byLocation(r.getValue())
                    : byCustomer(r.getValue().customerNo(), false);
            first.add(new StormSimulator.Spec(body, StormSimulator.Expect.FAULT, r.getKey(), false));
        }
        for (int i = 0; i < again; i++) {
            Map.Entry<String, StormFeeder.Customer> r = reporters.get(i % firsts);
            first.add(new StormSimulator.Spec(
                    byCustomer(r.getValue().customerNo(), false), StormSimulator.Expect.FAULT, r.getKey(), false));
        }
        Collections.shuffle(first, random);
        List<StormSimulator.Spec> schedule = new ArrayList<>(first);
        for (int i = 0; i < retries && !first.isEmpty(); i++) {
            // a network retry: the same request again, somewhat later
            StormSimulator.Spec original = first.get(random.nextInt(first.size()));
            int at = Math.min(schedule.size(), schedule.indexOf(original) + 1 + random.nextInt(200));
            schedule.add(at, new StormSimulator.Spec(original.body(), original.expect(), original.faultDevice(), true));
        }
        return schedule;
    }

    private Map<String, Object> byCustomer(String customerNo, boolean onlyMyHome) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", UUID.randomUUID().toString());
        body.put("channel", random.nextBoolean() ? "APP" : "WECHAT");
        body.put("customerNo", customerNo);
        body.put("description", onlyMyHome ? "只有我家停电，空开没跳" : "停电了");
        if (onlyMyHome) {
            body.put("onlyMyHome", true);
        }
        return body;
    }

    /** The phone's position in GCJ-02, as Chinese map SDKs report it, about a metre off the home. */
    private Map<String, Object> byLocation(StormFeeder.Customer c) {
        GeoPoint gcj = CoordinateSystem.GCJ02.fromWgs84(
                c.lat() + (random.nextDouble() - 0.5) * 1e-5, c.lng() + (random.nextDouble() - 0.5) * 1e-5);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", UUID.randomUUID().toString());
        body.put("channel", "APP");
        body.put("location", Map.of("lat", gcj.lat(), "lng", gcj.lng(), "coordSys", "GCJ02"));
        body.put("description", "小区停电");
        return body;
    }
}
