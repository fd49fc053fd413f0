package org.gridmend.repair;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridmend.core.PublicIds;
import org.gridmend.core.StaffGroups;
import org.gridmend.report.ReportAnswer;
import org.gridmend.report.ReportStatus;
import org.gridmend.security.StaffIdentitySetup;
import org.gridmend.support.Await;
import org.gridmend.support.GridMendTest;
import org.gridmend.support.Http;
import org.gridmend.support.RepairFixture;
import org.gridmend.support.ReportFixture;
import org.gridmend.support.TestPhotos;
import org.gridmend.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The crew's side through HTTP, with the job executor running: positions, shifts, statistics, the briefing,
 * photos, notes and ETR, and the crew's tasks through Camunda's REST API as Tasklist uses it. A crew acts only
 * for itself and on orders offered to it.
 */
@GridMendTest
class RepairApiTest {

    /** A crew's phone photo: a real JPEG with EXIF that says where it was taken, and the phone's serial. */
    static final byte[] JPEG = TestPhotos.withExif(TestPhotos.jpeg(64, 48), 6, "GPS 43.8801N 125.3502E phone SN-77421");

    static final byte[] GIF = "GIF89a....".getBytes();

    @LocalServerPort
    int port;

    @Autowired
    RepairFixture repairs;

    @Autowired
    ReportFixture reports;

    @Autowired
    StaffIdentitySetup staff;

    @Autowired
    CrewService crewService;

    RepairFixture.Grid g;
    Http crew1;
    Http crew2;
    Http dispatcher;
    Http anonymous;

    @BeforeEach
    void setUp() {
        TestUsers.create(staff);
        g = repairs.newGrid().placeCrews();
        staff.user(g.user(1), "Crew", "K1", TestUsers.PASSWORD, StaffGroups.CREWS);
        staff.user(g.user(2), "Crew", "K2", TestUsers.PASSWORD, StaffGroups.CREWS);
        anonymous = Http.anonymous(port);
        crew1 = anonymous.as(g.user(1), TestUsers.PASSWORD);
        crew2 = anonymous.as(g.user(2), TestUsers.PASSWORD);
        dispatcher = anonymous.as(TestUsers.DISPATCHER, TestUsers.PASSWORD);
    }

    private static void await(BooleanSupplier condition) {
        Await.until(condition, 30);
    }

    /** A report on T1, triaged and its order offered to K1; returns the report's answer. */
    private ReportAnswer offeredToCrew1() {
        ReportAnswer answer = reports.byCustomer(g.customer(1));
        await(() -> reports.record(answer).status() == ReportStatus.IN_REPAIR);
        await(() -> crewTasks(crew1).size() == 1);
        return answer;
    }

    private String orderOf(ReportAnswer answer) {
        return PublicIds.incident(reports.record(answer).incidentId());
    }

    private List<JsonNode> crewTasks(Http crew) {
        Http.Response response = crew.get("/engine-rest/task");
        assertThat(response.status()).isEqualTo(200);
        return List.of(response.json()).stream()
                .flatMap(n -> {
                    List<JsonNode> all = new ArrayList<>();
                    n.forEach(all::add);
                    return all.stream();
                })
                .toList();
    }

