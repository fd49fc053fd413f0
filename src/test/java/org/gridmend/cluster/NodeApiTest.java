package org.gridmend.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gridmend.security.StaffIdentitySetup;
import org.gridmend.support.GridMendTest;
import org.gridmend.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which node answered: every answer's X-GridMend-Node header, the health component "node" for administrators, and
 * the board's nodes alive, where a node that stopped beating drops out after 30 s, and which node leads.
 */
@GridMendTest
class NodeApiTest {

    @LocalServerPort
    int port;

    @Autowired
    StaffIdentitySetup staff;

    @Autowired
    NodeService nodes;

    @Autowired
    JdbcTemplate jdbc;

    final HttpClient client = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void users() {
        TestUsers.create(staff);
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(
                                            (user + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyAnswerNamesItsNodeAndTheHealthAndTheBoardShowIt() throws Exception {
        HttpResponse<String> anonymous = get("/actuator/health", null);
        String node = anonymous.headers().firstValue("X-GridMend-Node").orElseThrow();
        assertThat(node).isEqualTo(nodes.id());
        assertThat(json.readTree(anonymous.body()).has("components")).isFalse();
        assertThat(get("/api/nothing-here", null).headers().firstValue("X-GridMend-Node"))
                .contains(node);

        JsonNode health = json.readTree(get("/actuator/health", TestUsers.ADMIN).body());
        assertThat(health.path("components")
                        .path("node")
                        .path("details")
                        .path("id")
                        .asText())
                .isEqualTo(node);
        assertThat(health.path("components")
                        .path("node")
                        .path("details")
                        .path("nodesAlive")
                        .asInt())
                .isPositive();

        // another node that beat a minute ago is gone from the board; one that beat just now is there
        jdbc.update(
                "INSERT INTO gm_node (node_id, host, started_at, last_seen_at) VALUES (?, 'elsewhere', ?, ?)",
                "gone-" + System.nanoTime(),
                java.sql.Timestamp.from(Instant.now().minusSeconds(3600)),
                java.sql.Timestamp.from(Instant.now().minusSeconds(60)));
        String other = "other-" + System.nanoTime();
        jdbc.update(
                "INSERT INTO gm_node (node_id, host, started_at, last_seen_at) VALUES (?, 'elsewhere', ?, ?)",
                other,
                java.sql.Timestamp.from(Instant.now().minusSeconds(600)),
                java.sql.Timestamp.from(Instant.now()));
        JsonNode board =
                json.readTree(get("/api/board", TestUsers.DISPATCHER).body()).path("nodes");
        assertThat(board.findValuesAsText("id")).contains(node, other).noneMatch(id -> id.startsWith("gone-"));
        for (JsonNode n : board) {
            assertThat(n.path("self").asBoolean())
                    .isEqualTo(n.path("id").asText().equals(node));
        }
        // the longest running node alive leads (the demo's simulators run there only): the other one, up for ten
        // minutes, until it stops beating
        assertThat(nodes.leads()).isFalse();
        jdbc.update(
                "UPDATE gm_node SET last_seen_at = ? WHERE node_id = ?",
                java.sql.Timestamp.from(Instant.now().minusSeconds(60)),
                other);
        assertThat(nodes.leads()).isTrue();
    }
}
