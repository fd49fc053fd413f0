package org.gridmend.notify;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface NotificationMapper {

    // ---- recipients ----

    List<Recipient> customersOfTransformers(@Param("transformerIds") Collection<String> transformerIds);

    List<Recipient> reportersOfIncident(@Param("incidentId") long incidentId);

    Recipient reporterOf(@Param("reportId") long reportId);

    /** Recipients already told {@code eventType} for an incident that has since merged into {@code parentId}. */
    List<String> toldOnMergedChildren(@Param("parentId") long parentId, @Param("eventType") String eventType);

    /** Recipients a fault outage notice that opened or joined this incident told already. */
    List<String> toldByFaultNotice(@Param("incidentId") long incidentId);

    // ---- what the message says ----

    ReportFacts report(@Param("reportId") long reportId);

    IncidentFacts incident(@Param("incidentId") long incidentId);

    NoticeFacts notice(@Param("noticeId") long noticeId);

    TimelineLine latestIncidentLine(@Param("incidentId") long incidentId, @Param("type") String type);

    TimelineLine latestReportLine(@Param("reportId") long reportId, @Param("type") String type);

    void updateEtrNotified(@Param("incidentId") long incidentId, @Param("etr") Instant etr);

    // ---- the outbox ----

    List<String> existingKeys(@Param("keys") Collection<String> keys);

    void insertAll(@Param("rows") List<NewNotification> rows);

    void insertOne(NewNotification row);

    List<Long> dueIds(
            @Param("now") Instant now, @Param("limit") int limit, @Param("channels") Collection<String> channels);

    int claim(
            @Param("owner") String owner,
            @Param("until") Instant until,
            @Param("now") Instant now,
            @Param("ids") List<Long> ids);

    List<Outgoing> claimed(@Param("owner") String owner, @Param("until") Instant until);

    int markSent(
            @Param("id") long id,
            @Param("owner") String owner,
            @Param("gatewayStatus") Integer gatewayStatus,
            @Param("at") Instant at,
            @Param("node") String node);

    int markRetry(
            @Param("id") long id,
            @Param("owner") String owner,
            @Param("next") Instant next,
            @Param("error") String error,
            @Param("gatewayStatus") Integer gatewayStatus);

    int markFailed(
            @Param("id") long id,
            @Param("owner") String owner,
            @Param("error") String error,
            @Param("gatewayStatus") Integer gatewayStatus);

    List<NotificationRecord> list(
            @Param("status") String status, @Param("incidentId") Long incidentId, @Param("limit") int limit);

    NotificationRecord find(@Param("id") long id);

    int retry(@Param("id") long id, @Param("now") Instant now);

    List<StatusCount> counts();

    // ---- app registrations ----

    int isRegistered(@Param("customerNo") String customerNo);

    void register(@Param("customerNo") String customerNo, @Param("at") Instant at);

    // ---- the development gateway ----

    int insertDevMessage(
            @Param("messageId") String messageId,
            @Param("channel") String channel,
            @Param("address") String address,
            @Param("template") String template,
            @Param("title") String title,
            @Param("text") String text,
            @Param("at") Instant at);

    List<DevMessage> devMessages(@Param("address") String address, @Param("limit") int limit);

    /** The inboxes, most recent first; with {@code like}, those whose address or a message matches it. */
    List<DevInbox> devInboxes(@Param("like") String like, @Param("limit") int limit);

    record ReportFacts(long id, Long incidentId, Long noticeId, String customerNo, String channel) {}

    /** Whether the report's acknowledgement is in the outbox already. */
    boolean acknowledged(@Param("reportId") long reportId);

    /** The state of the incident an incident was merged into, or null. */
    String mergedTargetState(@Param("incidentId") long incidentId);

    /** Where a report stands now: what a message to its reporter may have to agree with. */
    ReportNow reportNow(@Param("reportId") long reportId);

    record ReportNow(Long incidentId, String incidentState, String status, Boolean powerRestored, long ratings) {}

    /** The message is no longer true: it is not sent, and says why. */
    int withdraw(@Param("id") long id, @Param("owner") String owner, @Param("reason") String reason);

    record IncidentFacts(
            long id,
            String deviceId,
            String state,
            Long mergedIntoId,
            Instant etr,
            Instant etrNotified,
            String outageKnown,
            long reports) {

        /** The customers below the device who did not report have been told of the outage (it is corroborated). */
        boolean areaTold() {
            return "TOLD".equals(outageKnown);
        }
    }

    /** What corroborates an incident's outage, beyond one customer's word. */
    record Corroboration(long customers, long verified, long notices, long darkMeters, long findings, long confirmed) {}

    Corroboration corroboration(@Param("incidentId") long incidentId);

    /** The incident's row of what its customers were told, created when it has none yet. */
    int ensureTold(@Param("incidentId") long incidentId);

    void markOutageKnown(@Param("incidentId") long incidentId, @Param("state") String state);

    record NoticeFacts(long id, String type, String deviceId, Instant startsAt, Instant expectedEndAt, String reason) {}

    record TimelineLine(long id, String text) {}

    /** A message claimed for delivery. */
    record Outgoing(
            long id,
            String messageId,
            String channel,
            String customerNo,
            String phone,
            String template,
            String title,
            String text,
            int attempts,
            String eventType,
            Long incidentId,
            Long reportId,
            Long noticeId) {}

    final class NewNotification {
        public String messageId;
        public String dedupeKey;
        public String eventType;
        public Long incidentId;
        public Long reportId;
        public Long noticeId;
        public String customerNo;
        public String phone;
        public String channel;
        public String template;
        public String title;
        public String text;
        public Instant nextAttemptAt;
        public Instant createdAt;
    }
}
