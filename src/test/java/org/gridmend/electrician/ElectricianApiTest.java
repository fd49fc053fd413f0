package org.gridmend.electrician;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridmend.security.StaffIdentitySetup;
import org.gridmend.support.Await;
import org.gridmend.support.ElectricianFixture;
import org.gridmend.support.GridMendTest;
import org.gridmend.support.Http;
import org.gridmend.support.ReportFixture;
import org.gridmend.support.TestCustomers;
import org.gridmend.support.TestPhotos;
import org.gridmend.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Social electricians through HTTP, as the pages and Tasklist use them: an application from a phone verified by SMS
 * (refused by field without), the public look-up without phones, a customer's request followed with its token, and
 * the electrician working the job through {@code /engine-rest} and /api/electrician-jobs, seeing only their own jobs
 * and the customer's phone only once accepted.
 */
@GridMendTest
class ElectricianApiTest {

    @LocalServerPort
    int port;

    @Autowired
    StaffIdentitySetup staff;

    @Autowired
    ElectricianFixture electricians;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReportFixture reports;

    Http anonymous;
    double lat;
    double lng;

    @BeforeEach
    void setUp() {
        TestUsers.create(staff);
        anonymous = Http.anonymous(port);
        lat = 22 + ThreadLocalRandom.current().nextDouble(25);
        lng = 80 + ThreadLocalRandom.current().nextDouble(45);
    }

