package org.gridmend.fault;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Customers' phones in a storm as a well-behaved app sends: each report has its own requestId and is sent again,
 * with the same requestId, until GridMend acknowledges it (or a 4xx says it is wrong). Records every answer.
 */
final class RetryingCustomers implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Acknowledged reports: requestId → reportId. */
    final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    /** Every answer: status → count; -1 for no answer. */
    final Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
    /** Answers that were not in GridMend's error format or not an expected status. */
    final ConcurrentLinkedQueue<String> oddities = new ConcurrentLinkedQueue<>();
    /** Longest wait for a 503, in ms. */
    final AtomicInteger slowest503 = new AtomicInteger();
    /** Every 503: when its request was sent (System.nanoTime) and how long it waited, in ms. */
    final ConcurrentLinkedQueue<long[]> waits503 = new ConcurrentLinkedQueue<>();

    final Set<String> retryAfterMissing = ConcurrentHashMap.newKeySet();

    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Thread> threads;

    private final long pauseMillis;

    RetryingCustomers(int phones, Supplier<String> node) {
        this(phones, 50, node);
    }

    /** {@code pauseMillis} between one phone's acknowledged report and its next. */
    RetryingCustomers(int phones, long pauseMillis, Supplier<String> node) {
        this.pauseMillis = pauseMillis;
        threads = IntStream.range(0, phones)
                .mapToObj(k -> {
                    Thread t = new Thread(() -> run(k, node), "phone-" + k);
                    t.setDaemon(true);
                    t.start();
                    return t;
                })
                .toList();
    }

    private void run(int phone, Supplier<String> node) {
        int n = 0;
        while (!stop.get()) {
            String requestId = "fault-" + phone + "-" + n++ + "-" + UUID.randomUUID();
            String customerNo = String.format("22%08d", 1 + (phone * 131 + n * 7) % 900);
            String body = "{\"requestId\": \"" + requestId + "\", \"channel\": \"APP\", \"customerNo\": \"" + customerNo
                    + "\", \"description\": \"停电\"}";
            while (!stop.get()) {
                long start = System.nanoTime();
                int status;
                String text = "";
                String retryAfter = null;
                try {
                    HttpResponse<String> r = HTTP.send(
                            HttpRequest.newBuilder(URI.create(node.get() + "/api/reports"))
                                    .timeout(Duration.ofSeconds(40))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    status = r.statusCode();
                    text = r.body();
                    retryAfter = r.headers().firstValue("Retry-After").orElse(null);
                } catch (IOException e) {
                    status = -1;
                } catch (InterruptedException e) {
                    return;
                }
                answers.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                if (status == 200 || status == 201) {
                    try {
                        acknowledged.put(
                                requestId, JSON.readTree(text).path("reportId").asText());
                    } catch (IOException e) {
                        oddities.add("unreadable acknowledgement: " + text);
                    }
                    break;
                }
                if (status == 503) {
                    int waited = (int) ((System.nanoTime() - start) / 1_000_000);
                    slowest503.accumulateAndGet(waited, Math::max);
                    waits503.add(new long[] {start, waited});
                    if (retryAfter == null) {
                        retryAfterMissing.add(text);
                    }
                }
                if (status > 0 && !gridMendError(text)) {
                    oddities.add(status + " " + text);
                }
                if (status >= 400 && status < 500 && status != 429) {
                    oddities.add("refused: " + status + " " + text);
                    break;
                }
                sleep(200);
            }
            sleep(pauseMillis);
        }
    }

    private static boolean gridMendError(String text) {
        try {
            JsonNode body = JSON.readTree(text);
            return body.hasNonNull("error") && body.hasNonNull("message");
        } catch (IOException e) {
            return false;
        }
    }

    /** The longest 503 among requests sent after {@code nanoTime} (those already running then may take longer). */
    int slowest503SentAfter(long nanoTime) {
        return (int) waits503.stream()
                .filter(w -> w[0] >= nanoTime)
                .mapToLong(w -> w[1])
                .max()
                .orElse(0);
    }

    int count(int status) {
        AtomicInteger c = answers.get(status);
        return c == null ? 0 : c.get();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        for (Thread t : threads) {
            t.join(60_000);
        }
    }
}
