package org.gridmend.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gridmend.core.PublicIds;
import org.gridmend.core.StaffGroups;
import org.gridmend.report.ReportAnswer;
import org.gridmend.report.ReportStatus;
import org.gridmend.security.StaffIdentitySetup;
import org.gridmend.support.Await;
import org.gridmend.support.GridMendTest;
import org.gridmend.support.Http;
import org.gridmend.support.LearningFixture;
import org.gridmend.support.RepairFixture;
import org.gridmend.support.ReportFixture;
import org.gridmend.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Learning through HTTP, as the pages and Tasklist use it: admins import courses (bad ones refused naming the field),
 * a crew studies on /learn and sits the exam through Camunda's REST API, which scores on the server and refuses
 * answers that are not options; and dispatch sends only crews whose certification of the job's skill has not expired.
 */
@GridMendTest
class LearningApiTest {

    @LocalServerPort
    int port;

    @Autowired
    RepairFixture repairs;

    @Autowired
    ReportFixture reports;

    @Autowired
    LearningFixture courses;

    @Autowired
    StaffIdentitySetup staff;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    RepairFixture.Grid g;
    Http anonymous;
    Http admin;
    Http dispatcher;

    @BeforeEach
    void setUp() {
        TestUsers.create(staff);
        courses.importCourse();
        g = repairs.newGrid().placeCrews();
        for (int k = 1; k <= 4; k++) {
            staff.user(g.user(k), "Crew", "K" + k, TestUsers.PASSWORD, StaffGroups.CREWS);
        }
        anonymous = Http.anonymous(port);
        admin = anonymous.as(TestUsers.ADMIN, TestUsers.PASSWORD);
        dispatcher = anonymous.as(TestUsers.DISPATCHER, TestUsers.PASSWORD);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> course() {
        return json.convertValue(LearningFixture.document().courses().get(0), Map.class);
    }

    private Http.Response importing(Map<String, Object> course) {
        return admin.post("/api/learning/courses", Map.of("courses", List.of(course)));
    }

    @Test
    void adminsImportCoursesAndABadOneIsRefusedNamingTheField() {
        Http.Response ok = importing(course());
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.json().path("lessons").asInt()).isEqualTo(2);
        assertThat(ok.json().path("questions").asInt()).isEqualTo(4);

        Map<String, Object> tooLong = course();
        ((List<Map<String, Object>>) tooLong.get("lessons")).get(1).put("minutes", 30);
        assertThat(importing(tooLong).json().path("field").asText()).isEqualTo("courses[0].lessons[1].minutes");
        Map<String, Object> wrongKey = course();
        ((List<Map<String, Object>>) wrongKey.get("questions")).get(2).put("correct", List.of("Z"));
        Http.Response refused = importing(wrongKey);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("field").asText()).isEqualTo("courses[0].questions[2].correct");
        Map<String, Object> twoRight = course();
        ((List<Map<String, Object>>) twoRight.get("questions")).get(0).put("correct", List.of("A", "B"));
        assertThat(importing(twoRight).json().path("field").asText()).isEqualTo("courses[0].questions[0].correct");
        Map<String, Object> tooFew = course();
        tooFew.put("questionsPerExam", 5);
        assertThat(importing(tooFew).json().path("field").asText()).isEqualTo("courses[0].questions");
        Map<String, Object> otherId = course();
        otherId.put("id", "OTHER-LV");
        Http.Response taken = importing(otherId);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().path("field").asText()).isEqualTo("courses[0].skill");
        assertThat(admin.post("/api/learning/courses", Map.of())
                        .json()
                        .path("field")
                        .asText())
                .isEqualTo("courses");

        assertThat(dispatcher
                        .post("/api/learning/courses", Map.of("courses", List.of(course())))
                        .status())
                .isEqualTo(403);
        // crews read the lessons, never the right answers
        JsonNode listed = anonymous
                .as(g.user(1), TestUsers.PASSWORD)
                .get("/api/learning/courses")
                .json();
        assertThat(listed.toString()).contains(LearningFixture.COURSE).doesNotContain("correct");
    }

    @Test
    void aCrewStudiesOnItsPhoneSitsTheExamInTasklistAndIsCertified() {
        Http crew = anonymous.as(g.user(1), TestUsers.PASSWORD);
        Http.Response assigned = admin.post("/api/learning/assignments", Map.of("crewId", g.crew(1), "skill", "LV"));
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(201);
        assertThat(admin.post("/api/learning/assignments", Map.of("crewId", g.crew(1), "skill", "LV"))
                        .json()
                        .path("error")
                        .asText())
                .isEqualTo("ALREADY_LEARNING");
        assertThat(admin.post("/api/learning/assignments", Map.of("crewId", g.crew(1), "skill", "HV"))
                        .json()
                        .path("field")
                        .asText())
                .isEqualTo("skill");
        assertThat(crew.post("/api/learning/assignments", Map.of("crewId", g.crew(1), "skill", "LV"))
                        .status())
                .isEqualTo(403);

        JsonNode me = crew.get("/api/learning/me").json();
        JsonNode learning = me.path("learnings").get(0);
        String id = learning.path("learningId").asText();
        assertThat(learning.path("taskName").asText()).isEqualTo("Task_StudyLessons");
        assertThat(learning.path("lessons")).hasSize(2);

        String time = "/api/learning/" + id + "/lessons/L1/time";
        assertThat(crew.post(time, Map.of("seconds", 45)).status()).isEqualTo(204);
        assertThat(crew.post(time, Map.of("seconds", 20)).status()).isEqualTo(204);
        assertThat(crew.post(time, Map.of("seconds", 0)).json().path("field").asText())
                .isEqualTo("seconds");
        assertThat(crew.post(time, Map.of("seconds", 3600)).json().path("field").asText())
                .isEqualTo("seconds");
        assertThat(crew.post("/api/learning/" + id + "/lessons/L9/time", Map.of("seconds", 5))
                        .status())
                .isEqualTo(404);
        Http other = anonymous.as(g.user(2), TestUsers.PASSWORD);
        assertThat(other.post(time, Map.of("seconds", 5)).status())
                .as("another crew's learning")
                .isEqualTo(404);
        assertThat(other.post("/api/learning/" + id + "/studied", null).status())
                .isEqualTo(404);
        assertThat(crew.get("/api/learning/me")
                        .json()
                        .path("learnings")
                        .get(0)
                        .path("lessons")
                        .get(0)
                        .path("secondsStudied")
                        .asInt())
                .isEqualTo(65);

        assertThat(crew.post("/api/learning/" + id + "/studied", null).status()).isEqualTo(204);
        assertThat(crew.post("/api/learning/" + id + "/studied", null)
                        .json()
                        .path("error")
                        .asText())
                .isEqualTo("NOT_STUDYING");
        JsonNode atExam = crew.get("/api/learning/me").json().path("learnings").get(0);
        assertThat(atExam.path("taskName").asText()).isEqualTo("Task_TakeExam");
        String taskId = atExam.path("taskId").asText();

        // Tasklist reads the drawn questions, and submits what the crew chose
        JsonNode shown = crew.get("/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false")
                .json();
        Map<String, Object> right = new HashMap<>();
        for (int slot = 1; slot <= 10; slot++) {
            String kind = shown.path("q" + slot + "Kind").path("value").asText(null);
            if ("single".equals(kind)) {
                right.put("a" + slot, Map.of("value", "A"));
            } else if ("multiple".equals(kind)) {
                right.put("a" + slot + "m", Map.of("value", "[\"A\",\"B\"]", "type", "Json"));
            }
        }
        assertThat(right).hasSize(3);
        String submit = "/engine-rest/task/" + taskId + "/submit-form";
        Map<String, Object> tampered = new HashMap<>(right);
        String first = right.keySet().iterator().next();
        tampered.put(
                first, first.endsWith("m") ? Map.of("value", "[\"A\",\"Z\"]", "type", "Json") : Map.of("value", "Z"));
        Http.Response notAnOption = crew.post(submit, Map.of("variables", tampered));
        assertThat(notAnOption.status()).as(notAnOption.toString()).isEqualTo(400);
        assertThat(notAnOption.json().path("message").asText()).contains("not one of its options");
        Map<String, Object> forged = new HashMap<>(right);
        forged.put("examPassed", Map.of("value", true));
        assertThat(crew.post(submit, Map.of("variables", forged)).status()).isEqualTo(400);
        assertThat(other.post(submit, Map.of("variables", right)).status()).isIn(403, 404);

        assertThat(crew.post(submit, Map.of("variables", right)).status()).isEqualTo(204);
        JsonNode done = crew.get("/api/learning/me").json();
        assertThat(done.path("learnings").get(0).path("state").asText()).isEqualTo("CERTIFIED");
        assertThat(done.path("learnings")
                        .get(0)
                        .path("exams")
                        .get(0)
                        .path("score")
                        .asInt())
                .isEqualTo(100);
        JsonNode lv = done.path("certifications").get(0);
        assertThat(lv.path("skill").asText()).isEqualTo("LV");
        assertThat(lv.path("source").asText()).isEqualTo("EXAM");
        assertThat(dispatcher
                        .get("/api/learning/crews/" + g.crew(1))
                        .json()
                        .path("certifications")
                        .toString())
                .contains("EXAM");
        assertThat(other.get("/api/learning/crews/" + g.crew(1)).status()).isEqualTo(403);
    }

    @Test
    void dispatchNeverOffersAJobToACrewWhoseCertificationOfItsSkillExpired() {
        // K1 stands nearest, but its low-voltage certification ended yesterday: K2 gets the order
        jdbc.update(
                "UPDATE gm_crew_certification SET expires_at = ? WHERE crew_id = ?",
                Instant.now().minusSeconds(86_400),
                g.crew(1));
        ReportAnswer answer = reports.byCustomer(g.customer(1));
        Await.until(() -> reports.record(answer).status() == ReportStatus.IN_REPAIR, 30);
        String order = PublicIds.incident(reports.record(answer).incidentId());
        Await.until(
                () -> dispatcher
                                .get("/api/repair-orders/" + order + "/briefing")
                                .json()
                                .path("dispatchAttempts")
                                .size()
                        > 0,
                30);
        JsonNode offer = dispatcher
                .get("/api/repair-orders/" + order + "/briefing")
                .json()
                .path("dispatchAttempts")
                .get(0);
        assertThat(offer.path("crewId").asText()).isEqualTo(g.crew(2));
        assertThat(offer.path("candidates").asText()).doesNotContain(g.crew(1) + "(");
    }
}
