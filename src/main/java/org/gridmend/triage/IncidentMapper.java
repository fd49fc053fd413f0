package org.gridmend.triage;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.gridmend.grid.AreaType;

@Mapper
public interface IncidentMapper {

    /** Fails with a duplicate key when an open incident already holds the same {@code openKey}. */
    void insert(NewIncident incident);

    IncidentRecord findById(@Param("id") long id);

    IncidentRecord findOpenByKey(@Param("openKey") String openKey);

    List<IncidentRecord> findOpenOnDevices(@Param("deviceIds") Collection<String> deviceIds);

    List<IncidentRecord> findOpenOnFeeder(@Param("feederId") String feederId);

    /** The feeder's open incidents, read and locked (a locking read sees the latest committed rows, on H2 too). */
    List<IncidentRecord> lockOpenOnFeeder(@Param("feederId") String feederId);

    /** One incident, read and locked. */
    IncidentRecord lockById(@Param("id") long id);

    /** Open location clusters with a report since {@code since}. */
    List<IncidentRecord> findRecentLocationClusters(@Param("since") Instant since);

    long reportCount(@Param("incidentId") long incidentId);

    List<Long> reportIds(@Param("incidentId") long incidentId);

    long reporterCount(@Param("incidentId") long incidentId);

    /** Reports on incidents from this transformer area since {@code since}. */
    long reportsFromTransformer(@Param("transformerId") String transformerId, @Param("since") Instant since);

    /** Distinct (transformer, customer) pairs of reports on incidents of this feeder since {@code since}. */
    List<Evidence> evidenceOnFeeder(@Param("feederId") String feederId, @Param("since") Instant since);

    /** Other customers' reports from this transformer area since {@code since} that say power is out there. */
    long neighbourReports(
            @Param("transformerId") String transformerId,
            @Param("customerNo") String customerNo,
            @Param("since") Instant since);

    /** Last gasps of other customers' meters in this transformer area since {@code since}. */
    long neighbourLastGasps(
            @Param("transformerId") String transformerId,
            @Param("customerNo") String customerNo,
            @Param("since") Instant since);

    void markMerged(
            @Param("childIds") Collection<Long> childIds, @Param("parentId") long parentId, @Param("now") Instant now);

    /** Moves an open incident to another node of its feeder; fails with a duplicate key if one is open there. */
    int move(@Param("id") long id, @Param("i") NewIncident placement);

    void updateFirstReportAt(@Param("id") long id, @Param("at") Instant at);

    int markRestored(@Param("id") long id, @Param("now") Instant now);

    void markClosed(@Param("id") long id, @Param("now") Instant now);

    void insertDecision(
            @Param("reportId") Long reportId,
            @Param("incidentId") Long incidentId,
            @Param("decision") String decision,
            @Param("rule") TriageRule rule,
            @Param("reason") String reason,
            @Param("at") Instant at);

    List<TriageDecision> decisionsOfIncident(@Param("incidentId") long incidentId);

    List<TriageDecision> decisionsOfReport(@Param("reportId") long reportId);

    /** Holds the feeder's row lock until the transaction ends: triage that may open or roll up incidents on it queues here. */
    String lockFeeder(@Param("feederId") String feederId);

    /**
     * A shared lock on an incident while a report joins it, so that a restoration (which updates the row) waits for
     * the join to commit, and a join after it sees the incident's new state. Returns that state.
     */
    IncidentState lockShared(@Param("id") long id);

    List<IncidentSummary> list(@Param("states") Collection<IncidentState> states, @Param("limit") int limit);

    /** A report on the feeder: its transformer and customer. */
    record Evidence(String transformerId, String customerNo) {}

    final class NewIncident {
        public Long id;
        public String openKey;
        public String deviceId;
        public IncidentLevel level;
        public String feederId;
        public AreaType areaType;
        public Double lat;
        public Double lng;
        public TriageRule rule;
        public String reason;
        public Instant firstReportAt;
        public Instant createdAt;
        public String prediction;
        public Long splitFromId;
    }

    /** The prediction's explanation and reason on the incident. */
    void updatePrediction(@Param("id") long id, @Param("prediction") String prediction, @Param("reason") String reason);
}
