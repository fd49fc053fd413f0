package org.gridmend.audit;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface AuditMapper {

    void insert(@Param("e") AuditEntry entry, @Param("at") Instant at, @Param("details") String details);

    /** Holds the chain's lock row until the transaction ends (one sealer at a time, across nodes). */
    String lockChain();

    /** Committed events the chain has not sealed yet, oldest first. */
    List<AuditEvent> unsealed(@Param("limit") int limit);

    long unsealedCount();

    /** The chain's last sealed event, or null. */
    AuditEvent head();

    int seal(
            @Param("id") long id,
            @Param("seq") long seq,
            @Param("prevHash") String prevHash,
            @Param("hash") String hash,
            @Param("sealedAt") Instant sealedAt);

    /** A sealed event's links recomputed with another key (on start, when the key was rotated). */
    int reseal(@Param("id") long id, @Param("prevHash") String prevHash, @Param("hash") String hash);

    /** The fingerprint of the key the chain is sealed with, or null before the chain was keyed. */
    String keyFingerprint();

    void forgetKey();

    void adoptKey(@Param("fingerprint") String fingerprint, @Param("at") Instant at, @Param("resealed") long resealed);

    /** Sealed events after {@code afterSeq}, in chain order. */
    List<AuditEvent> chain(@Param("afterSeq") long afterSeq, @Param("limit") int limit);

    Checkpoint latestCheckpoint();

    void insertCheckpoint(
            @Param("seq") long seq,
            @Param("hash") String hash,
            @Param("removed") long removed,
            @Param("removedBefore") Instant removedBefore,
            @Param("createdAt") Instant createdAt);

    /** The last seq of the chain's oldest part that lies wholly before {@code cutoff}, or null. */
    Long lastSeqBefore(@Param("cutoff") Instant cutoff);

    AuditEvent bySeq(@Param("seq") long seq);

    int deleteUpTo(@Param("seq") long seq);

    /**
     * The events of these reports and incidents: of the incidents' deliveries only those given up on, and with
     * reports every delivery to these reports' customers.
     */
    List<AuditEvent> forTrace(
            @Param("reportIds") Collection<Long> reportIds, @Param("incidentIds") Collection<Long> incidentIds);

    TraceReport traceReport(@Param("id") long id);

    /** An outage notice's own events (published, ended), not its messages. */
    List<AuditEvent> forNotice(@Param("noticeId") long noticeId);

    /** Every incident the report was linked to (a merge or a nested outage moves it on). */
    List<Long> incidentsOfReport(@Param("reportId") long reportId);

    /** Incidents merged into this one. */
    List<Long> mergedInto(@Param("incidentId") long incidentId);

    boolean incidentExists(@Param("id") long id);

    ArchiveCustomer archiveCustomer(@Param("customerNo") String customerNo);

    List<TrackingLine> trackingLines(@Param("reportId") long reportId);

    /** The audit events of a service's job or electrician (E-…, EL…). */
    List<AuditEvent> forSubject(@Param("subject") String subject);

    /** A social electrician's job as its customer saw it. */
    List<TrackingLine> jobLines(@Param("jobId") long jobId);

    Long jobReport(@Param("jobId") long jobId);

    /** The repair orders' timeline lines, which the tracking page shows every customer on them. */
    List<TrackingLine> incidentLines(@Param("incidentIds") Collection<Long> incidentIds);

    List<OutboxLine> outbox(
            @Param("reportId") long reportId,
            @Param("customerNo") String customerNo,
            @Param("incidentIds") Collection<Long> incidentIds);

    List<AuditSearch.ReportHit> searchReports(@Param("q") AuditSearch.Query query, @Param("limit") int limit);

    List<AuditSearch.IncidentHit> searchIncidents(@Param("q") AuditSearch.Query query, @Param("limit") int limit);

    record TraceReport(
            long id,
            String channel,
            String customerNo,
            String locatedCustomerNo,
            String phone,
            String address,
            String description,
            Long incidentId,
            Long excludedIncidentId,
            Long noticeId,
            Instant createdAt) {}

    record ArchiveCustomer(String customerNo, String name, String phone, String address) {}

    record TrackingLine(long id, Instant at, String type, String text) {}

    record OutboxLine(
            long id,
            String messageId,
            String eventType,
            String channel,
            Long incidentId,
            String customerNo,
            String phone,
            String text,
            String status,
            int attempts,
            Instant createdAt,
            Instant sentAt) {}

    record Checkpoint(long id, long seq, String hash, long removed, Instant removedBefore, Instant createdAt) {}
}
