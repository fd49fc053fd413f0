package org.gridmend.repair;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.camunda.connect.httpclient.HttpRequest;
import org.camunda.connect.httpclient.HttpResponse;
import org.camunda.connect.httpclient.impl.HttpConnectorImpl;
import org.camunda.connect.httpclient.impl.RequestConfigOption;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The telephony gateway of {@link ContactProperties}, called through Camunda Connect's HTTP connector: binds a
 * virtual number to a customer's and a crew's phones, and removes the binding. Never throws for what the network or
 * the gateway does; the answer says what happened.
 */
@Component
class TelephonyClient implements DisposableBean {

    /** A binding made (its virtual number) or not (why). */
    record Bound(String virtualNumber, String error) {}

    private final ContactProperties.Call call;
    private final ObjectMapper json;
    private final CloseableHttpClient client;
    private final HttpConnectorImpl connector;

    TelephonyClient(ContactProperties properties, ObjectMapper json) {
        this.call = properties.call();
        this.json = json;
        this.client = HttpClients.custom()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .build();
        this.connector = new HttpConnectorImpl();
        this.connector.setHttpClient(client);
    }

    boolean configured() {
        return call.configured();
    }

    Bound bind(String bindingId, String a, String b, Instant expiresAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("bindingId", bindingId);
        body.put("a", a);
        body.put("b", b);
        body.put("expiresAt", expiresAt.toString());
        HttpResponse response = null;
        try {
            response = request(connector.createRequest().post().url(base() + "/bindings"))
                    .contentType("application/json")
                    .payload(json.writeValueAsString(body))
                    .execute();
            int status = response.getStatusCode();
            if (status < 200 || status >= 300) {
                return new Bound(null, "gateway answered HTTP " + status);
            }
            JsonNode answer = json.readTree(response.getResponse());
            String number = answer.path("virtualNumber").asText("");
            return number.isBlank() ? new Bound(null, "gateway named no virtualNumber") : new Bound(number, null);
        } catch (JsonProcessingException | RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return new Bound(null, cause.getClass().getSimpleName() + ": " + cause.getMessage());
        } finally {
            if (response != null) {
                response.close();
            }
        }
    }

    /** Removes a binding; true when the gateway took it (or had it no longer). */
    boolean unbind(String bindingId) {
        HttpResponse response = null;
        try {
            response = request(connector.createRequest().delete().url(base() + "/bindings/" + bindingId))
                    .execute();
            int status = response.getStatusCode();
            return (status >= 200 && status < 300) || status == 404;
        } catch (RuntimeException e) {
            return false;
        } finally {
            if (response != null) {
                response.close();
            }
        }
    }

    private String base() {
        return call.url().endsWith("/") ? call.url().substring(0, call.url().length() - 1) : call.url();
    }

    private HttpRequest request(HttpRequest request) {
        int connect = (int) call.connectTimeout().toMillis();
        request.header("Accept", "application/json")
                .configOption(RequestConfigOption.CONNECTION_TIMEOUT.getName(), connect)
                .configOption(RequestConfigOption.CONNECTION_REQUEST_TIMEOUT.getName(), connect)
                .configOption(RequestConfigOption.SOCKET_TIMEOUT.getName(), (int)
                        call.readTimeout().toMillis());
        if (call.user() != null && !call.user().isBlank()) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(
                                            (call.user() + ":" + call.password()).getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    @Override
    public void destroy() throws Exception {
        client.close();
    }
}
