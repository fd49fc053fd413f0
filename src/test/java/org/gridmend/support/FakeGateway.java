package org.gridmend.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on loopback standing in for an SMS or push gateway: it records every request, answers a message
 * with the statuses a test queued for it (then 200), can stall before answering (a timeout after it accepted), can be
 * down for a while, and counts how often each messageId was accepted.
 */
public final class FakeGateway implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as the gateway received it. */
    public record Request(String path, String authorization, JsonNode body) {

        public String messageId() {
            return body.path("messageId").asText();
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
    private final Map<String, Deque<Integer>> statusesFor = new ConcurrentHashMap<>();
    private final Map<String, Duration> stallsFor = new ConcurrentHashMap<>();
    private volatile long downUntil;
    private volatile int failAllStatus;
    private volatile long failAllUntil;
    private volatile long stallAllUntil;
    private volatile Duration stallAll = Duration.ZERO;

    public FakeGateway() {
        this(0);
    }

    /** On a chosen port: a gateway closed for a while comes back where its clients expect it. */
    public FakeGateway(int port) {
        // the JDK server leaves Nagle's algorithm on: every answer would wait 40 ms for a delayed ACK, which no real
        // gateway does (nginx and Tomcat set TCP_NODELAY)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/", exchange -> {
            byte[] raw;
            try (InputStream in = exchange.getRequestBody()) {
                raw = in.readAllBytes();
            }
            Request request = new Request(
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    JSON.readTree(new String(raw, StandardCharsets.UTF_8)));
            requests.add(request);
            int status;
            Duration stall;
            synchronized (this) {
                Deque<Integer> own = statusesFor.get(request.messageId());
                if (System.currentTimeMillis() < downUntil) {
                    status = 503;
                } else if (System.currentTimeMillis() < failAllUntil) {
                    status = failAllStatus;
                } else {
                    status = own != null && !own.isEmpty() ? own.poll() : 200;
                }
                stall = System.currentTimeMillis() < stallAllUntil
                        ? stallAll
                        : stallsFor.getOrDefault(request.messageId(), Duration.ZERO);
                stallsFor.remove(request.messageId());
            }
            if (status >= 200 && status < 300) {
                accepted.computeIfAbsent(request.messageId(), k -> new AtomicInteger())
                        .incrementAndGet();
            }
            if (!stall.isZero()) {
                try {
                    Thread.sleep(stall.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] answer = ("{\"messageId\":\"" + request.messageId() + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            try {
                exchange.sendResponseHeaders(status, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            } catch (IOException clientGone) {
                // the caller timed out and hung up
            }
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** This message's next requests are answered with these statuses, in order; after them, 200. */
    public synchronized FakeGateway answer(String messageId, int... next) {
        Deque<Integer> own = statusesFor.computeIfAbsent(messageId, k -> new ArrayDeque<>());
        for (int status : next) {
            own.add(status);
        }
        return this;
    }

    /** This message's next request is accepted but answered only after {@code stall}. */
    public FakeGateway stall(String messageId, Duration stall) {
        stallsFor.put(messageId, stall);
        return this;
    }

    /** Answers 503 to everything for a while, as a gateway that is down. */
    public FakeGateway downFor(Duration outage) {
        downUntil = System.currentTimeMillis() + outage.toMillis();
        return this;
    }

    /** Answers every request with {@code status} for a while. */
    public FakeGateway failAllFor(Duration window, int status) {
        failAllStatus = status;
        failAllUntil = System.currentTimeMillis() + window.toMillis();
        return this;
    }

    /** Accepts every request for a while but answers each only after {@code stall}. */
    public FakeGateway stallAllFor(Duration window, Duration stall) {
        stallAll = stall;
        stallAllUntil = System.currentTimeMillis() + window.toMillis();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requestsFor(String messageId) {
        return requests.stream().filter(r -> r.messageId().equals(messageId)).toList();
    }

    /** How many times the gateway accepted (answered 2xx to) this message. */
    public int acceptedCount(String messageId) {
        AtomicInteger n = accepted.get(messageId);
        return n == null ? 0 : n.get();
    }

    public Map<String, AtomicInteger> accepted() {
        return Map.copyOf(accepted);
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
