package org.gridmend.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gridmend.core.StaffGroups;
import org.gridmend.support.GridMendTest;
import org.gridmend.support.Http;
import org.gridmend.support.RepairFixture;
import org.gridmend.support.TestGrids;
import org.gridmend.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A stranger sends bodies far larger than any phone would, with a length and without one (chunked), to the public
 * endpoints: 413 naming {@code body}, before the body is held in memory. Staff bodies and the grid import have
 * limits of their own that their real uses fit in.
 */
@GridMendTest
class BodyLimitAttackTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    StaffIdentitySetup staff;

    @Autowired
    RepairFixture repairs;

    private static void tooLarge(int status, String body, String limit) throws Exception {
        assertThat(status).as(body).isEqualTo(413);
        JsonNode error = JSON.readTree(body);
        assertThat(error.path("error").asText()).isEqualTo("TOO_LARGE");
        assertThat(error.path("field").asText()).isEqualTo("body");
        assertThat(error.path("message").asText()).isEqualTo("the request body must not exceed " + limit);
    }

    private static String report(int descriptionBytes) {
        return "{\"requestId\": \"" + UUID.randomUUID() + "\", \"channel\": \"WECHAT\", \"customerNo\": \"X\", "
                + "\"description\": \"" + "停".repeat(descriptionBytes / 3) + "\"}";
    }

    @Test
    void aLargeAnonymousBodyIsRefusedWithOrWithoutALength() throws Exception {
        Http anonymous = Http.anonymous(port);
        Http.Response declared = anonymous.post("/api/reports", report(100_000));
        tooLarge(declared.status(), declared.body(), "16 KB");
        Http.Response otp = anonymous.post("/api/customer/otp", "{\"phone\": \"" + "1".repeat(40_000) + "\"}");
        tooLarge(otp.status(), otp.body(), "16 KB");

        byte[] chunked = report(2_000_000).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/reports"))
                                .header("Content-Type", "application/json")
                                .header("Accept", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(chunked)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        tooLarge(response.statusCode(), response.body(), "16 KB");

        // a customer's photo to the crew is multipart: limited by the multipart settings (a photo of 5 MB), and the
        // token is checked once it is read
        Http.Response tooBig = anonymous.upload(
                "/api/reports/B-00000001/messages?token=x",
                "file",
                "a.jpg",
                "image/jpeg",
                new byte[7_000_000],
                java.util.Map.of());
        assertThat(tooBig.status()).as(tooBig.body()).isEqualTo(413);
        assertThat(anonymous
                        .upload(
                                "/api/reports/B-00000001/messages?token=x",
                                "file",
                                "a.jpg",
                                "image/jpeg",
                                new byte[200_000],
                                java.util.Map.of())
                        .status())
                .isEqualTo(404);
        Http.Response json = anonymous.post("/api/reports/B-00000001/messages?token=x", report(100_000));
        tooLarge(json.status(), json.body(), "16 KB");

        // a phone's real report is far below the limit
        assertThat(anonymous.post("/api/reports", report(3_000)).status()).isNotEqualTo(413);
    }

    @Test
    void staffBodiesAndTheGridImportFitTheirLimits() throws Exception {
        TestUsers.create(staff);
        RepairFixture.Grid g = repairs.newGrid().placeCrews();
        staff.user(g.user(1), "Crew", "K1", TestUsers.PASSWORD, StaffGroups.CREWS);
        Http crew = Http.anonymous(port).as(g.user(1), TestUsers.PASSWORD);
        // the largest batch a phone sends after a while offline: 500 positions, some 40 KB
        StringBuilder batch = new StringBuilder("[");
        Instant start = Instant.now().minus(Duration.ofHours(23));
        for (int i = 0; i < 500; i++) {
            batch.append(i == 0 ? "" : ",")
                    .append("{\"lat\": 43.9, \"lng\": 125.3, \"at\": \"")
                    .append(start.plusSeconds(150L * i))
                    .append("\"}");
        }
        batch.append(']');
        assertThat(batch.length()).isGreaterThan(32_000);
        Http.Response day = crew.post("/api/crews/" + g.crew(1) + "/positions", batch.toString());
        assertThat(day.status()).as(day.body()).isEqualTo(202);

        String huge = "[" + "{\"lat\": 43.9, \"lng\": 125.3},".repeat(80_000) + "{\"lat\": 43.9, \"lng\": 125.3}]";
        Http.Response tooMuch = crew.post("/api/crews/" + g.crew(1) + "/positions", huge);
        tooLarge(tooMuch.status(), tooMuch.body(), "2 MB");

        Http admin = Http.anonymous(port).as(TestUsers.ADMIN, TestUsers.PASSWORD);
        String doc = JSON.writeValueAsString(TestGrids.small(
                "BIG" + UUID.randomUUID().toString().substring(0, 5).toUpperCase(), 31.5, 101.5));
        String padded = doc.substring(0, doc.length() - 1) + " ".repeat(3_000_000) + "}";
        assertThat(admin.post("/api/grid/import", padded).status()).isEqualTo(200);
    }
}
