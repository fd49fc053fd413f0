package org.gridmend.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small HTTP client for tests against the running application, as a client outside would call it. */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final String base;
    private final String authorization;
    private final Map<String, String> headers;

    private Http(String base, String authorization, Map<String, String> headers) {
        this.base = base;
        this.authorization = authorization;
        this.headers = headers;
    }

    public static Http anonymous(int port) {
        return new Http("http://localhost:" + port, null, Map.of());
    }

    /** A signed-in customer: the bearer token of POST /api/customer/session. */
    public Http bearer(String token) {
        return new Http(base, "Bearer " + token, headers);
    }

    public Http as(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Http(base, "Basic " + token, headers);
    }

    /** The same client with one more header on every request (an API key, a cookie, a CSRF token). */
    public Http with(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Http(base, authorization, more);
    }

    public Response get(String path) {
        return send(builder(path).GET());
    }

    public Response get(String path, String accept) {
        return send(builder(path).setHeader("Accept", accept).GET());
    }

    public Response post(String path, Object body) {
        String text;
        try {
            text = body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
        return send(builder(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)));
    }

    public Response put(String path, Object body) {
        try {
            String text = body instanceof String str ? str : JSON.writeValueAsString(body);
            return send(builder(path)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A multipart/form-data POST with one file part and plain text parts. */
    public Response upload(
            String path, String part, String filename, String contentType, byte[] data, Map<String, String> fields) {
        String boundary = "gridmend" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (var field : fields.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                                + "\"\r\n\r\n" + field.getValue() + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                            + filename + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(data);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // an API client says so: a cross-site HTML form cannot set this header (HTTP Basic with a form body without
        // it is refused as a browser's)
        return send(builder(path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-Requested-With", "GridMendTest")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** A GET whose body is bytes (a photo): status, bytes and content type. */
    public Binary getBytes(String path) {
        HttpResponse<byte[]> response =
                exchange(builder(path).setHeader("Accept", "*/*").GET(), HttpResponse.BodyHandlers.ofByteArray());
        return new Binary(
                response.statusCode(),
                response.body(),
                response.headers().firstValue("Content-Type").orElse(""));
    }

    public record Binary(int status, byte[] body, String contentType) {}

    public Response delete(String path) {
        return send(builder(path).DELETE());
    }

    public Response send(String method, String path, Object body) {
        return switch (method) {
            case "GET" -> get(path);
            case "POST" -> post(path, body == null ? "{}" : body);
            case "PUT" -> put(path, body == null ? "{}" : body);
            case "DELETE" -> delete(path);
            default -> throw new IllegalArgumentException(method);
        };
    }

    /** Any method, with the body sent as given (null: none) under the given Content-Type. */
    public Response sendRaw(String method, String path, String contentType, String body) {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
        HttpRequest.Builder request = builder(path);
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.method(method, publisher));
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        headers.forEach(builder::header);
        return builder;
    }

    private static Response send(HttpRequest.Builder request) {
        HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Response(
                response.statusCode(),
                response.body(),
                response.headers().firstValue("Content-Type").orElse(""));
    }

    private static <T> HttpResponse<T> exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return CLIENT.send(request.build(), body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String body, String contentType) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 500 ? body.substring(0, 500) + "…" : body);
        }
    }
}