    @Test
    void aCrewReportsItsOwnPositionOnlyAndBadPositionsNameTheField() {
        assertThat(crew1.post(
                                "/api/crews/" + g.crew(1) + "/positions",
                                Map.of("lat", 43.9, "lng", 125.3, "coordSys", "GCJ02"))
                        .status())
                .isEqualTo(202);
        assertThat(crew1.post("/api/crews/" + g.crew(2) + "/positions", Map.of("lat", 43.9, "lng", 125.3))
                        .status())
                .isEqualTo(403);
        assertThat(dispatcher
                        .post("/api/crews/" + g.crew(1) + "/positions", Map.of("lat", 43.9, "lng", 125.3))
                        .status())
                .isEqualTo(403);
        Http.Response badLat = crew1.post("/api/crews/" + g.crew(1) + "/positions", Map.of("lat", 91, "lng", 125.3));
        assertThat(badLat.status()).isEqualTo(400);
        assertThat(badLat.json().path("field").asText()).isEqualTo("lat");
        Http.Response badSystem = crew1.post(
                "/api/crews/" + g.crew(1) + "/positions", Map.of("lat", 43.9, "lng", 125.3, "coordSys", "MARS"));
        assertThat(badSystem.json().path("field").asText()).isEqualTo("coordSys");
        Http.Response future = crew1.post(
                "/api/crews/" + g.crew(1) + "/positions",
                Map.of(
                        "lat",
                        43.9,
                        "lng",
                        125.3,
                        "at",
                        Instant.now().plusSeconds(3600).toString()));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().path("field").asText()).isEqualTo("at");
        assertThat(crew1.post("/api/crews/nobody/positions", Map.of("lat", 1, "lng", 1))
                        .status())
                .isEqualTo(404);

