package org.gridmend.notify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.camunda.connect.httpclient.HttpResponse;
import org.camunda.connect.httpclient.impl.HttpConnectorImpl;
import org.camunda.connect.httpclient.impl.RequestConfigOption;
import org.gridmend.core.PublicIds;

/**
 * One notification gateway (SMS or app push) as DESIGN.md section 4 defines it, called through Camunda Connect's HTTP
 * connector on a pooled client with this gateway's timeouts and credentials. The body carries the outbox row's
 * {@code messageId}, the same on every attempt, so that a gateway that accepted a message whose answer was lost
 * recognises the retry.
 */
final class GatewayClient implements AutoCloseable {

    /** What became of one attempt: the gateway's HTTP status (null when none came), or the error. */
    record Outcome(Integer status, String error) {

        boolean accepted() {
            return status != null && status >= 200 && status < 300;
        }

        /** The gateway refused this message for good (a bad number, a bad request): retrying would not help. */
        boolean rejected() {
            return status != null && status >= 400 && status < 500 && status != 408 && status != 429;
        }
    }

    private final String channel;
    private final NotifyProperties.Gateway gateway;
    private final CloseableHttpClient client;
    private final HttpConnectorImpl connector;
    private final ObjectMapper json;
    private final String authorization;
    private final int connectMillis;
    private final int readMillis;

    GatewayClient(String channel, NotifyProperties.Gateway gateway, int connections, ObjectMapper json) {
        this.channel = channel;
        this.gateway = gateway;
        this.json = json;
        this.connectMillis = (int) gateway.connectTimeout().toMillis();
        this.readMillis = (int) gateway.readTimeout().toMillis();
        this.client = HttpClients.custom()
                .setMaxConnTotal(connections)
                .setMaxConnPerRoute(connections)
                .disableAutomaticRetries() // a retry is the dispatcher's decision, recorded in the outbox
                .disableCookieManagement()
                .useSystemProperties()
                .build();
        this.connector = new HttpConnectorImpl();
        this.connector.setHttpClient(client);
        this.authorization = gateway.user() == null || gateway.user().isBlank()
                ? null
                : "Basic "
                        + Base64.getEncoder()
                                .encodeToString(
                                        (gateway.user() + ":" + gateway.password()).getBytes(StandardCharsets.UTF_8));
    }

    boolean configured() {
        return gateway.configured();
    }

    String channel() {
        return channel;
    }

    /** Sends one message; never throws for what the network or the gateway does. */
    Outcome send(NotificationMapper.Outgoing message) {
        String body;
        try {
            body = json.writeValueAsString(body(message));
        } catch (JsonProcessingException e) {
            return new Outcome(null, "cannot write the request body: " + e.getOriginalMessage());
        }
        var request = connector
                .createRequest()
                .post()
                .url(gateway.url())
                .contentType("application/json")
                .header("Accept", "application/json")
                .header("X-Message-Id", message.messageId())
                .payload(body)
                // Connect builds each request's config from its options, replacing the client's defaults
                .configOption(RequestConfigOption.CONNECTION_TIMEOUT.getName(), connectMillis)
                .configOption(RequestConfigOption.CONNECTION_REQUEST_TIMEOUT.getName(), connectMillis)
                .configOption(RequestConfigOption.SOCKET_TIMEOUT.getName(), readMillis);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse response = null;
        try {
            response = request.execute();
            int status = response.getStatusCode();
            if (status >= 200 && status < 300) {
                return new Outcome(status, null);
            }
            return new Outcome(status, "gateway answered HTTP " + status + excerpt(response.getResponse()));
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return new Outcome(null, cause.getClass().getSimpleName() + ": " + cause.getMessage());
        } finally {
            if (response != null) {
                response.close();
            }
        }
    }

    private Map<String, Object> body(NotificationMapper.Outgoing message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messageId", message.messageId());
        if ("SMS".equals(channel)) {
            body.put("to", message.phone());
            body.put("template", message.template());
            body.put("text", message.text());
        } else {
            body.put("customerNo", message.customerNo());
            body.put("title", message.title());
            body.put("body", message.text());
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("event", message.eventType());
            data.put("template", message.template());
            if (message.incidentId() != null) {
                data.put("incidentId", PublicIds.incident(message.incidentId()));
            }
            if (message.noticeId() != null) {
                data.put("noticeId", message.noticeId());
            }
            body.put("data", data);
        }
        return body;
    }

    private static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        // a gateway may echo the number it refused: no phone number reaches the outbox's error or the log
        String line = body.replaceAll("\\s+", " ").replaceAll("\\d{7,}", "***").trim();
        return ": " + (line.length() > 200 ? line.substring(0, 200) + "…" : line);
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
