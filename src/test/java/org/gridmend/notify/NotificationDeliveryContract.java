package org.gridmend.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.gridmend.audit.AuditTrail;
import org.gridmend.audit.TraceService;
import org.gridmend.core.PublicIds;
import org.gridmend.support.FakeGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivery of the outbox to real HTTP gateways on loopback ({@link FakeGateway}), on H2 and on MariaDB: retries
 * with the same messageId, nothing lost while a gateway is down, a message given up on is FAILED and raised in
 * Cockpit, and several delivering nodes never send one message twice. The application's own dispatcher has no
 * gateway here; each test runs dispatchers of its own against the shared outbox.
 */
abstract class NotificationDeliveryContract {

    @Autowired
    NotificationMapper mapper;

    @Autowired
    NotificationAdminService admin;

    @Autowired
    RuntimeService runtime;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    AuditTrail audit;

    @Autowired
    TraceService traces;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    org.gridmend.cluster.NodeService nodes;

    final FakeGateway sms = new FakeGateway();
    final FakeGateway push = new FakeGateway();
    final List<NotificationDispatcher> dispatchers = new ArrayList<>();

    @BeforeEach
    void parkOtherMessages() {
        // the database is shared with other tests: their messages wait while these tests deliver
        jdbc.update(
                "UPDATE gm_notification SET next_attempt_at = ? WHERE status = 'PENDING'",
                Timestamp.from(Instant.parse("2999-01-01T00:00:00Z")));
    }

    @AfterEach
    void stopGateways() {
        dispatchers.forEach(NotificationDispatcher::close);
        sms.close();
        push.close();
    }

