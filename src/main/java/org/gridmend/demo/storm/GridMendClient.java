package org.gridmend.demo.storm;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The HTTP calls the storm simulator makes, as any outside client would: JSON, and HTTP Basic for staff calls. */
final class GridMendClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String authorization;
    private final HttpClient http;

    GridMendClient(URI base, String user, String password) {
        this.base = base;
        this.authorization =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    record Response(int status, JsonNode body, long nanos) {}

    /** A customer's call: no credentials. */
    Response postPublic(String path, Object body) {
        return send(request(path).POST(publish(body)).header("Content-Type", "application/json"));
    }

    Response getPublic(String path) {
        return send(request(path).GET());
    }

    Response postStaff(String path, Object body) {
        return send(request(path)
                .POST(publish(body))
                .header("Content-Type", "application/json")
                .header("Authorization", authorization));
    }

    Response getStaff(String path) {
        return send(request(path).GET().header("Authorization", authorization));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
    }

    private static HttpRequest.BodyPublisher publish(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Response send(HttpRequest.Builder request) {
        long started = System.nanoTime();
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            long nanos = System.nanoTime() - started;
            byte[] body = response.body();
            JsonNode json = body.length == 0 ? JSON.nullNode() : parse(body);
            return new Response(response.statusCode(), json, nanos);
        } catch (IOException e) {
            return new Response(-1, JSON.getNodeFactory().textNode(e.toString()), System.nanoTime() - started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(-1, JSON.getNodeFactory().textNode("interrupted"), System.nanoTime() - started);
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return JSON.getNodeFactory().textNode(new String(body, StandardCharsets.UTF_8));
        }
    }
}
