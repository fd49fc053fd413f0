package org.gridmend.repair;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.task.Task;
import org.gridmend.core.PublicIds;
import org.gridmend.core.StaffGroups;
import org.gridmend.report.ReportAnswer;
import org.gridmend.security.StaffIdentitySetup;
import org.gridmend.support.Await;
import org.gridmend.support.GridMendTest;
import org.gridmend.support.Http;
import org.gridmend.support.RepairFixture;
import org.gridmend.support.ReportFixture;
import org.gridmend.support.TestPhotos;
import org.gridmend.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A customer and the crew of their repair order reach each other without learning each other's number: from when
 * the crew accepts until power is back, each customer has a thread of their own with the crew, which no other
 * customer and no other crew can read; numbers typed into a message are masked.
 */
@GridMendTest
class OrderMessagesApiTest {

    @LocalServerPort
    int port;

    @Autowired
    RepairFixture repairs;

    @Autowired
    ReportFixture reports;

    @Autowired
    StaffIdentitySetup staff;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCustomerAndTheCrewWriteFromAcceptanceUntilPowerIsBackEachThreadItsOwn() {
        TestUsers.create(staff);
        RepairFixture.Grid g = repairs.newGrid().placeCrews();
        for (int k = 1; k <= 4; k++) {
            staff.user(g.user(k), "Crew", "K" + k, TestUsers.PASSWORD, StaffGroups.CREWS);
        }
        Http anonymous = Http.anonymous(port);
        ReportAnswer first = reports.byCustomer(g.customer(1));
        Await.until(() -> reports.record(first).incidentId() != null, 30);
        ReportAnswer second = reports.byCustomer(g.customer(2));
        // the neighbour joins the same order (triage may move both up the feeder as evidence comes in)
        Await.until(
                () -> reports.record(second).incidentId() != null
                        && reports.record(second)
                                .incidentId()
                                .equals(reports.record(first).incidentId()),
                30);
        long incidentId = reports.record(first).incidentId();
        String order = PublicIds.incident(incidentId);
        String process = repairs.order(incidentId).getId();
        Task offer = repairs.awaitTask(process, "Task_AcceptRepairOrder");
        String crewUser = offer.getAssignee();
        Http crew = anonymous.as(crewUser, TestUsers.PASSWORD);
        String otherUser = crewUser.equals(g.user(1)) ? g.user(2) : g.user(1);
        Http otherCrew = anonymous.as(otherUser, TestUsers.PASSWORD);
        String firstThread = "/api/reports/" + first.reportId() + "/messages?token=" + first.trackingToken();
        String secondThread = "/api/reports/" + second.reportId() + "/messages?token=" + second.trackingToken();

        // before a crew accepted, nobody is there to read it
        assertThat(anonymous.get(firstThread).json().path("open").asBoolean()).isFalse();
        Http.Response early = anonymous.post(firstThread, Map.of("text", "门口有狗"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().path("error").asText()).isEqualTo("NOT_WHILE_UNACCEPTED");

        repairs.completeAs(crewUser, "crews", offer, Map.of("acceptDecision", "ACCEPT"));
        assertThat(anonymous.get(firstThread).json().path("open").asBoolean()).isTrue();
        Http.Response sent = anonymous.post(firstThread, Map.of("text", "门口有狗，电表箱在地下室，到了打 13812345678"));
        assertThat(sent.status()).isEqualTo(201);
        assertThat(sent.json().path("text").asText()).startsWith("门口有狗，电表箱在地下室").doesNotContain("13812345678");
        assertThat(anonymous
                        .get("/api/reports/" + first.reportId() + "?token=" + first.trackingToken())
                        .json()
                        .path("actions")
                        .path("message")
                        .asBoolean())
                .isTrue();

        // the crew's phone is told a customer wrote, not what: the text stays on the crew page
        Http dispatcher = anonymous.as(TestUsers.DISPATCHER, TestUsers.PASSWORD);
        JsonNode told = dispatcher.get("/api/notifications?incidentId=" + order).json();
        List<JsonNode> toCrew = new ArrayList<>();
        told.forEach(n -> {
            if ("ORDER_MESSAGE".equals(n.path("eventType").asText())) {
                toCrew.add(n);
            }
        });
        assertThat(toCrew).as(told.toString()).hasSize(1);
        assertThat(toCrew.get(0).path("phone").asText()).doesNotContain("1300000000");
        String text = jdbc.queryForObject(
                "SELECT text FROM gm_notification WHERE incident_id = ? AND event_type = 'ORDER_MESSAGE'",
                String.class,
                incidentId);
        assertThat(text).contains(order).contains("留言").doesNotContain("门口有狗");

        // the crew reads it and answers that customer, and only on its own order
        JsonNode onOrder = crew.get("/api/repair-orders/" + order + "/messages").json();
        assertThat(onOrder).hasSize(1);
        assertThat(onOrder.get(0).path("reportId").asText()).isEqualTo(first.reportId());
        assertThat(onOrder.get(0).path("fromCustomer").asBoolean()).isTrue();
        assertThat(crew.get("/api/repair-orders/" + order + "/briefing")
                        .json()
                        .path("messages")
                        .size())
                .isEqualTo(1);
        Http.Response answer = crew.post(
                "/api/repair-orders/" + order + "/messages",
                Map.of("reportId", first.reportId(), "text", "好的，十分钟到，请把狗拴好"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json().path("author").asText()).isEqualTo(crewUser);
        Http.Response stranger =
                crew.post("/api/repair-orders/" + order + "/messages", Map.of("reportId", "B-99999999", "text", "你好"));
        assertThat(stranger.status()).isEqualTo(400);
        assertThat(stranger.json().path("field").asText()).isEqualTo("reportId");
        assertThat(otherCrew.get("/api/repair-orders/" + order + "/messages").status())
                .isEqualTo(403);
        assertThat(otherCrew
                        .post(
                                "/api/repair-orders/" + order + "/messages",
                                Map.of("reportId", first.reportId(), "text", "x"))
                        .status())
                .isEqualTo(403);
        Http.Response empty = anonymous.post(firstThread, Map.of("text", " "));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().path("field").asText()).isEqualTo("text");
        assertThat(anonymous
                        .post(firstThread, Map.of("text", "长".repeat(501)))
                        .json()
                        .path("field")
                        .asText())
                .isEqualTo("text");

        // the customer sees the answer, in the thread and on the timeline; the neighbour sees neither
        JsonNode thread = anonymous.get(firstThread).json().path("messages");
        assertThat(thread).hasSize(2);
        assertThat(thread.get(1).path("fromCustomer").asBoolean()).isFalse();
        assertThat(thread.get(1).has("author"))
                .as("no staff user id for customers")
                .isFalse();
        assertThat(anonymous
                        .get("/api/reports/" + first.reportId() + "?token=" + first.trackingToken())
                        .json()
                        .path("timeline")
                        .findValuesAsText("type"))
                .contains("MESSAGE_TO_CREW", "MESSAGE_FROM_CREW");
        assertThat(anonymous.get(secondThread).json().path("messages")).isEmpty();
        assertThat(anonymous
                        .get("/api/reports/" + second.reportId() + "?token=" + second.trackingToken())
                        .json()
                        .path("timeline")
                        .findValuesAsText("type"))
                .doesNotContain("MESSAGE_TO_CREW", "MESSAGE_FROM_CREW");
        assertThat(anonymous
                        .get("/api/reports/" + first.reportId() + "/messages?token=wrong")
                        .status())
                .isEqualTo(404);

        // a photo of where the meter box is: stored without its metadata, seen by this customer and the crew only
        byte[] jpeg = TestPhotos.withExif(TestPhotos.jpeg(64, 48), 1, "GPS 43.8801N 125.3502E phone SN-1");
        Http.Response photo =
                anonymous.upload(firstThread, "file", "box.jpg", "image/jpeg", jpeg, Map.of("text", "电表箱在这里"));
        assertThat(photo.status()).as(photo.toString()).isEqualTo(201);
        long photoId = photo.json().path("photoId").asLong();
        assertThat(photoId).isPositive();
        String firstPhoto =
                "/api/reports/" + first.reportId() + "/photos/" + photoId + "?token=" + first.trackingToken();
        Http.Binary mine = anonymous.getBytes(firstPhoto);
        assertThat(mine.status()).isEqualTo(200);
        assertThat(new String(mine.body(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("SN-1");
        assertThat(anonymous
                        .getBytes("/api/reports/" + second.reportId() + "/photos/" + photoId + "?token="
                                + second.trackingToken())
                        .status())
                .as("the neighbour on the same order does not see it")
                .isEqualTo(404);
        assertThat(anonymous
                        .get("/api/reports/" + second.reportId() + "?token=" + second.trackingToken())
                        .json()
                        .path("incident")
                        .path("photos")
                        .toString())
                .doesNotContain("/" + photoId);
        assertThat(crew.getBytes("/api/repair-orders/" + order + "/photos/" + photoId)
                        .status())
                .isEqualTo(200);
        assertThat(anonymous
                        .upload(firstThread, "file", "x.gif", "image/gif", "GIF89a....".getBytes(), Map.of())
                        .status())
                .isEqualTo(415);
        assertThat(anonymous
                        .upload(
                                firstThread,
                                "file",
                                "big.jpg",
                                "image/jpeg",
                                java.util.Arrays.copyOf(jpeg, 5 * 1024 * 1024 + 1),
                                Map.of())
                        .status())
                .isEqualTo(413);
        assertThat(anonymous
                        .upload(
                                secondThread.replace(second.trackingToken(), "wrong"),
                                "file",
                                "box.jpg",
                                "image/jpeg",
                                jpeg,
                                Map.of())
                        .status())
                .isEqualTo(404);
        // at most five photos per customer and order
        for (int i = 2; i <= 5; i++) {
            assertThat(anonymous
                            .upload(firstThread, "file", "box.jpg", "image/jpeg", jpeg, Map.of())
                            .status())
                    .isEqualTo(201);
        }
        Http.Response sixth = anonymous.upload(firstThread, "file", "box.jpg", "image/jpeg", jpeg, Map.of());
        assertThat(sixth.status()).isEqualTo(409);
        assertThat(sixth.json().path("error").asText()).isEqualTo("TOO_MANY_PHOTOS");
        // the photo message is in the thread the crew reads, after the crew's answer
        assertThat(crew.get("/api/repair-orders/" + order + "/messages")
                        .json()
                        .get(2)
                        .path("photoId")
                        .asLong())
                .isEqualTo(photoId);

        // power back: the thread stays readable, and closed
        repairs.workToRestoration(g, crewUser, process);
        Http.Response late = anonymous.post(firstThread, Map.of("text", "谢谢"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().path("error").asText()).isEqualTo("NOT_WHILE_ENDED");
        assertThat(anonymous.get(firstThread).json().path("messages")).hasSize(7);
        assertThat(anonymous
                        .upload(firstThread, "file", "box.jpg", "image/jpeg", jpeg, Map.of())
                        .status())
                .isEqualTo(409);
        assertThat(crew.post(
                                "/api/repair-orders/" + order + "/messages",
                                Map.of("reportId", first.reportId(), "text", "不客气"))
                        .status())
                .isEqualTo(409);
    }
}