    private static String newPhone() {
        return "135" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private Http customer(String phone) {
        return TestCustomers.signIn(anonymous, jdbc, phone);
    }

    private Map<String, Object> application() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "钱多多");
        body.put("certificateNo", "T" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999));
        body.put("certificateType", "LOW_VOLTAGE");
        body.put("certificateExpires", LocalDate.now().plusYears(2).toString());
        body.put("skills", List.of("HOUSE_WIRING", "METER_BOX_BREAKER"));
        body.put("serviceArea", Map.of("lat", lat, "lng", lng, "radiusKm", 10));
        body.put("workingHours", Map.of("from", "08:00", "to", "20:00"));
        return body;
    }

    @Test
    void anApplicationNeedsAVerifiedPhoneAndNamesEveryBadField() {
        assertThat(anonymous
                        .post("/api/electricians/applications", application())
                        .status())
                .isEqualTo(401);
        Http applicant = customer(newPhone());
        Map<String, Object> bad = application();
        bad.put("skills", List.of("HOUSE_WIRING", "ROOFING"));
        Http.Response refused = applicant.post("/api/electricians/applications", bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("field").asText()).isEqualTo("skills[1]");
        bad = application();
        bad.put("workingHours", Map.of("from", "8 am", "to", "20:00"));
        assertThat(applicant
                        .post("/api/electricians/applications", bad)
                        .json()
                        .path("field")
                        .asText())
                .isEqualTo("workingHours.from");
        bad = application();
        bad.put("certificateExpires", "30/06/2028");
        assertThat(applicant
                        .post("/api/electricians/applications", bad)
                        .json()
                        .path("field")
                        .asText())
                .isEqualTo("certificateExpires");
        bad = application();
        bad.put("serviceArea", Map.of("lat", lat, "lng", lng, "radiusKm", 500));
        assertThat(applicant
                        .post("/api/electricians/applications", bad)
                        .json()
                        .path("field")
                        .asText())
                .isEqualTo("serviceArea.radiusKm");

        Http.Response applied = applicant.post("/api/electricians/applications", application());
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        assertThat(applied.json().path("id").asText()).startsWith("EL");
        Http.Response twice = applicant.post("/api/electricians/applications", application());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().path("error").asText()).isEqualTo("ALREADY_REGISTERED");
        // the dispatcher reviews it in Tasklist
        Http dispatcher = anonymous.as(TestUsers.DISPATCHER, TestUsers.PASSWORD);
        JsonNode tasks = dispatcher
                .get("/engine-rest/task?taskDefinitionKey=Task_ReviewElectricianApplication"
                        + "&processInstanceBusinessKey="
                        + applied.json().path("id").asText())
                .json();
        assertThat(tasks).hasSize(1);
    }

    @Test
    void theLookUpIsPublicAndNeverShowsAPhone() {
        ElectricianFixture.Electrician e =
                electricians.approved("孙悟净", lat + 0.01, lng, 10, ServiceSkill.EV_CHARGER, ServiceSkill.APPLIANCES);
        Http.Response found =
                anonymous.get("/api/electricians/nearby?lat=" + lat + "&lng=" + lng + "&skill=EV_CHARGER");
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json()).hasSize(1);
        assertThat(found.json().get(0).path("name").asText()).isEqualTo("孙**");
        assertThat(found.body()).doesNotContain(e.phone().substring(3)).doesNotContain("phone");
        assertThat(anonymous
                        .get("/api/electricians/nearby?lat=91&lng=" + lng)
                        .json()
                        .path("field")
                        .asText())
                .isEqualTo("lat");
        assertThat(anonymous
                        .get("/api/electricians/nearby?lat=" + lat + "&lng=" + lng + "&skill=X")
                        .json()
                        .path("field")
                        .asText())
                .isEqualTo("skill");
    }

    @Test
    void aRequestedJobIsWorkedInTasklistAndFollowedByTheCustomer() {
        ElectricianFixture.Electrician mine =
                electricians.approved("周师傅", lat + 0.01, lng, 10, ServiceSkill.HOUSE_WIRING);
        ElectricianFixture.Electrician other =
                electricians.approved("吴师傅", lat + 0.5, lng, 1, ServiceSkill.HOUSE_WIRING);
        String phone = newPhone();
        Http customer = customer(phone);
        Map<String, Object> request = new HashMap<>();
        request.put("requestId", UUID.randomUUID().toString());
        request.put("kind", "ELECTRICIAN");
        request.put("skill", "HOUSE_WIRING");
        request.put("location", Map.of("lat", lat, "lng", lng));
        request.put("address", "和平街 12 号");
        request.put("preferredWindow", "SOON");
        assertThat(customer.post("/api/service-requests", request)
                        .json()
                        .path("field")
                        .asText())
                .isEqualTo("preferredWindow");
        request.put("preferredWindow", "TODAY");
        assertThat(anonymous.post("/api/service-requests", request).status()).isEqualTo(401);
        Http.Response created = customer.post("/api/service-requests", request);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asText();
        String token = created.json().path("token").asText();
        assertThat(customer.post("/api/service-requests", request)
                        .json()
                        .path("id")
                        .asText())
                .as("the same requestId is the same job")
                .isEqualTo(id);
        assertThat(anonymous.get("/api/service-requests/" + id).status()).isEqualTo(404);
        assertThat(anonymous.get("/api/service-requests/" + id + "?token=wrong").status())
                .isEqualTo(404);
        assertThat(anonymous
                        .get("/api/service-requests/" + id + "?token=" + token)
                        .status())
                .isEqualTo(200);
        assertThat(customer.get("/api/service-requests")
                        .json()
                        .get(0)
                        .path("id")
                        .asText())
                .isEqualTo(id);

        Http electrician = anonymous.as(mine.userId(), ElectricianFixture.PASSWORD);
        Http otherElectrician = anonymous.as(other.userId(), ElectricianFixture.PASSWORD);
        Await.until(
                () -> electrician
                                .get("/engine-rest/task?processInstanceBusinessKey=" + id)
                                .json()
                                .size()
                        == 1,
                30);
        assertThat(otherElectrician
                        .get("/engine-rest/task?processInstanceBusinessKey=" + id)
                        .json())
                .isEmpty();
        assertThat(otherElectrician.get("/api/electrician-jobs/" + id).status()).isEqualTo(404);
        // before accepting: the address masked, no phone
        JsonNode offered = electrician.get("/api/electrician-jobs/" + id).json();
        assertThat(offered.path("customerPhone").isNull()).isTrue();
        assertThat(offered.path("address").asText()).doesNotContain("12 号");

        String task = electrician
                .get("/engine-rest/task?processInstanceBusinessKey=" + id)
                .json()
                .get(0)
                .path("id")
                .asText();
        // a variable that is not a field of the form is refused
        assertThat(submit(electrician, task, Map.of("jobDecision", "ACCEPT", "visitFee", 60, "electricianFound", true))
                        .status())
                .isEqualTo(400);
        assertThat(submit(electrician, task, Map.of("jobDecision", "ACCEPT", "visitFee", 60))
                        .status())
                .isEqualTo(204);
        JsonNode accepted = electrician.get("/api/electrician-jobs/" + id).json();
        assertThat(accepted.path("customerPhone").asText()).isEqualTo(phone);
        assertThat(accepted.path("address").asText()).contains("12 号");
        assertThat(otherElectrician
                        .get("/api/electrician-jobs/" + id + "/messages")
                        .status())
                .isEqualTo(404);

        // messages both ways, the customer's by SMS to the electrician
        assertThat(customer.post("/api/service-requests/" + id + "/messages", Map.of("text", "门铃坏了，请敲门"))
                        .status())
                .isEqualTo(201);
        assertThat(electrician.get("/api/electrician-jobs/" + id + "/messages").body())
                .contains("请敲门");
        assertThat(electrician
                        .post("/api/electrician-jobs/" + id + "/messages", Map.of("text", "十分钟到"))
                        .status())
                .isEqualTo(201);

        task = nextTask(electrician, id);
        assertThat(submit(electrician, task, Map.of("arrivedOnSite", true)).status())
                .isEqualTo(204);
        assertThat(electrician
                        .upload(
                                "/api/electrician-jobs/" + id + "/photos",
                                "file",
                                "a.jpg",
                                "image/jpeg",
                                TestPhotos.jpeg(40, 30),
                                Map.of())
                        .status())
                .isEqualTo(201);
        assertThat(otherElectrician
                        .upload(
                                "/api/electrician-jobs/" + id + "/photos",
                                "file",
                                "a.jpg",
                                "image/jpeg",
                                TestPhotos.jpeg(40, 30),
                                Map.of())
                        .status())
                .isEqualTo(404);
        task = nextTask(electrician, id);
        assertThat(submit(electrician, task, Map.of("jobCause", "WIRING_FAULT", "partsFee", 35, "labourFee", 100))
                        .status())
                .isEqualTo(204);
        Http.Response answered =
                anonymous.post("/api/service-requests/" + id + "/quote-answer?token=" + token, Map.of("accept", true));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(anonymous
                        .post("/api/service-requests/" + id + "/quote-answer?token=" + token, Map.of("accept", true))
                        .status())
                .isEqualTo(409);
        task = nextTask(electrician, id);
        assertThat(submit(electrician, task, Map.of("amountCharged", 195)).status())
                .isEqualTo(204);
        JsonNode view =
                anonymous.get("/api/service-requests/" + id + "?token=" + token).json();
        assertThat(view.path("photos")).hasSize(1);
        assertThat(anonymous
                        .getBytes(view.path("photos").get(0).path("url").asText() + "?token=" + token)
                        .status())
                .isEqualTo(200);
        assertThat(anonymous
                        .post("/api/service-requests/" + id + "/confirmation?token=" + token, Map.of("rating", 0))
                        .json()
                        .path("field")
                        .asText())
                .isEqualTo("rating");
        JsonNode done = anonymous
                .post(
                        "/api/service-requests/" + id + "/confirmation?token=" + token,
                        Map.of("rating", 4, "comment", "准时"))
                .json();
        assertThat(done.path("status").asText()).isEqualTo("CLOSED");
        assertThat(done.path("stages").get(6).path("at").isNull()).isFalse();
        assertThat(jdbc.queryForObject("SELECT rating_sum FROM gm_electrician WHERE id = ?", Integer.class, mine.id()))
                .isEqualTo(4);
        // the closed job no longer shows the customer's phone to the electrician
        assertThat(electrician
                        .get("/api/electrician-jobs/" + id)
                        .json()
                        .path("customerPhone")
                        .isNull())
                .isTrue();

        // auditors trace every step: GridMend's events, the customer's timeline and the process's history
        Http auditor = anonymous.as(TestUsers.AUDITOR, TestUsers.PASSWORD);
        JsonNode trace = auditor.get("/api/audit/jobs/" + id + "/trace").json();
        List<String> types = new java.util.ArrayList<>();
        trace.path("entries").forEach(e -> types.add(e.path("type").asText()));
        assertThat(types)
                .contains(
                        "JOB_REQUESTED",
                        "JOB_OFFERED",
                        "JOB_ACCEPTED",
                        "JOB_QUOTED",
                        "QUOTE_ACCEPTED",
                        "JOB_COMPLETED",
                        "JOB_CONFIRMED",
                        "JOB_CLOSED");
        assertThat(trace.path("processes").get(0).path("definitionKey").asText())
                .isEqualTo("ElectricianJob");
        assertThat(trace.toString()).contains(mine.userId());
        assertThat(auditor.get("/api/audit/electricians/EL99999/trace").status())
                .isEqualTo(404);
        assertThat(anonymous
                        .as(TestUsers.DISPATCHER, TestUsers.PASSWORD)
                        .get("/api/audit/jobs/" + id + "/trace")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aBehindTheMeterReportIsServedByARatedElectricianWorkingThroughEngineRest() {
        ReportFixture.Grid grid = reports.newGrid();
        String customerNo = grid.customer(2);
        double[] home = jdbc.queryForObject(
                "SELECT lat, lng FROM gm_customer WHERE customer_no = ?",
                (rs, i) -> new double[] {rs.getDouble(1), rs.getDouble(2)},
                customerNo);
        ElectricianFixture.Electrician e =
                electricians.approved("郑师傅", home[0] + 0.01, home[1], 10, ServiceSkill.HOUSE_WIRING);
        Map<String, Object> report = new HashMap<>();
        report.put("requestId", UUID.randomUUID().toString());
        report.put("channel", "APP");
        report.put("customerNo", customerNo);
        report.put("phone", "13512340000");
        report.put("description", "只有我家没电，邻居都有电");
        report.put("onlyMyHome", true);
        JsonNode answer = anonymous.post("/api/reports", report).json();
        String reportUrl = "/api/reports/" + answer.path("reportId").asText() + "?token="
                + answer.path("trackingToken").asText();
        Await.until(
                () -> anonymous
                        .get(reportUrl)
                        .json()
                        .path("actions")
                        .path("chooseElectrician")
                        .asBoolean(),
                30);
        String choice = "/api/reports/" + answer.path("reportId").asText() + "/behind-meter-choice?token="
                + answer.path("trackingToken").asText();
        assertThat(anonymous
                        .post(choice, Map.of("choice", "SOCIAL_ELECTRICIAN"))
                        .status())
                .isEqualTo(202);
        Await.until(
                () -> !anonymous.get(reportUrl).json().path("serviceJob").isMissingNode()
                        && !anonymous.get(reportUrl).json().path("serviceJob").isNull(),
                30);
        JsonNode tracking = anonymous.get(reportUrl).json();
        assertThat(tracking.path("status").asText()).isEqualTo("ELECTRICIAN");
        String id = tracking.path("serviceJob").path("id").asText();
        String token = tracking.path("serviceJob").path("trackUrl").asText().replaceAll(".*#token=", "");

        Http electrician = anonymous.as(e.userId(), ElectricianFixture.PASSWORD);
        submit(electrician, nextTask(electrician, id), Map.of("jobDecision", "ACCEPT", "visitFee", 40));
        assertThat(electrician
                        .get("/api/electrician-jobs/" + id)
                        .json()
                        .path("customerPhone")
                        .asText())
                .isEqualTo("13512340000");
        submit(electrician, nextTask(electrician, id), Map.of("arrivedOnSite", true));
        submit(
                electrician,
                nextTask(electrician, id),
                Map.of("jobCause", "BREAKER_TRIPPED", "partsFee", 0, "labourFee", 60));
        assertThat(anonymous
                        .post("/api/service-requests/" + id + "/quote-answer?token=" + token, Map.of("accept", true))
                        .status())
                .isEqualTo(200);
        submit(electrician, nextTask(electrician, id), Map.of("amountCharged", 100));
        assertThat(anonymous
                        .post("/api/service-requests/" + id + "/confirmation?token=" + token, Map.of("rating", 5))
                        .status())
                .isEqualTo(200);
        Await.until(
                () -> "REFERRED"
                        .equals(anonymous.get(reportUrl).json().path("status").asText()),
                30);
        assertThat(anonymous
                        .get("/api/electricians/nearby?lat=" + home[0] + "&lng=" + home[1])
                        .body())
                .contains("\"rating\":5.0")
                .contains("\"jobsDone\":1");
    }

    @Test
    void aPasswordLinkWorksOnceThroughTheApi() {
        Http applicant = customer(newPhone());
        String id = applicant
                .post("/api/electricians/applications", application())
                .json()
                .path("id")
                .asText();
        Http dispatcher = anonymous.as(TestUsers.DISPATCHER, TestUsers.PASSWORD);
        String task = dispatcher
                .get("/engine-rest/task?processInstanceBusinessKey=" + id)
                .json()
                .get(0)
                .path("id")
                .asText();
        assertThat(submit(dispatcher, task, Map.of("reviewDecision", "APPROVE")).status())
                .isEqualTo(204);
        String sms = jdbc.queryForObject(
                "SELECT text FROM gm_notification WHERE event_type = 'ELECTRICIAN_APPROVED' AND dedupe_key LIKE ?",
                String.class,
                "%|" + id);
        Matcher link = Pattern.compile("#token=(gmp_[A-Za-z0-9_-]+)").matcher(sms);
        assertThat(link.find()).isTrue();
        Http.Response weak = anonymous.post("/api/staff/password", Map.of("token", link.group(1), "password", "abc"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().path("field").asText()).isEqualTo("password");
        assertThat(anonymous
                        .post("/api/staff/password", Map.of("token", link.group(1), "password", "Draht-Zange-77!"))
                        .status())
                .isEqualTo(200);
        assertThat(anonymous
                        .post("/api/staff/password", Map.of("token", link.group(1), "password", "Draht-Zange-78!"))
                        .json()
                        .path("error")
                        .asText())
                .isEqualTo("LINK_EXPIRED");
        Http electrician = anonymous.as(id.toLowerCase(), "Draht-Zange-77!");
        JsonNode trace = anonymous
                .as(TestUsers.AUDITOR, TestUsers.PASSWORD)
                .get("/api/audit/electricians/" + id + "/trace")
                .json();
        assertThat(trace.toString())
                .contains("ELECTRICIAN_APPLIED")
                .contains("ELECTRICIAN_APPROVED")
                .contains("ElectricianRegistration");
        assertThat(electrician.get("/api/electricians/me").json().path("status").asText())
                .isEqualTo("APPROVED");
        assertThat(electrician.get("/api/electrician-jobs").status()).isEqualTo(200);
        // an electrician is no dispatcher
        assertThat(electrician.get("/api/incidents").status()).isEqualTo(403);
    }

    private static Http.Response submit(Http user, String task, Map<String, Object> fields) {
        return TestCustomers.submit(user, task, fields);
    }

    private static String nextTask(Http electrician, String id) {
        Await.until(
                () -> electrician
                                .get("/engine-rest/task?processInstanceBusinessKey=" + id)
                                .json()
                                .size()
                        == 1,
                30);
        return electrician
                .get("/engine-rest/task?processInstanceBusinessKey=" + id)
                .json()
                .get(0)
                .path("id")
                .asText();
    }
}