    NotificationDispatcher dispatcher(int maxAttempts, Duration readTimeout, boolean smsConfigured) {
        NotifyProperties.Gateway smsGateway = new NotifyProperties.Gateway(
                smsConfigured ? sms.url("/sms") : "", "gridmend", "s3cret", Duration.ofSeconds(1), readTimeout);
        NotifyProperties.Gateway pushGateway =
                new NotifyProperties.Gateway(push.url("/push"), "", "", Duration.ofSeconds(1), readTimeout);
        NotifyProperties properties = new NotifyProperties(
                smsGateway,
                pushGateway,
                true,
                4,
                50,
                Duration.ofMillis(50),
                Duration.ofMinutes(2),
                Duration.ZERO,
                maxAttempts,
                Duration.ofMillis(1),
                Duration.ofMillis(5),
                Duration.ofMinutes(30),
                new NotifyProperties.QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0)),
                "【供电服务】",
                new NotifyProperties.Streams(
                        Duration.ofSeconds(2), 10, 3, 20, Duration.ofMinutes(1), Duration.ofSeconds(15)),
                new NotifyProperties.Corroboration(2));
        NotificationDispatcher dispatcher = new NotificationDispatcher(
                mapper,
                properties,
                new FailedMessageIncidents(runtime),
                new StaleMessages(mapper),
                audit,
                transactions,
                Clock.systemUTC(),
                json,
                nodes);
        dispatchers.add(dispatcher);
        return dispatcher;
    }

    NotificationDispatcher dispatcher() {
        return dispatcher(5, Duration.ofSeconds(2), true);
    }

    /** Writes messages to the outbox as a process step would; returns their rows. */
    List<NotificationRecord> outbox(int count, String channel, Long incidentId) {
        List<NotificationMapper.NewNotification> rows = new ArrayList<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < count; i++) {
            NotificationMapper.NewNotification row = new NotificationMapper.NewNotification();
            row.messageId = UUID.randomUUID().toString();
            row.dedupeKey = "test|" + row.messageId;
            row.eventType = "CREW_ACCEPTED";
            row.incidentId = incidentId;
            row.customerNo = "TC" + i;
            row.phone = "139" + String.format("%08d", i);
            row.channel = channel;
            row.template = "notify.crew_accepted";
            row.title = "抢修进度";
            row.text = "【供电服务】抢修班组 0371 已接单，预计 14:20 到达。";
            row.nextAttemptAt = now.minusSeconds(1);
            row.createdAt = now;
            rows.add(row);
        }
        for (int i = 0; i < rows.size(); i += 500) {
            mapper.insertAll(rows.subList(i, Math.min(rows.size(), i + 500)));
        }
        return rows.stream().map(r -> find(r.messageId)).toList();
    }

    NotificationRecord find(String messageId) {
        Long id = jdbc.queryForObject("SELECT id FROM gm_notification WHERE message_id = ?", Long.class, messageId);
        return mapper.find(id);
    }

    /** Runs rounds until nothing is due (waits between rounds stay short: back-off is milliseconds here). */
    static void drain(NotificationDispatcher dispatcher) throws InterruptedException {
        for (int idle = 0; idle < 5; ) {
            if (dispatcher.deliverDue() == 0) {
                idle++;
                Thread.sleep(20);
            } else {
                idle = 0;
            }
        }
    }

    @Test
    void smsAndPushCarryTheGatewaysFieldsAndAStableMessageId() throws Exception {
        NotificationRecord text = outbox(1, "SMS", null).get(0);
        NotificationRecord app = outbox(1, "PUSH", null).get(0);
        drain(dispatcher());

        FakeGateway.Request sent = sms.requestsFor(text.messageId()).get(0);
        assertThat(sent.path()).isEqualTo("/sms");
        assertThat(sent.body().path("to").asText())
                .isEqualTo(mapper.find(text.id()).phone());
        assertThat(sent.body().path("template").asText()).isEqualTo("notify.crew_accepted");
        assertThat(sent.body().path("text").asText()).isEqualTo("【供电服务】抢修班组 0371 已接单，预计 14:20 到达。");
        assertThat(sent.authorization()).isEqualTo("Basic Z3JpZG1lbmQ6czNjcmV0");
        FakeGateway.Request pushed = push.requestsFor(app.messageId()).get(0);
        assertThat(pushed.body().path("customerNo").asText()).isEqualTo(app.customerNo());
        assertThat(pushed.body().path("title").asText()).isEqualTo("抢修进度");
        assertThat(pushed.body().path("body").asText()).contains("0371");
        assertThat(pushed.body().path("data").path("event").asText()).isEqualTo("CREW_ACCEPTED");
        assertThat(pushed.authorization()).isNull();

        NotificationRecord delivered = mapper.find(text.id());
        assertThat(delivered.status()).isEqualTo("SENT");
        assertThat(delivered.gatewayStatus()).isEqualTo(200);
        assertThat(delivered.attempts()).isEqualTo(1);
        assertThat(delivered.sentAt()).isNotNull();
    }

    private long incident(String state, Long mergedInto) {
        String key = "W-" + UUID.randomUUID();
        jdbc.update(
                "INSERT INTO gm_incident (open_key, device_id, level, state, merged_into_id, rule, reason,"
                        + " first_report_at, created_at) VALUES (?, ?, 'TRANSFORMER', ?, ?, 'FIRST_REPORT', 'test',"
                        + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
                state.equals("OPEN") ? key : null,
                key,
                state,
                mergedInto);
        return jdbc.queryForObject("SELECT id FROM gm_incident WHERE device_id = ?", Long.class, key);
    }

    @Test
    void aMergeMessageNamingAnOrderThatMergedAgainIsWithdrawnNotSent() throws Exception {
        long breaker = incident("OPEN", null);
        long fuse = incident("MERGED", breaker);
        long transformer = incident("MERGED", fuse);
        NotificationRecord untrue = outbox(1, "SMS", transformer).get(0);
        NotificationRecord upToDate = outbox(1, "SMS", fuse).get(0);
        jdbc.update(
                "UPDATE gm_notification SET event_type = 'MERGED_UPSTREAM' WHERE id IN (?, ?)",
                untrue.id(),
                upToDate.id());
        drain(dispatcher());

        NotificationRecord withdrawn = mapper.find(untrue.id());
        assertThat(withdrawn.status()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.lastError()).contains("merged again");
        assertThat(withdrawn.sentAt()).isNull();
        assertThat(sms.requestsFor(untrue.messageId())).isEmpty();
        assertThat(mapper.find(upToDate.id()).status()).isEqualTo("SENT");
        assertThat(sms.requestsFor(upToDate.messageId())).hasSize(1);
    }

    @Test
    void aGatewayAnswering500ThenOkGetsTheMessageOnce() throws Exception {
        NotificationRecord message = outbox(1, "SMS", null).get(0);
        sms.answer(message.messageId(), 500);
        NotificationDispatcher dispatcher = dispatcher();

        dispatcher.deliverDue();
        NotificationRecord waiting = mapper.find(message.id());
        assertThat(waiting.status()).isEqualTo("PENDING");
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.gatewayStatus()).isEqualTo(500);
        assertThat(waiting.lastError()).contains("HTTP 500");
        drain(dispatcher);

        assertThat(sms.requestsFor(message.messageId())).hasSize(2);
        assertThat(sms.acceptedCount(message.messageId())).isEqualTo(1);
        assertThat(mapper.find(message.id())).satisfies(m -> {
            assertThat(m.status()).isEqualTo("SENT");
            assertThat(m.attempts()).isEqualTo(2);
        });
        // each attempt is in the audit trail with its result, for the auditor's "what was the customer told, when"
        assertThat(jdbc.queryForList(
                        "SELECT type FROM gm_audit_event WHERE notification_id = ? ORDER BY id",
                        String.class,
                        message.id()))
                .containsExactly("NOTIFICATION_RETRY", "NOTIFICATION_SENT");
        assertThat(jdbc.queryForObject(
                        "SELECT details FROM gm_audit_event WHERE notification_id = ? "
                                + "AND type = 'NOTIFICATION_RETRY'",
                        String.class,
                        message.id()))
                .contains("\"gatewayStatus\":500")
                .contains("\"attempt\":1")
                .contains(message.messageId());
    }

    @Test
    void aGatewayThatTimesOutAfterAcceptingSeesTheRetryWithTheSameMessageId() throws Exception {
        NotificationRecord message = outbox(1, "SMS", null).get(0);
        sms.stall(message.messageId(), Duration.ofMillis(1500));
        NotificationDispatcher dispatcher = dispatcher(5, Duration.ofMillis(300), true);

        dispatcher.deliverDue();
        assertThat(mapper.find(message.id()).lastError()).containsIgnoringCase("timed out");
        drain(dispatcher);

        List<FakeGateway.Request> seen = sms.requestsFor(message.messageId());
        assertThat(seen).hasSize(2).allSatisfy(r -> assertThat(r.messageId()).isEqualTo(message.messageId()));
        assertThat(mapper.find(message.id()).status()).isEqualTo("SENT");
    }

    @Test
    void aGatewayDownForAWhileDelaysMessagesButLosesNone() throws Exception {
        List<NotificationRecord> messages = outbox(20, "SMS", null);
        sms.downFor(Duration.ofMillis(400));
        NotificationDispatcher dispatcher = dispatcher(10, Duration.ofSeconds(2), true);
        dispatcher.deliverDue();
        assertThat(messages)
                .allSatisfy(m -> assertThat(mapper.find(m.id())).satisfies(waiting -> {
                    assertThat(waiting.status()).isEqualTo("PENDING");
                    assertThat(waiting.gatewayStatus()).isEqualTo(503);
                }));
        // back-off doubles from 1 ms to at most 5 ms here: the gateway comes back within the ten attempts
        for (int round = 0;
                round < 100
                        && messages.stream()
                                .anyMatch(m -> mapper.find(m.id()).status().equals("PENDING"));
                round++) {
            dispatcher.deliverDue();
            Thread.sleep(50);
        }

        for (NotificationRecord m : messages) {
            assertThat(mapper.find(m.id()).status()).as(m.messageId()).isEqualTo("SENT");
            assertThat(sms.acceptedCount(m.messageId())).isEqualTo(1);
            assertThat(sms.requestsFor(m.messageId())).hasSizeGreaterThan(1);
        }
    }

    @Test
    void aMessageStillFailingAfterItsRetriesIsFailedAndShownNotDropped() throws Exception {
        NotificationRecord message = outbox(1, "PUSH", null).get(0);
        push.answer(message.messageId(), 503, 503, 503);
        drain(dispatcher(3, Duration.ofSeconds(2), true));

        NotificationRecord failed = mapper.find(message.id());
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.lastError()).contains("HTTP 503");
        assertThat(admin.list("FAILED", null, 1000))
                .extracting(NotificationRecord::id)
                .contains(message.id());
        assertThat(push.acceptedCount(message.messageId())).isZero();
    }

    @Test
    void aMessageTheGatewayRefusesIsRaisedInCockpitAndCanBeSentAgain() throws Exception {
        long incidentId = activeRepairOrder();
        NotificationRecord message = outbox(1, "SMS", incidentId).get(0);
        sms.answer(message.messageId(), 400);
        NotificationDispatcher dispatcher = dispatcher();
        drain(dispatcher);

        assertThat(mapper.find(message.id()).status()).isEqualTo("FAILED");
        assertThat(mapper.find(message.id()).attempts()).isEqualTo(1);
        var incident = runtime.createIncidentQuery()
                .incidentType(NotificationDispatcher.INCIDENT_TYPE)
                .configuration(message.messageId())
                .singleResult();
        assertThat(incident).isNotNull();
        assertThat(incident.getIncidentMessage()).contains("SMS CREW_ACCEPTED").contains("HTTP 400");
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(incident.getProcessInstanceId())
                        .singleResult()
                        .getBusinessKey())
                .isEqualTo(PublicIds.incident(incidentId));
        // the repair order's audit trace names the message given up on
        assertThat(traces.incident(PublicIds.incident(incidentId), false, "tauditor")
                        .entries())
                .filteredOn(e -> e.type().equals("NOTIFICATION_FAILED"))
                .singleElement()
                .satisfies(e -> assertThat(e.details())
                        .containsEntry("gatewayStatus", 400)
                        .containsEntry("messageId", message.messageId()));

        assertThat(admin.retry(message.id()).status()).isEqualTo("PENDING");
        assertThat(runtime.createIncidentQuery()
                        .incidentType(NotificationDispatcher.INCIDENT_TYPE)
                        .configuration(message.messageId())
                        .count())
                .isZero();
        drain(dispatcher);
        assertThat(mapper.find(message.id()).status()).isEqualTo("SENT");
        assertThat(sms.requestsFor(message.messageId())).hasSize(2);
        assertThat(sms.acceptedCount(message.messageId())).isEqualTo(1);
    }

    /** An incident with its RepairOrder running, for a message to belong to. */
    abstract long activeRepairOrder();

    @Test
    void aChannelWithoutAGatewayKeepsItsMessagesWaiting() throws Exception {
        NotificationRecord text = outbox(1, "SMS", null).get(0);
        NotificationRecord app = outbox(1, "PUSH", null).get(0);
        drain(dispatcher(5, Duration.ofSeconds(2), false));

        assertThat(mapper.find(text.id())).satisfies(m -> {
            assertThat(m.status()).isEqualTo("PENDING");
            assertThat(m.attempts()).isZero();
        });
        assertThat(mapper.find(app.id()).status()).isEqualTo("SENT");
        assertThat(sms.requestsFor(text.messageId())).isEmpty();
    }

    @Test
    void severalDeliveringNodesNeverSendTheSameMessageTwice() throws Exception {
        List<NotificationRecord> messages = outbox(600, "SMS", null);
        List<NotificationDispatcher> nodes = List.of(dispatcher(), dispatcher(), dispatcher());
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
        try {
            List<Future<Object>> runs = new ArrayList<>();
            for (NotificationDispatcher node : nodes) {
                Callable<Object> run = () -> {
                    drain(node);
                    return null;
                };
                runs.add(pool.submit(run));
            }
            for (Future<Object> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        for (NotificationRecord m : messages) {
            assertThat(sms.requestsFor(m.messageId())).as(m.messageId()).hasSize(1);
            assertThat(mapper.find(m.id()).status()).isEqualTo("SENT");
        }
        assertThat(nodes)
                .as("every node took a share")
                .allSatisfy(n -> assertThat(n.sentCount()).isPositive());
    }
}
