package org.gridmend.triage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.camunda.connect.httpclient.HttpResponse;
import org.camunda.connect.httpclient.impl.HttpConnectorImpl;
import org.camunda.connect.httpclient.impl.RequestConfigOption;
import org.springframework.stereotype.Component;

/**
 * The AMI head-end's ping, through Camunda Connect's HTTP connector: {@code POST {url}/ping}
 * {@code {requestId, meterNos}} answered {@code {results: [{meterNo, powered: true|false|null}]}}. A failure throws,
 * so that the repair order's job retries it (and its boundary timer gives up waiting).
 */
@Component
class AmiClient {

    /** One meter's answer: powered, dark, or null when the head-end could not reach it. */
    record MeterState(String meterNo, Boolean powered) {}

    private final AmiProperties properties;
    private final ObjectMapper json;
    private final CloseableHttpClient client;
    private final HttpConnectorImpl connector;

    AmiClient(AmiProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.json = json;
        this.client = HttpClients.custom()
                .setMaxConnTotal(8)
                .setMaxConnPerRoute(8)
                .disableAutomaticRetries()
                .disableCookieManagement()
                .useSystemProperties()
                .build();
        this.connector = new HttpConnectorImpl();
        this.connector.setHttpClient(client);
    }

    boolean configured() {
        return properties.configured();
    }

    List<MeterState> ping(String requestId, List<String> meterNos) {
        String body;
        try {
            body = json.writeValueAsString(Map.of("requestId", requestId, "meterNos", meterNos));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        int connect = (int) properties.connectTimeout().toMillis();
        var request = connector
                .createRequest()
                .post()
                .url(properties.url().replaceAll("/+$", "") + "/ping")
                .contentType("application/json")
                .header("Accept", "application/json")
                .payload(body)
                .configOption(RequestConfigOption.CONNECTION_TIMEOUT.getName(), connect)
                .configOption(RequestConfigOption.CONNECTION_REQUEST_TIMEOUT.getName(), connect)
                .configOption(RequestConfigOption.SOCKET_TIMEOUT.getName(), (int)
                        properties.readTimeout().toMillis());
        if (!properties.user().isBlank()) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((properties.user() + ":" + properties.password())
                                            .getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse response = request.execute();
        try {
            if (response.getStatusCode() < 200 || response.getStatusCode() >= 300) {
                throw new IllegalStateException("AMI head-end answered HTTP " + response.getStatusCode());
            }
            List<MeterState> states = new ArrayList<>();
            for (JsonNode r : json.readTree(response.getResponse()).path("results")) {
                JsonNode powered = r.path("powered");
                states.add(
                        new MeterState(r.path("meterNo").asText(), powered.isBoolean() ? powered.asBoolean() : null));
            }
            return states;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("AMI head-end answered something that is not JSON", e);
        } finally {
            response.close();
        }
    }

    @PreDestroy
    void close() throws IOException {
        client.close();
    }
}
