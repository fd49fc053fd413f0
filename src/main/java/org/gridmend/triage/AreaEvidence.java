package org.gridmend.triage;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gridmend.grid.FeederTopology;
import org.gridmend.triage.FeederEvidence.Source;
import org.gridmend.triage.FeederEvidence.Statement;

/**
 * What the customers' and meters' statements say of one transformer area: who is out (each customer's latest word
 * wins), since when, and the latest power-on seen there and why. The first step of {@link OutagePredictor}.
 */
final class AreaEvidence {

    final Map<String, Instant> lastOut = new HashMap<>();
    final Map<String, Instant> firstOut = new HashMap<>();
    final Map<String, Instant> lastOn = new HashMap<>();
    final Map<String, Source> onSource = new HashMap<>();
    final Map<String, Instant> claims = new HashMap<>();
    final Set<String> dark = new HashSet<>();
    Set<String> out = Set.of();
    Instant outSince;
    Instant onAt;
    Source onWhy;

    /** The areas of the feeder that the statements speak of, each settled. */
    static Map<String, AreaEvidence> read(FeederTopology feeder, List<Statement> statements) {
        Map<String, AreaEvidence> areas = new HashMap<>();
        for (Statement s : statements) {
            if (!feeder.isArea(s.areaId())) {
                continue;
            }
            AreaEvidence a = areas.computeIfAbsent(s.areaId(), k -> new AreaEvidence());
            String who = s.customer() == null ? "?" : s.customer();
            if (s.source() == Source.NEIGHBOURS_POWERED) {
                a.claims.merge(who, s.at(), (x, y) -> x.isAfter(y) ? x : y);
            } else if (s.source().powered()) {
                if (a.lastOn.merge(who, s.at(), (x, y) -> x.isAfter(y) ? x : y).equals(s.at())) {
                    a.onSource.put(who, s.source());
                }
            } else {
                a.lastOut.merge(who, s.at(), (x, y) -> x.isAfter(y) ? x : y);
                a.firstOut.merge(who, s.at(), (x, y) -> x.isBefore(y) ? x : y);
                if (s.source() == Source.METER_DARK) {
                    a.dark.add(who);
                }
            }
        }
        areas.values().forEach(AreaEvidence::settle);
        return areas;
    }

    /** A customer's latest word wins (a report wins a tie: nothing a customer reported is dropped on a tie). */
    private void settle() {
        Set<String> outNow = new HashSet<>();
        for (Map.Entry<String, Instant> e : lastOut.entrySet()) {
            Instant on = lastOn.get(e.getKey());
            if (on == null || !on.isAfter(e.getValue())) {
                outNow.add(e.getKey());
                Instant since =
                        on == null || firstOut.get(e.getKey()).isAfter(on) ? firstOut.get(e.getKey()) : e.getValue();
                outSince = outSince == null || since.isBefore(outSince) ? since : outSince;
            }
        }
        out = outNow;
        dark.retainAll(outNow);
        for (Map.Entry<String, Instant> e : lastOn.entrySet()) {
            Instant lastOutAt = lastOut.get(e.getKey());
            if (lastOutAt == null || e.getValue().isAfter(lastOutAt)) {
                noteOn(e.getValue(), onSource.get(e.getKey()));
            }
        }
        // "only my home, the neighbours have power" holds until a neighbour says otherwise
        for (Map.Entry<String, Instant> claim : claims.entrySet()) {
            if (outNow.stream().allMatch(claim.getKey()::equals)) {
                noteOn(claim.getValue(), Source.NEIGHBOURS_POWERED);
            }
        }
    }

    private void noteOn(Instant at, Source why) {
        if (onAt == null || at.isAfter(onAt)) {
            onAt = at;
            onWhy = why;
        }
    }
}
