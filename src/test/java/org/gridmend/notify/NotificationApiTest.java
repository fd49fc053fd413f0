package org.gridmend.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gridmend.report.TimelineStreamService;
import org.gridmend.security.StaffIdentitySetup;
import org.gridmend.support.GridMendTest;
import org.gridmend.support.Http;
import org.gridmend.support.ReportFixture;
import org.gridmend.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Through HTTP with the job executor running: the live timeline (Server-Sent Events), outage notices and the
 * customers' outage look-up, and the outbox for dispatchers.
 */
@GridMendTest
class NotificationApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    ReportFixture fixture;

    @Autowired
    StaffIdentitySetup staff;

    @Autowired
    TimelineStreamService streams;

    Http customer;
    Http dispatcher;
    ReportFixture.Grid grid;

    @BeforeEach
    void setUp() {
        customer = Http.anonymous(port);
        TestUsers.create(staff);
        dispatcher = Http.anonymous(port).as(TestUsers.DISPATCHER, TestUsers.PASSWORD);
        grid = fixture.newGrid();
    }

    private JsonNode report(int customerNo) {
        Map<String, Object> body = new HashMap<>();
        body.put("requestId", UUID.randomUUID().toString());
        body.put("channel", "APP");
        body.put("customerNo", grid.customer(customerNo));
        Http.Response response = customer.post("/api/reports", body);
        assertThat(response.status()).isEqualTo(201);
        return response.json();
    }

    /** One Server-Sent Event: its name and JSON data. */
    record Event(String name, JsonNode data) {}

    /** Reads a stream's events on a thread of its own into a queue, as a browser's EventSource would. */
    private BlockingQueue<Event> listen(String path) throws Exception {
        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Accept", "text/event-stream")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader lines =
                            new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                        String name = null;
                        StringBuilder data = new StringBuilder();
                        for (String line; (line = lines.readLine()) != null; ) {
                            if (line.startsWith("event:")) {
                                name = line.substring(6).trim();
                            } else if (line.startsWith("data:")) {
                                data.append(line.substring(5));
                            } else if (line.isEmpty() && name != null) {
                                events.add(new Event(name, JSON.readTree(data.toString())));
                                name = null;
                                data.setLength(0);
                            }
                        }
                        events.add(new Event("end", null));
                    } catch (Exception closed) {
                        // the test is over
                    }
                },
                "sse-reader");
        reader.setDaemon(true);
        reader.start();
        return events;
    }

    private static List<String> timelineTypesUntil(BlockingQueue<Event> events, String type) throws Exception {
        List<String> seen = new ArrayList<>();
        Instant until = Instant.now().plusSeconds(30);
        while (!seen.contains(type) && Instant.now().isBefore(until)) {
            Event event = events.poll(500, TimeUnit.MILLISECONDS);
            if (event != null && event.name().equals("timeline")) {
                seen.add(event.data().path("type").asText());
            }
        }
        return seen;
    }

    @Test
    void aNodeShuttingDownEndsItsStreamsInsteadOfWaitingForThem() throws Exception {
        JsonNode answer = report(1);
        BlockingQueue<Event> events =
                listen("/api/reports/" + answer.path("reportId").asText() + "/events?token="
                        + answer.path("trackingToken").asText());
        assertThat(timelineTypesUntil(events, "RECEIVED")).contains("RECEIVED");
        streams.stop();
        try {
            Instant until = Instant.now().plusSeconds(10);
            Event event = null;
            while (Instant.now().isBefore(until)
                    && (event == null || !event.name().equals("end"))) {
                event = events.poll(500, TimeUnit.MILLISECONDS);
            }
            assertThat(event)
                    .as("the stream ended")
                    .isNotNull()
                    .extracting(Event::name)
                    .isEqualTo("end");
        } finally {
            streams.start();
        }
    }

    @Test
    void theTrackingTimelineArrivesLiveAsServerSentEvents() throws Exception {
        JsonNode answer = report(1);
        String path = "/api/reports/" + answer.path("reportId").asText() + "/events?token="
                + answer.path("trackingToken").asText();
        BlockingQueue<Event> events = listen(path);

        // first what is there (the report received), then, as triage gets to it, the acknowledgement
        List<String> seen = timelineTypesUntil(events, "ACKNOWLEDGED");
        assertThat(seen).startsWith("RECEIVED").contains("ACKNOWLEDGED").doesNotHaveDuplicates();
        Event status = null;
        for (Event e = events.poll(3, TimeUnit.SECONDS); e != null; e = events.poll(3, TimeUnit.SECONDS)) {
            if (e.name().equals("status")) {
                status = e;
            }
        }
        assertThat(status).isNotNull();
        assertThat(status.data().path("reportId").asText())
                .isEqualTo(answer.path("reportId").asText());
        assertThat(status.data().has("timeline")).isFalse();

        // a wrong token opens nothing
        Http.Response wrong = customer.get(
                "/api/reports/" + answer.path("reportId").asText() + "/events?token=nope", "text/event-stream");
        assertThat(wrong.status()).isEqualTo(404);
    }

    @Test
    void aFaultNoticeIsPublishedLookedUpByCustomersAndEndsWithItsRepairOrder() {
        Instant start = Instant.now().minusSeconds(60);
        Map<String, Object> body = Map.of(
                "type",
                "FAULT",
                "deviceId",
                grid.node("SW"),
                "start",
                start.toString(),
                "expectedEnd",
                start.plus(Duration.ofHours(3)).toString(),
                "reason",
                "10kV 开关跳闸");
        Http.Response created = dispatcher.post("/api/outage-notices", body);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("customers").asInt()).isEqualTo(5);
        long noticeId = created.json().path("noticeId").asLong();

        JsonNode atHome =
                customer.get("/api/outages?customerNo=" + grid.customer(1)).json();
        assertThat(atHome.path("transformerId").asText()).isEqualTo(grid.node("T1"));
        assertThat(atHome.path("notices")).hasSize(1);
        assertThat(atHome.path("notices").get(0).path("type").asText()).isEqualTo("FAULT");
        assertThat(atHome.path("notices").get(0).path("inEffect").asBoolean()).isTrue();
        assertThat(atHome.path("notices").get(0).path("reason").asText()).isEqualTo("10kV 开关跳闸");
        assertThat(atHome.path("repairOrder").path("incidentId").asText()).startsWith("R-");
        // T3 hangs above the switch: its customer is not affected
        assertThat(customer.get("/api/outages?customerNo=" + grid.customer(6))
                        .json()
                        .path("notices"))
                .isEmpty();
        JsonNode nearby = customer.get("/api/outages?lat=" + (grid.lat() + 0.001) + "&lng=" + grid.lng())
                .json();
        assertThat(nearby.path("transformerId").asText()).isEqualTo(grid.node("T1"));
        assertThat(nearby.path("notices")).hasSize(1);

        JsonNode notice = dispatcher.get("/api/outage-notices/" + noticeId).json();
        assertThat(notice.path("incidentId").asLong()).isPositive();
        Http.Response ended = dispatcher.post("/api/outage-notices/" + noticeId + "/end", Map.of());
        assertThat(ended.status()).isEqualTo(200);
        assertThat(ended.json().path("state").asText()).isEqualTo("ENDED");
        assertThat(dispatcher
                        .post("/api/outage-notices/" + noticeId + "/end", Map.of())
                        .status())
                .isEqualTo(409);
        assertThat(customer.get("/api/outages?customerNo=" + grid.customer(1))
                        .json()
                        .path("notices"))
                .isEmpty();
    }

    @Test
    void badLookUpsAndNoticesAreAnsweredWithTheFieldNamed() {
        assertThat(customer.get("/api/outages").json().path("field").asText()).isEqualTo("customerNo");
        assertThat(customer.get("/api/outages").status()).isEqualTo(400);
        assertThat(customer.get("/api/outages?lat=43.8").json().path("field").asText())
                .isEqualTo("lng");
        assertThat(customer.get("/api/outages?lat=95&lng=125")
                        .json()
                        .path("field")
                        .asText())
                .isEqualTo("lat");
        assertThat(customer.get("/api/outages?lat=43&lng=125&coordSys=XYZ")
                        .json()
                        .path("field")
                        .asText())
                .isEqualTo("coordSys");
        assertThat(customer.get("/api/outages?customerNo=NOBODY").status()).isEqualTo(404);

        Instant start = Instant.now().plusSeconds(3600);
        Http.Response noDevice = dispatcher.post(
                "/api/outage-notices",
                Map.of(
                        "type",
                        "PLANNED",
                        "deviceId",
                        "NO-SUCH",
                        "start",
                        start.toString(),
                        "expectedEnd",
                        start.plusSeconds(3600).toString()));
        assertThat(noDevice.status()).isEqualTo(400);
        assertThat(noDevice.json().path("field").asText()).isEqualTo("deviceId");
        Http.Response backwards = dispatcher.post(
                "/api/outage-notices",
                Map.of(
                        "type",
                        "PLANNED",
                        "deviceId",
                        grid.node("SW"),
                        "start",
                        start.toString(),
                        "expectedEnd",
                        start.minusSeconds(60).toString()));
        assertThat(backwards.json().path("field").asText()).isEqualTo("expectedEnd");
        assertThat(dispatcher
                        .post("/api/outage-notices/999999999/end", Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(customer.post("/api/outage-notices", Map.of()).status()).isEqualTo(401);
    }

    @Test
    void dispatchersSeeTheOutboxWithPhonesMaskedAndOthersDoNot() {
        report(1);
        Http.Response list = dispatcher.get("/api/notifications?limit=50");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).isNotEmpty();
        assertThat(list.json()).allSatisfy(n -> {
            String phone = n.path("phone").asText(null);
            if (phone != null) {
                assertThat(phone).contains("*");
            }
        });
        assertThat(dispatcher.get("/api/notifications/summary").status()).isEqualTo(200);
        assertThat(dispatcher
                        .get("/api/notifications?status=LOST")
                        .json()
                        .path("field")
                        .asText())
                .isEqualTo("status");
        assertThat(dispatcher
                        .get("/api/notifications?incidentId=X")
                        .json()
                        .path("field")
                        .asText())
                .isEqualTo("incidentId");
        assertThat(dispatcher
                        .post("/api/notifications/999999999/retry", Map.of())
                        .status())
                .isEqualTo(404);
        long pending = list.json().get(0).path("id").asLong();
        assertThat(dispatcher
                        .post("/api/notifications/" + pending + "/retry", Map.of())
                        .status())
                .isEqualTo(409);

        Http crew = Http.anonymous(port).as(TestUsers.CREW, TestUsers.PASSWORD);
        assertThat(crew.get("/api/notifications").status()).isEqualTo(403);
        assertThat(customer.get("/api/notifications").status()).isEqualTo(401);
        Http auditor = Http.anonymous(port).as(TestUsers.AUDITOR, TestUsers.PASSWORD);
        assertThat(auditor.get("/api/notifications").status()).isEqualTo(200);
        assertThat(auditor.post("/api/notifications/" + pending + "/retry", Map.of())
                        .status())
                .isEqualTo(403);
        // the development gateway exists only in the demo profile
        assertThat(customer.post("/dev/gateway/sms", Map.of("messageId", "x", "to", "1", "text", "t"))
                        .status())
                .isEqualTo(404);
    }
}
