package org.gridmend.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.gridmend.core.PublicIds;
import org.gridmend.core.StaffGroups;
import org.gridmend.report.ReportAnswer;
import org.gridmend.support.Await;
import org.gridmend.support.GridMendTest;
import org.gridmend.support.Http;
import org.gridmend.support.RepairFixture;
import org.gridmend.support.ReportFixture;
import org.gridmend.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.env.MockEnvironment;

/**
 * Staff accounts as an attacker would use them: a cross-site page that rides on a dispatcher's browser (a form or a
 * plain-text body with credentials the browser holds, a session cookie without the page's CSRF token) to end an
 * outage notice, which would tell its customers power is back; a crew that reads another crew's order or walks the
 * customer archive; demo accounts left in a database started without the demo profile; the development gateway
 * outside the demo.
 */
@GridMendTest
class StaffAttackTest {

    @LocalServerPort
    int port;

    @Autowired
    StaffIdentitySetup staff;

    @Autowired
    RepairFixture repairs;

    @Autowired
    ReportFixture reports;

    @Autowired
    IdentityService identity;

    @Autowired
    AdminAccountProperties admin;

    @Autowired
    AuthorizationService authorizations;

    Http anonymous;
    Http dispatcher;

    @BeforeEach
    void setUp() {
        TestUsers.create(staff);
        anonymous = Http.anonymous(port);
        dispatcher = anonymous.as(TestUsers.DISPATCHER, TestUsers.PASSWORD);
    }

