package org.gridmend.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * An AMI head-end for storms: a meter is dark when a storm put it below one of its faults, powered otherwise. The
 * demo's development head-end ({@code /dev/ami/ping}) answers from it, and the accuracy storms run it as a server of
 * its own on loopback. With {@link #silent} set every meter is unreachable (answers {@code null}): a storm without
 * pings.
 */
public final class HeadEndSimulator implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<String> dark = ConcurrentHashMap.newKeySet();
    private final AtomicLong asked = new AtomicLong();
    private volatile boolean silent;
    private HttpServer server;

    /** The meters of a storm's faults go dark (the meter number is the customer number unless the archive says). */
    public void darken(Collection<String> meterNos) {
        dark.addAll(meterNos);
    }

    /** Power back everywhere: the next storm starts from a lit grid. */
    public void restoreAll() {
        dark.clear();
    }

    public void silent(boolean silent) {
        this.silent = silent;
    }

    public long asked() {
        return asked.get();
    }

    /** The answer to a ping: {@code {results: [{meterNo, powered}]}}. */
    public Map<String, Object> ping(List<String> meterNos) {
        asked.addAndGet(meterNos.size());
        List<Map<String, Object>> results = new ArrayList<>();
        for (String meter : meterNos) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("meterNo", meter);
            r.put("powered", silent ? null : !dark.contains(meter));
            results.add(r);
        }
        return Map.of("results", results);
    }

    /** Serves {@code POST /ping} on a loopback port of its own; returns the base URL for {@code gridmend.ami.url}. */
    public String serve() {
        return serve(0);
    }

    /** As {@link #serve()}, on this port (0: any free one). */
    public synchronized String serve(int port) {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.createContext("/ping", exchange -> {
                JsonNode body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
                List<String> meters = new ArrayList<>();
                body.path("meterNos").forEach(m -> meters.add(m.asText()));
                byte[] out = JSON.writeValueAsBytes(ping(meters));
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, out.length);
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(out);
                }
            });
            server.start();
        }
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
        }
    }
}
