package org.gridmend.triage;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * The evidence outage prediction reads (reports still waiting for power, power observations, findings) and the two
 * tables it owns: {@code gm_power_observation} and {@code gm_prediction_finding}.
 */
@Mapper
interface PredictionMapper {

    /** Per area and customer: the first and last report still waiting for power, and the last "only my home" one. */
    List<ReportEvidence> reportEvidence(@Param("feederId") String feederId, @Param("since") Instant since);

    /** Per area, customer and state: the first and last observation, and the source of the last one. */
    List<ObservationEvidence> observationEvidence(@Param("feederId") String feederId, @Param("since") Instant since);

    void insertObservations(@Param("rows") Collection<NewObservation> rows);

    long customerStatementsSince(@Param("customerNo") String customerNo, @Param("since") Instant since);

    List<FindingRow> activeFindings(@Param("feederId") String feederId);

    void insertFinding(
            @Param("incidentId") long incidentId,
            @Param("feederId") String feederId,
            @Param("kind") FeederEvidence.FindingKind kind,
            @Param("fromNode") String fromNode,
            @Param("toNode") String toNode,
            @Param("areas") String areas,
            @Param("byUser") String byUser,
            @Param("at") Instant at);

    /** Findings follow their incident when it merges upstream. */
    void moveFindings(@Param("childIds") Collection<Long> childIds, @Param("parentId") long parentId);

    /**
     * What decides whether a report may join its area's incident without a new prediction: reports already in its
     * area, and anything on the feeder that makes prediction more than counting (power seen on, "only my home"
     * reports, findings).
     */
    JoinCheck joinCheck(
            @Param("feederId") String feederId,
            @Param("transformerId") String transformerId,
            @Param("since") Instant since);

    /** Reports waiting for power on the feeder's open incidents, counted per incident and area. */
    List<Placement> placements(@Param("feederId") String feederId);

    /** Customers of these areas with a meter, who neither reported nor were seen since {@code since}. */
    List<PingCandidate> pingCandidates(
            @Param("transformerIds") Collection<String> transformerIds, @Param("since") Instant since);

    record ReportEvidence(
            String transformerId, String customerNo, Instant firstAt, Instant lastAt, Instant onlyMyHomeAt) {}

    record ObservationEvidence(
            String transformerId, String customerNo, boolean powered, String source, Instant firstAt, Instant lastAt) {}

    record FindingRow(long incidentId, FeederEvidence.FindingKind kind, String fromNode, String toNode, String areas) {}

    record JoinCheck(long reportsInArea, long powerSeen, long onlyMyHome, long findings) {

        boolean plainCounting() {
            return reportsInArea > 0 && powerSeen == 0 && onlyMyHome == 0 && findings == 0;
        }
    }

    record Placement(long incidentId, String transformerId, long reports) {}

    record PingCandidate(String customerNo, String meterNo, String transformerId) {}

    final class NewObservation {
        public String feederId;
        public String transformerId;
        public String customerNo;
        public String meterNo;
        public boolean powered;
        public String source;
        public Instant at;
        public Long incidentId;
        public Instant createdAt;
    }
}