        // a batch collected offline: all or nothing, a bad one named by its index, the latest counts
        Instant earlier = Instant.now().minusSeconds(600);
        Http.Response batch = crew1.post(
                "/api/crews/" + g.crew(1) + "/positions",
                List.of(
                        Map.of("lat", 43.91, "lng", 125.31),
                        Map.of("lat", 43.90, "lng", 125.30, "at", earlier.toString())));
        assertThat(batch.status()).isEqualTo(202);
        assertThat(crewService.crew(g.crew(1)).lastLat()).isEqualTo(43.91);
        Http.Response badOne = crew1.post(
                "/api/crews/" + g.crew(1) + "/positions",
                List.of(Map.of("lat", 43.0, "lng", 125.0), Map.of("lat", 43.0, "lng", 500)));
        assertThat(badOne.status()).isEqualTo(400);
        assertThat(badOne.json().path("field").asText()).isEqualTo("[1].lng");
    }

    @Test
    void shiftsAndStatisticsBelongToTheCrewAndItsDispatchers() {
        assertThat(crew2.put("/api/crews/" + g.crew(2) + "/shift", Map.of("onShift", false))
                        .status())
                .isEqualTo(204);
        assertThat(crew1.put("/api/crews/" + g.crew(2) + "/shift", Map.of("onShift", true))
                        .status())
                .isEqualTo(403);
        assertThat(crew2.put("/api/crews/" + g.crew(2) + "/shift", Map.of())
                        .json()
                        .path("field")
                        .asText())
                .isEqualTo("onShift");
        JsonNode stats = dispatcher.get("/api/crews/" + g.crew(2) + "/stats").json();
        assertThat(stats.path("onShift").asBoolean()).isFalse();
        assertThat(stats.path("orders").asLong()).isZero();
        assertThat(crew2.get("/api/crews/" + g.crew(2) + "/stats").status()).isEqualTo(200);
        assertThat(crew1.get("/api/crews/" + g.crew(2) + "/stats").status()).isEqualTo(403);
        assertThat(crew1.get("/api/crews/me").json().path("crewId").asText()).isEqualTo(g.crew(1));
    }

    @Test
    void theOfferedCrewWorksTheOrderInTasklistAndAnotherCrewCannot() {
        ReportAnswer answer = offeredToCrew1();
        String order = orderOf(answer);
        JsonNode task = crewTasks(crew1).get(0);
        assertThat(task.path("taskDefinitionKey").asText()).isEqualTo("Task_AcceptRepairOrder");
        assertThat(task.path("assignee").asText()).isEqualTo(g.user(1));
        // the task list tells one order from another: what to do, the order number, the device, the model's label
        assertThat(task.path("name").asText()).isEqualTo("接单 " + order + " · 一号台区 · Accept repair order");
        assertThat(crewTasks(crew2)).isEmpty();
        String taskId = task.path("id").asText();

        // Tasklist loads the form and its variables: the order's summary, no personal data
        assertThat(crew1.get("/engine-rest/task/" + taskId + "/deployed-form")
                        .json()
                        .path("id")
                        .asText())
                .isEqualTo("AcceptRepairOrder");
        JsonNode shown =
                crew1.get("/engine-rest/task/" + taskId + "/form-variables").json();
        assertThat(shown.path("orderId").path("value").asText()).isEqualTo(order);
        assertThat(shown.toString()).doesNotContain("13812345678").doesNotContain("人民大街");

        Map<String, Object> accept = Map.of("variables", Map.of("acceptDecision", Map.of("value", "ACCEPT")));
        Http.Response stolen = crew2.post("/engine-rest/task/" + taskId + "/submit-form", accept);
        assertThat(stolen.status()).as(stolen.toString()).isIn(403, 404);
        assertThat(crew1.post("/engine-rest/task/" + taskId + "/submit-form", accept)
                        .status())
                .isEqualTo(204);

        await(() -> crewTasks(crew1).stream()
                .anyMatch(t ->
                        "Task_ConfirmArrival".equals(t.path("taskDefinitionKey").asText())));
        String confirmId = crewTasks(crew1).get(0).path("id").asText();
        Http.Response tooFar =
                crew1.post("/engine-rest/task/" + confirmId + "/submit-form", Map.of("variables", Map.of()));
        assertThat(tooFar.status()).as(tooFar.toString()).isEqualTo(400);
        assertThat(tooFar.json().path("message").asText()).contains("公里").contains("km from the fault");
        assertThat(crewTasks(crew1).get(0).path("id").asText()).isEqualTo(confirmId);

        JsonNode tracking = anonymous
                .get("/api/reports/" + answer.reportId() + "?token=" + answer.trackingToken())
                .json();
        assertThat(tracking.path("incident").path("crew").path("employeeNo").asText())
                .isEqualTo((g.p() + "01").toUpperCase());
        assertThat(tracking.path("timeline").toString()).contains("ACCEPTED");
    }

    @Test
    void theBriefingShowsTheCrewWhatToFixWithPhonesMasked() {
        String order = orderOf(offeredToCrew1());
        JsonNode briefing =
                crew1.get("/api/repair-orders/" + order + "/briefing").json();
        assertThat(briefing.path("orderId").asText()).isEqualTo(order);
        assertThat(briefing.path("deviceName").asText()).isEqualTo("一号台区");
        assertThat(briefing.path("navigationUrl").asText()).startsWith("https://uri.amap.com/navigation?to=");
        assertThat(briefing.path("reports").get(0).path("phone").asText()).isEqualTo("138****5678");
        assertThat(briefing.path("reports").get(0).path("address").asText()).isEqualTo("长春市人民大街1号");
        assertThat(crew2.get("/api/repair-orders/" + order + "/briefing").status())
                .isEqualTo(403);
        assertThat(dispatcher.get("/api/repair-orders/" + order + "/briefing").status())
                .isEqualTo(200);
        // the path from before the repair order had a name of its own still answers, with the same rules
        Http.Response alias = crew1.get("/api/incidents/" + order + "/briefing");
        assertThat(alias.status()).isEqualTo(200);
        assertThat(alias.json().path("orderId").asText()).isEqualTo(order);
        assertThat(crew2.get("/api/incidents/" + order + "/briefing").status()).isEqualTo(403);
    }

    @Test
    void photosAreJpegOrPngUpToFiveMegabytesAndCustomersSeeThem() {
        ReportAnswer answer = offeredToCrew1();
        String order = orderOf(answer);
        String path = "/api/repair-orders/" + order + "/photos";
        Http.Response stored = crew1.upload(path, "file", "site.jpg", "image/jpeg", JPEG, Map.of("caption", "熔断器"));
        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
        long photoId = stored.json().path("id").asLong();
        assertThat(stored.json().path("contentType").asText()).isEqualTo("image/jpeg");

        Http.Response gif = crew1.upload(path, "file", "site.jpg", "image/jpeg", GIF, Map.of());
        assertThat(gif.status()).isEqualTo(415);
        assertThat(gif.json().path("field").asText()).isEqualTo("file");
        byte[] large = Arrays.copyOf(JPEG, 5 * 1024 * 1024 + 1);
        Http.Response tooLarge = crew1.upload(path, "file", "big.jpg", "image/jpeg", large, Map.of());
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().path("field").asText()).isEqualTo("file");
        byte[] huge = Arrays.copyOf(JPEG, 8 * 1024 * 1024);
        Http.Response wayTooLarge = crew1.upload(path, "file", "huge.jpg", "image/jpeg", huge, Map.of());
        assertThat(wayTooLarge.status()).isEqualTo(413);
        assertThat(wayTooLarge.json().path("error").asText()).isEqualTo("TOO_LARGE");
        assertThat(crew2.upload(path, "file", "site.jpg", "image/jpeg", JPEG, Map.of())
                        .status())
                .isEqualTo(403);

        Http.Binary own = crew1.getBytes(path + "/" + photoId);
        assertThat(own.status()).isEqualTo(200);
        // the pixels, upright (the phone held it in portrait), and nothing of the EXIF
        assertThat(new String(own.body(), StandardCharsets.ISO_8859_1))
                .doesNotContain("Exif")
                .doesNotContain("SN-77421")
                .doesNotContain("43.8801N");
        assertThat(TestPhotos.decode(own.body()).getWidth()).isEqualTo(48);
        assertThat(stored.json().path("sizeBytes").asLong()).isEqualTo(own.body().length);
        // a file name is never stored nor repeated, whatever it says; a caption is text a person typed
        Http.Response named = crew1.upload(path, "file", "../../../../etc/passwd", "image/jpeg", JPEG, Map.of());
        assertThat(named.status()).as(named.toString()).isEqualTo(201);
        assertThat(named.body()).doesNotContain("passwd").doesNotContain("..");
        Http.Response nul = crew1.upload(path, "file", "site.jpg", "image/jpeg", JPEG, Map.of("caption", "熔断\u0000器"));
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.json().path("field").asText()).isEqualTo("caption");
        Http.Response fake = crew1.upload(path, "file", "site.jpg", "image/jpeg", Arrays.copyOf(JPEG, 200), Map.of());
        assertThat(fake.status()).isEqualTo(415);
        assertThat(fake.json().path("message").asText()).isEqualTo("file could not be read as a JPEG photo");

        JsonNode tracking = anonymous
                .get("/api/reports/" + answer.reportId() + "?token=" + answer.trackingToken())
                .json();
        String link = tracking.path("incident").path("photos").get(0).asText();
        Http.Binary forCustomer = anonymous.getBytes(link);
        assertThat(forCustomer.status()).isEqualTo(200);
        assertThat(forCustomer.contentType()).isEqualTo("image/jpeg");
        assertThat(anonymous
                        .getBytes("/api/reports/" + answer.reportId() + "/photos/" + photoId + "?token=wrong")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void notesNeedTextAndTheEtrChangesOnlyWhileTheRepairRuns() {
        String order = orderOf(offeredToCrew1());
        Http.Response empty = crew1.post("/api/repair-orders/" + order + "/notes", Map.of("text", " "));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().path("field").asText()).isEqualTo("text");
        Http.Response note = crew1.post("/api/repair-orders/" + order + "/notes", Map.of("text", "需要登高车"));
        assertThat(note.status()).isEqualTo(201);
        assertThat(note.json().path("author").asText()).isEqualTo(g.user(1));

        Http.Response notYet = crew1.post(
                "/api/repair-orders/" + order + "/etr",
                Map.of("etr", Instant.now().plusSeconds(7200).toString()));
        assertThat(notYet.status()).isEqualTo(409);
        Http.Response garbage = crew1.post("/api/repair-orders/" + order + "/etr", Map.of("etr", "soon"));
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.json().path("field").asText()).isEqualTo("etr");
    }
}
