package org.gridmend.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.gridmend.support.FakeGateway;
import org.junit.jupiter.api.Test;

/**
 * The SMS and push gateway fails in every way a storm met: it answers 500 for 10 s, then accepts but answers only
 * after the read timeout for 10 s, then is closed (connection refused) for 20 s, then works again. Every message is
 * delivered in the end, none is lost, and a message reaches the gateway twice only as the same message (the same
 * messageId, sent again after an answer was lost). Prints the figures (docs/benchmarks.md has them).
 * Run alone: {@code mvn verify -Dit.test=GatewayFaultIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class GatewayFaultIT {

    private static Set<String> strings(Connection c, String sql) throws SQLException {
        Set<String> values = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement(sql);
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                values.add(r.getString(1));
            }
        }
        return values;
    }

    @Test
    void aFailingGatewayLosesNoMessageAndDoublesOnlyTheSameMessage() throws Exception {
        FaultTests.requireMariaDbServer();
        FakeGateway first = new FakeGateway();
        int port = first.port();
        FakeGateway gateway = first;
        try (PrivateMariaDb db = PrivateMariaDb.install(FaultTests.WORK);
                GridMendNode node = GridMendNode.start(
                        "gateway-a",
                        db,
                        FaultTests.WORK,
                        "--gridmend.notify.sms.url=http://127.0.0.1:" + port,
                        "--gridmend.notify.push.url=http://127.0.0.1:" + port,
                        "--gridmend.notify.sms.read-timeout=3s",
                        "--gridmend.notify.push.read-timeout=3s",
                        "--gridmend.notify.max-retry=15s")) {
            RetryingCustomers phones = new RetryingCustomers(2, 250, node::base);
            Thread.sleep(8_000);
            first.failAllFor(Duration.ofSeconds(10), 500);
            Thread.sleep(10_000);
            first.stallAllFor(Duration.ofSeconds(10), Duration.ofSeconds(5));
            Thread.sleep(10_000);
            first.close();
            Thread.sleep(20_000);
            phones.close();
            FakeGateway second = new FakeGateway(port);
            gateway = second;
            long reopened = System.nanoTime();

            double drained;
            Set<String> sent;
            Set<String> all;
            Map<String, Integer> byStatus = new TreeMap<>();
            try (Connection c = db.connect()) {
                drained = FaultTests.secondsUntil(
                        () -> {
                            try {
                                // every message, also those waiting for their next attempt, sent (rating
                                // requests may be held for quiet hours)
                                return strings(
                                                c,
                                                "SELECT id FROM gm_notification WHERE status = 'PENDING'"
                                                        + " AND event_type <> 'RATING_REQUEST'")
                                        .isEmpty();
                            } catch (SQLException e) {
                                return false;
                            }
                        },
                        150);
                drained = drained < 0 ? -1 : (System.nanoTime() - reopened) / 1e9;
                sent = strings(c, "SELECT message_id FROM gm_notification WHERE status = 'SENT'");
                all = strings(c, "SELECT message_id FROM gm_notification");
                try (PreparedStatement s =
                                c.prepareStatement("SELECT status, COUNT(*) FROM gm_notification GROUP BY status");
                        ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        byStatus.put(r.getString(1), r.getInt(2));
                    }
                }
            }
            Map<String, AtomicInteger> accepted = new TreeMap<>(first.accepted());
            second.accepted().forEach((id, n) -> accepted.merge(id, n, (a, b) -> new AtomicInteger(a.get() + b.get())));
            long acceptedTwice =
                    accepted.values().stream().filter(n -> n.get() > 1).count();
            System.out.printf(
                    "%n[fault] gateway 500 for 10 s, answering after the read timeout for 10 s, closed for 20 s:"
                            + " %d reports acknowledged; outbox %s; %d message ids accepted by the gateway, %d of them"
                            + " more than once (the same messageId again after a lost answer), none unknown to the"
                            + " outbox: %s; every message sent %.1f s after the gateway came back%n"
                            + "[fault] reproduce: mvn verify -Dit.test=GatewayFaultIT -Dtest=none"
                            + " -Dsurefire.failIfNoSpecifiedTests=false%n",
                    phones.acknowledged.size(),
                    byStatus,
                    accepted.size(),
                    acceptedTwice,
                    all.containsAll(accepted.keySet()),
                    drained);

            assertThat(phones.acknowledged.size()).as("the storm ran").isGreaterThan(20);
            assertThat(drained)
                    .as("every message sent after the gateway came back")
                    .isBetween(0.0, 150.0);
            assertThat(byStatus).as("nothing failed for good").doesNotContainKey("FAILED");
            assertThat(accepted.keySet())
                    .as("the gateway got every message sent")
                    .containsAll(sent);
            assertThat(all).as("and nothing the outbox does not hold").containsAll(accepted.keySet());
            assertThat(sent).as("messages were sent").isNotEmpty();
            assertThat(acceptedTwice)
                    .as("a lost answer makes the same message arrive again")
                    .isPositive();
        } finally {
            gateway.close();
        }
    }
}
