package org.gridmend.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * An AMI head-end on loopback: answers {@code POST /ping} with each meter's state from a function the test sets
 * (true powered, false dark, null unreachable), or with an HTTP error while {@link #failWith} is set. Records the
 * meters each ping asked for.
 */
public final class FakeHeadEnd implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<List<String>> pings = new CopyOnWriteArrayList<>();
    private volatile Function<String, Boolean> state = meter -> true;
    private volatile int failWith;

    public FakeHeadEnd() {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/ami/ping", exchange -> {
            JsonNode body;
            try (InputStream in = exchange.getRequestBody()) {
                body = JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            List<String> meters = new ArrayList<>();
            body.path("meterNos").forEach(m -> meters.add(m.asText()));
            pings.add(meters);
            byte[] out;
            int status = failWith;
            if (status != 0) {
                out = "{\"error\":\"down\"}".getBytes(StandardCharsets.UTF_8);
            } else {
                status = 200;
                List<Map<String, Object>> results = new ArrayList<>();
                for (String meter : meters) {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("meterNo", meter);
                    r.put("powered", state.apply(meter));
                    results.add(r);
                }
                out = JSON.writeValueAsBytes(Map.of("results", results));
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        });
        server.start();
    }

    /** The base URL for {@code gridmend.ami.url}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/ami";
    }

    public void answer(Function<String, Boolean> state) {
        this.state = state;
        this.failWith = 0;
    }

    public void failWith(int status) {
        this.failWith = status;
    }

    public List<List<String>> pings() {
        return pings;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
