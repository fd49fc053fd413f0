package org.gridmend.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gridmend.support.Http;
import org.gridmend.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Malformed input generated from GridMend's own OpenAPI document: for every operation and every field of its JSON
 * body, the wrong type, missing, empty, huge, NaN, far past and far future, an unknown enum value and an unknown
 * field; the wrong content type; path parameters with NUL, dot segments, a 5,000-character id. Sent as an
 * administrator, who gets furthest. No answer may be a 5xx, and every error must be GridMend's
 * {@code {"error", "message"}}. Run on H2 ({@code MalformedInputAttackTest}) and on MariaDB through Connector/J
 * ({@code MalformedInputMariaDbIT}), whose limits differ (DATETIME's range, column lengths).
 */
abstract class MalformedInputContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> PATH_TRICKS =
            List.of("R-99999999", "%00", "..%2F..", "x".repeat(5000), "%F0%9F%92%A1", "-1", "B-00000000");

    @LocalServerPort
    int port;

    @Autowired
    StaffIdentitySetup staff;

    @Autowired
    JdbcTemplate jdbc;

    private JsonNode components;
    private final List<String> failures = new ArrayList<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private int sent;

    @Test
    void noGeneratedInputGetsA5xxOrAForeignErrorBody() throws Exception {
        TestUsers.create(staff);
        forgetFailedSignIns();
        Http admin = Http.anonymous(port).as(TestUsers.ADMIN, TestUsers.PASSWORD);
        JsonNode api = admin.get("/v3/api-docs").json();
        components = api.path("components").path("schemas");
        int operations = 0;
        assertThat(api.path("paths").size())
                .as("the OpenAPI document lists the API")
                .isGreaterThan(20);

        for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)
                        || path.getKey().endsWith("/events")
                        || path.getKey().equals("/api/staff/session") && method.equals("DELETE")) {
                    continue; // a live stream never ends; signing the admin out would end the run
                }
                attack(admin, method, path.getKey(), op.getValue());
                operations++;
                if (path.getKey().contains("session")) {
                    forgetFailedSignIns();
                }
            }
        }
        System.out.printf(
                "[malformed] %d requests from the OpenAPI document (%d operations), answers %s, %d bad%n",
                sent, operations, statuses, failures.size());
        assertThat(statuses).as("the mutations reach validation").containsKeys(400, 404);
        assertThat(statuses.getOrDefault(429, 0)).as("not throttled away").isLessThan(sent / 20);
        assertThat(failures)
                .as("answers that were a 5xx or not GridMend's error format")
                .isEmpty();
    }

    /**
     * The mutated sign-ins count as failures from this address, and 20 of them throttle every later request from it
     * (as they should): the suite forgets them, so that it keeps testing the endpoints after it and leaves no
     * throttled address to the tests after it.
     */
    @AfterEach
    void forgetFailedSignIns() {
        jdbc.update("DELETE FROM gm_sign_in_failure");
    }

    private void attack(Http admin, String method, String template, JsonNode operation) throws Exception {
        String path = fill(template, "R-99999999", operation);
        for (String trick : PATH_TRICKS) {
            if (template.contains("{")) {
                check(admin, method, fill(template, trick, operation), body(operation));
            }
        }
        for (Map.Entry<String, String> query : queryTricks(operation).entrySet()) {
            check(admin, method, path + "?" + query.getKey() + "=" + query.getValue(), body(operation));
        }
        JsonNode schema = bodySchema(operation);
        if (schema == null) {
            return;
        }
        JsonNode valid = example(schema, 0);
        check(admin, method, path, valid == null ? "{}" : valid.toString());
        check(admin, method, path, "not json at all");
        check(admin, method, path, valid + " trailing");
        check(admin, method, path, "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[");
        checkWithType(admin, method, path, "text/plain", valid == null ? "x" : valid.toString());
        if (!(valid instanceof ObjectNode object)) {
            return;
        }
        ObjectNode extra = object.deepCopy();
        extra.put("notAField", 1);
        check(admin, method, path, extra.toString());
        JsonNode properties = resolve(schema).path("properties");
        for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            for (JsonNode bad : badValues(resolve(properties.get(name)))) {
                ObjectNode mutated = object.deepCopy();
                if (bad == null) {
                    mutated.remove(name);
                } else {
                    mutated.set(name, bad);
                }
                check(admin, method, path, mutated.toString());
            }
        }
    }

    private List<JsonNode> badValues(JsonNode schema) {
        List<JsonNode> values = new ArrayList<>();
        values.add(null);
        values.add(NODES.nullNode());
        values.add(NODES.textNode(""));
        values.add(NODES.textNode("x".repeat(20_000)));
        values.add(NODES.textNode("NaN"));
        values.add(NODES.numberNode(-99999999999999L));
        values.add(NODES.numberNode(4.5));
        values.add(NODES.booleanNode(true));
        values.add(NODES.objectNode().put("a", 1));
        values.add(NODES.arrayNode().add(1));
        values.add(NODES.textNode("+999999999-01-01T00:00:00Z"));
        values.add(NODES.textNode("0001-01-01T00:00:00Z"));
        values.add(NODES.textNode("停\u0000电"));
        if (schema.has("enum")) {
            values.add(NODES.textNode("NOT_A_VALUE"));
            values.add(NODES.numberNode(3));
        }
        return values;
    }

    private Map<String, String> queryTricks(JsonNode operation) {
        Map<String, String> tricks = new LinkedHashMap<>();
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("in").asText().equals("query")) {
                String name = parameter.path("name").asText();
                tricks.put(name, "NaN");
                tricks.put(name + "&" + name, "1");
                tricks.put(name + "", "%2B999999999-01-01T00:00:00Z");
                tricks.put(name + "=", "x".repeat(3000));
            }
        }
        return tricks;
    }

    private static String fill(String template, String value, JsonNode operation) {
        return template.replaceAll("\\{[^}]+}", value);
    }

    private JsonNode bodySchema(JsonNode operation) {
        JsonNode content = operation.path("requestBody").path("content");
        JsonNode json = content.path("application/json").path("schema");
        return json.isMissingNode() ? null : json;
    }

    private String body(JsonNode operation) {
        JsonNode schema = bodySchema(operation);
        JsonNode valid = schema == null ? null : example(schema, 0);
        return valid == null ? null : valid.toString();
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 10 && s.has("$ref"); i++) {
            String ref = s.get("$ref").asText();
            s = components.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return s;
    }

    /** A plausible value of the schema, to mutate one field at a time. */
    private JsonNode example(JsonNode raw, int depth) {
        JsonNode schema = resolve(raw);
        if (depth > 4) {
            return NODES.nullNode();
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> f =
                                schema.path("properties").fields();
                        f.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = f.next();
                    object.set(field.getKey(), example(field.getValue(), depth + 1));
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                array.add(example(schema.path("items"), depth + 1));
                return array;
            }
            case "integer" -> {
                return NODES.numberNode(1);
            }
            case "number" -> {
                return NODES.numberNode(43.88);
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            default -> {
                return schema.path("format").asText().equals("date-time")
                        ? NODES.textNode("2026-12-01T08:00:00Z")
                        : NODES.textNode("x");
            }
        }
    }

    private void check(Http http, String method, String path, String body) {
        checkWithType(http, method, path, "application/json", body);
    }

    private void checkWithType(Http http, String method, String path, String contentType, String body) {
        sent++;
        Http.Response response;
        try {
            response = http.sendRaw(method, path, contentType, body);
        } catch (IllegalArgumentException unsendable) {
            return; // a URI Java's client refuses to send (the raw-socket tests send those)
        }
        statuses.merge(response.status(), 1, Integer::sum);
        String what = method + " " + path.substring(0, Math.min(path.length(), 120)) + " "
                + (body == null ? "" : body.substring(0, Math.min(body.length(), 160)));
        if (response.status() >= 500) {
            failures.add(response.status() + " for " + what + ": " + response.body());
            return;
        }
        if (response.status() >= 400) {
            try {
                JsonNode error = JSON.readTree(response.body());
                if (!error.hasNonNull("error") || !error.hasNonNull("message") || error.has("timestamp")) {
                    failures.add("foreign error body for " + what + ": " + response.body());
                }
            } catch (Exception notJson) {
                failures.add("not JSON for " + what + ": " + response.body());
            }
        }
    }
}