    private long notice(ReportFixture.Grid grid) {
        Instant start = Instant.now().minusSeconds(60);
        Http.Response created = dispatcher.post(
                "/api/outage-notices",
                Map.of(
                        "type",
                        "FAULT",
                        "deviceId",
                        grid.node("SW"),
                        "start",
                        start.toString(),
                        "expectedEnd",
                        start.plus(Duration.ofHours(3)).toString(),
                        "reason",
                        "10kV 开关跳闸"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("noticeId").asLong();
    }

    private String state(long noticeId) {
        return dispatcher
                .get("/api/outage-notices/" + noticeId)
                .json()
                .path("state")
                .asText();
    }

    private HttpResponse<String> post(
            HttpClient client, String path, String contentType, String body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aCrossSitePageCannotEndAnOutageNoticeWithTheDispatchersCredentials() throws Exception {
        ReportFixture.Grid grid = reports.newGrid();
        long noticeId = notice(grid);
        String active = state(noticeId);
        String basic = "Basic "
                + Base64.getEncoder()
                        .encodeToString(
                                (TestUsers.DISPATCHER + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpClient plain = HttpClient.newHttpClient();
        String end = "/api/outage-notices/" + noticeId + "/end";

        // what a cross-site <form> (or fetch without preflight) sends, with Basic credentials a browser would add
        for (String type :
                new String[] {"application/x-www-form-urlencoded", "text/plain", "multipart/form-data; " + "boundary=x"
                }) {
            HttpResponse<String> form = post(plain, end, type, "", Map.of("Authorization", basic));
            assertThat(form.statusCode()).as(type).isEqualTo(403);
            assertThat(form.body()).contains("BASIC_FROM_BROWSER");
        }
        HttpResponse<String> withCookie = post(
                plain, end, "application/json", "{}", Map.of("Authorization", basic, "Cookie", "JSESSIONID=stolen"));
        assertThat(withCookie.statusCode()).isEqualTo(403);

        // the dispatcher's real browser session: the session cookie alone is not enough, the page's token is
        CookieManager jar = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(jar).build();
        HttpResponse<String> signIn = post(
                browser,
                "/api/staff/session",
                "application/json",
                "{\"user\": \"" + TestUsers.DISPATCHER + "\", \"password\": \"" + TestUsers.PASSWORD + "\"}",
                Map.of());
        assertThat(signIn.statusCode()).isEqualTo(200);
        browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/staff/session"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> noToken = post(browser, end, "application/json", "{}", Map.of());
        assertThat(noToken.statusCode()).isEqualTo(403);
        HttpResponse<String> formNoToken = post(browser, end, "application/x-www-form-urlencoded", "", Map.of());
        assertThat(formNoToken.statusCode()).isEqualTo(403);
        assertThat(state(noticeId))
                .as("the notice is still on, nobody was told power is back")
                .isEqualTo(active);

        String token = jar.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("GM-XSRF-TOKEN"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElseThrow();
        HttpResponse<String> ended = post(browser, end, "application/json", "{}", Map.of("X-GM-XSRF-TOKEN", token));
        assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
        assertThat(state(noticeId)).isNotEqualTo(active);

        // and nothing asks a browser for Basic credentials to cache
        Http.Response unauthorized = anonymous.get("/api/outage-notices/" + noticeId);
        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(plain.send(
                                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/board"))
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .headers()
                        .firstValue("WWW-Authenticate"))
                .isEmpty();
    }

    @Test
    void aCrewSeesCustomersOnlyThroughItsOwnOrdersBriefing() {
        RepairFixture.Grid mine = repairs.newGrid().placeCrews();
        RepairFixture.Grid theirs = repairs.newGrid().placeCrews();
        staff.user(mine.user(1), "Crew", "Mine", TestUsers.PASSWORD, StaffGroups.CREWS);
        staff.user(theirs.user(1), "Crew", "Theirs", TestUsers.PASSWORD, StaffGroups.CREWS);
        ReportAnswer answer = reports.byCustomer(theirs.customer(1));
        Await.until(() -> reports.record(answer).incidentId() != null, 30);
        String order = PublicIds.incident(reports.record(answer).incidentId());
        Http crew = anonymous.as(mine.user(1), TestUsers.PASSWORD);

        for (String path : new String[] {
            "/api/repair-orders/" + order + "/briefing",
            "/api/incidents/" + order + "/briefing",
            "/api/incidents/" + order,
            "/api/repair-orders/" + order + "/photos/1",
            "/api/incidents/" + order + "/photos/1",
            "/api/grid/customers/" + theirs.customer(1),
            "/api/grid/customers?transformerId=" + theirs.node("T1"),
            "/api/grid/transformers/" + theirs.node("T1"),
            "/api/board",
            "/api/audit/reports/" + answer.reportId() + "/trace"
        }) {
            if (path.contains("/photos/")) {
                assertThat(crew.getBytes(path).status()).as(path).isEqualTo(403);
                continue;
            }
            Http.Response refused = crew.get(path);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.body()).doesNotContain("王伟").doesNotContain("人民大街");
        }
        // nor through Camunda: none of the other crew's tasks, and no customer data in any variable
        Http.Response tasks = crew.get("/engine-rest/task?processInstanceBusinessKey=" + order);
        assertThat(tasks.json()).isEmpty();
        assertThat(crew.get("/engine-rest/variable-instance").body())
                .doesNotContain("王伟")
                .doesNotContain("13812345678");
    }

    @Test
    void demoAccountsStopAStartWithoutTheDemoProfileAndTheGatewayIsNotThere() {
        User left = identity.newUser("oldcrew" + System.nanoTime() % 100000);
        left.setFirstName("Old");
        left.setLastName("Demo");
        left.setPassword(StaffIdentitySetup.DEMO_PASSWORD);
        ((IdentityServiceImpl) identity).saveUser(left, true); // as the demo profile saved it, policy skipped
        try {
            MockEnvironment production = new MockEnvironment();
            production.setActiveProfiles("mysql");
            StaffIdentitySetup restart = new StaffIdentitySetup(identity, authorizations, admin, production);
            assertThatThrownBy(restart::afterPropertiesSet)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("users with the demo password exist outside the demo profile")
                    .hasMessageContaining(left.getId());
        } finally {
            identity.deleteUser(left.getId());
        }

        assertThat(anonymous.get("/dev/inbox").status()).isEqualTo(404);
        assertThat(anonymous
                        .post("/dev/gateway/sms", Map.of("messageId", "m1", "to", "13800000000", "text", "hi"))
                        .status())
                .isEqualTo(404);
        assertThat(anonymous
                        .post("/dev/ami/ping", Map.of("requestId", "r", "meterNos", new String[] {"M1"}))
                        .status())
                .isEqualTo(404);
    }
}
