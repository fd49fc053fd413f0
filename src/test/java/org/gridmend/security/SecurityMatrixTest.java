package org.gridmend.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridmend.core.StaffGroups.ADMINS;
import static org.gridmend.core.StaffGroups.AUDITORS;
import static org.gridmend.core.StaffGroups.CREWS;
import static org.gridmend.core.StaffGroups.DISPATCHERS;
import static org.gridmend.core.StaffGroups.ELECTRICIANS;
import static org.gridmend.core.StaffGroups.LEADS;
import static org.gridmend.core.StaffGroups.RENTAL;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.gridmend.support.GridMendTest;
import org.gridmend.support.Http;
import org.gridmend.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every protected path: 401 without credentials, 403 for the wrong group, 2xx for the right one. */
@GridMendTest
class SecurityMatrixTest {

    private static final Set<String> STAFF = Set.of(CREWS, DISPATCHERS, AUDITORS, ADMINS);

    @LocalServerPort
    int port;

    @Autowired
    StaffIdentitySetup staff;

    @BeforeEach
    void users() {
        TestUsers.create(staff);
    }

    /** Anyone signed in, in GridMend's groups or not ("none"). */
    static final Set<String> SIGNED_IN =
            Set.of(CREWS, DISPATCHERS, AUDITORS, ADMINS, LEADS, ELECTRICIANS, RENTAL, "none");

    record Rule(String method, String path, Set<String> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Stream<Rule> rules() {
        return Stream.of(
                // crews reach customers only through their own orders' briefings
                new Rule("GET", "/api/grid/feeders", Set.of(DISPATCHERS, AUDITORS, ADMINS)),
                new Rule("GET", "/api/grid/nodes/none/upstream", Set.of(DISPATCHERS, AUDITORS, ADMINS)),
                new Rule("GET", "/api/grid/customers/none", Set.of(DISPATCHERS, AUDITORS, ADMINS)),
                new Rule("POST", "/api/incidents/R-99999999/move", Set.of(DISPATCHERS, ADMINS)),
                new Rule("POST", "/api/incidents/R-99999999/split", Set.of(DISPATCHERS, ADMINS)),
                new Rule("GET", "/api/integrations/keys", Set.of(ADMINS)),
                new Rule("POST", "/api/integrations/keys", Set.of(ADMINS)),
                new Rule("DELETE", "/api/integrations/keys/none", Set.of(ADMINS)),
                new Rule("POST", "/api/customers/none/phones", Set.of(DISPATCHERS, ADMINS)),
                new Rule("POST", "/api/grid/import", Set.of(ADMINS)),
                new Rule("GET", "/api/incidents", Set.of(DISPATCHERS, AUDITORS, ADMINS)),
                new Rule("GET", "/api/incidents/R-99999999", Set.of(DISPATCHERS, AUDITORS, ADMINS)),
                new Rule("GET", "/api/incidents/R-99999999/briefing", STAFF),
                new Rule("POST", "/api/incidents/R-99999999/notes", STAFF),
                new Rule("POST", "/api/incidents/R-99999999/etr", STAFF),
                new Rule("GET", "/api/repair-orders/R-99999999/briefing", STAFF),
                new Rule("POST", "/api/repair-orders/R-99999999/notes", STAFF),
                new Rule("POST", "/api/repair-orders/R-99999999/etr", STAFF),
                // the order's messages with its customers: its crew (checked per order), dispatchers; auditors read
                new Rule("GET", "/api/repair-orders/R-99999999/messages", STAFF),
                new Rule("POST", "/api/repair-orders/R-99999999/messages", STAFF),
                new Rule("GET", "/api/incidents/R-99999999/messages", STAFF),
                new Rule("GET", "/api/repair-orders/R-99999999/calls", STAFF),
                new Rule("GET", "/api/incidents/R-99999999/calls", STAFF),
                new Rule("GET", "/api/performance/crews?month=2026-12", Set.of(CREWS, DISPATCHERS, AUDITORS, ADMINS)),
                new Rule(
                        "GET",
                        "/api/performance/crews/none/months?to=2026-12",
                        Set.of(CREWS, DISPATCHERS, AUDITORS, ADMINS)),
                new Rule("POST", "/api/incidents/R-99999999/messages", STAFF),
                new Rule("GET", "/api/repair-orders/R-99999999/anything", Set.of(DISPATCHERS, AUDITORS, ADMINS)),
                new Rule("GET", "/api/crews/none/stats", STAFF),
                new Rule("GET", "/api/grids", Set.of(DISPATCHERS, AUDITORS, ADMINS)),
                new Rule("POST", "/api/learning/courses", Set.of(ADMINS)),
                new Rule("GET", "/api/learning/courses", Set.of(CREWS, DISPATCHERS, AUDITORS, ADMINS, LEADS)),
                new Rule("POST", "/api/learning/assignments", Set.of(ADMINS, LEADS)),
                new Rule("GET", "/api/learning/me", Set.of(CREWS)),
                new Rule("POST", "/api/learning/L-99999999/lessons/none/time", Set.of(CREWS)),
                new Rule("POST", "/api/learning/L-99999999/studied", Set.of(CREWS)),
                new Rule("GET", "/api/learning/crews/none", Set.of(CREWS, DISPATCHERS, AUDITORS, ADMINS, LEADS)),
                new Rule("GET", "/api/learning/anything", Set.of()),
                new Rule("GET", "/api/grids/none", STAFF),
                new Rule("PUT", "/api/grids/none", Set.of(DISPATCHERS, ADMINS)),
                new Rule("POST", "/api/crews/none/positions", STAFF),
                new Rule("PUT", "/api/crews/none/shift", STAFF),
                new Rule("POST", "/api/outage-notices", Set.of(DISPATCHERS, ADMINS)),
                new Rule("POST", "/api/meter-events", Set.of(ADMINS)),
                new Rule("GET", "/api/audit/reports/B-99999999/trace", Set.of(AUDITORS)),
                new Rule("GET", "/api/audit/incidents/R-99999999/trace?format=csv", Set.of(AUDITORS)),
                new Rule("GET", "/api/audit/search?customerNo=none", Set.of(AUDITORS)),
                new Rule("GET", "/api/audit/verify", Set.of(AUDITORS)),
                new Rule("GET", "/api/audit/me", Set.of(AUDITORS)),
                new Rule("GET", "/api/audit/jobs/E-99999999/trace", Set.of(AUDITORS)),
                new Rule("GET", "/api/audit/electricians/EL99999/trace", Set.of(AUDITORS)),
                new Rule("GET", "/api/audit/custody/K-99999999/trace", Set.of(AUDITORS)),
                new Rule("GET", "/actuator/prometheus", Set.of(ADMINS)),
                new Rule("GET", "/actuator/metrics", Set.of(ADMINS)),
                // social electricians: their own jobs; their own registration, also while suspended (out of the group)
                new Rule("GET", "/api/electrician-jobs", Set.of(ELECTRICIANS)),
                new Rule("GET", "/api/electrician-jobs/E-99999999", Set.of(ELECTRICIANS)),
                new Rule("POST", "/api/electrician-jobs/E-99999999/messages", Set.of(ELECTRICIANS)),
                new Rule("GET", "/api/electricians/me", SIGNED_IN),
                new Rule("PUT", "/api/electricians/me/certificate", SIGNED_IN),
                new Rule("GET", "/api/electricians/anything", Set.of()),
                new Rule("GET", "/api/custody/assignments", Set.of(ELECTRICIANS)),
                // rental staff's overview; the customers' rental endpoints check their session in the service
                new Rule("GET", "/api/rental/admin/items", Set.of(RENTAL)),
                new Rule("POST", "/api/rental/admin/items", Set.of(RENTAL)),
                new Rule("GET", "/api/rental/admin/bookings", Set.of(RENTAL)),
                new Rule("GET", "/api/rental/admin/months", Set.of(RENTAL)),
                new Rule("GET", "/api/rental/admin/overdue", Set.of(RENTAL)),
                new Rule("GET", "/api/audit/rentals/Z-99999999/trace", Set.of(AUDITORS)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void anonymousCallersMustSignIn(Rule rule) {
        Http.Response response = Http.anonymous(port).send(rule.method(), rule.path(), null);
        assertThat(response.status()).as(rule + " anonymous").isEqualTo(401);
        assertThat(response.json().path("error").asText()).isEqualTo("UNAUTHORIZED");
    }

    static Stream<Arguments> groupsPerRule() {
        List<Arguments> cases = new ArrayList<>();
        rules().forEach(rule -> Stream.of(CREWS, DISPATCHERS, AUDITORS, ADMINS, LEADS, ELECTRICIANS, RENTAL, "none")
                .forEach(group -> cases.add(Arguments.of(rule, group))));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("groupsPerRule")
    void onlyTheRightGroupsGetThrough(Rule rule, String group) {
        Http.Response response = Http.anonymous(port)
                .as(TestUsers.userOf(group), TestUsers.PASSWORD)
                .send(rule.method(), rule.path(), null);
        if (rule.allowed().contains(group)) {
            // 404 for something that does not exist, or 400 for an empty body, still means the caller got through.
            assertThat(response.status())
                    .as(rule + " as " + group + ": " + response)
                    .isIn(200, 400, 404);
        } else {
            assertThat(response.status()).as(rule + " as " + group).isEqualTo(403);
            assertThat(response.json().path("error").asText()).isEqualTo("FORBIDDEN");
        }
    }

    /** Camunda delays a user's next sign-in after a wrong password, so wrong passwords go to a user of their own. */
    private static final String TRIES_WRONG = "twrongpassword";

    @Test
    void aWrongPasswordIsUnauthorized() {
        staff.user(TRIES_WRONG, "Test", "Wrong", TestUsers.PASSWORD, ADMINS);
        Http.Response response = Http.anonymous(port).as(TRIES_WRONG, "wrong").get("/api/grid/feeders");
        assertThat(response.status()).isEqualTo(401);
        assertThat(Http.anonymous(port)
                        .as("nobody", "x")
                        .get("/api/grid/feeders")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void anyOtherApiPathNeedsSigningIn() {
        assertThat(Http.anonymous(port).get("/api/anything").status()).isEqualTo(401);
    }

    @Test
    void theEngineRestApiNeedsAuthentication() {
        assertThat(Http.anonymous(port).get("/engine-rest/task").status()).isEqualTo(401);
        staff.user(TRIES_WRONG, "Test", "Wrong", TestUsers.PASSWORD, ADMINS);
        assertThat(Http.anonymous(port)
                        .as(TRIES_WRONG, "wrong")
                        .get("/engine-rest/task")
                        .status())
                .isEqualTo(401);
        assertThat(Http.anonymous(port)
                        .as(TestUsers.CREW, TestUsers.PASSWORD)
                        .get("/engine-rest/task")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theEngineRestApiChecksCamundaAuthorizations() {
        Map<String, Object> user = Map.of(
                "profile",
                        Map.of(
                                "id",
                                "u"
                                        + UUID.randomUUID()
                                                .toString()
                                                .replace("-", "")
                                                .substring(0, 10),
                                "firstName",
                                "New",
                                "lastName",
                                "User"),
                "credentials", Map.of("password", "a-Long-passw0rd"));
        assertThat(Http.anonymous(port).post("/engine-rest/user/create", user).status())
                .isEqualTo(401);
        assertThat(Http.anonymous(port)
                        .as(TestUsers.CREW, TestUsers.PASSWORD)
                        .post("/engine-rest/user/create", user)
                        .status())
                .isEqualTo(403);
        assertThat(Http.anonymous(port)
                        .as(TestUsers.AUDITOR, TestUsers.PASSWORD)
                        .post("/engine-rest/user/create", user)
                        .status())
                .isEqualTo(403);
        assertThat(Http.anonymous(port)
                        .as(TestUsers.ADMIN, TestUsers.PASSWORD)
                        .post("/engine-rest/user/create", user)
                        .status())
                .isEqualTo(204);
    }

    @Test
    void publicPathsStayOpen() {
        Http anonymous = Http.anonymous(port);
        assertThat(anonymous.post("/api/reports", "{}").status()).isEqualTo(400);
        assertThat(anonymous.get("/api/reports/B-00000001?token=x").status()).isEqualTo(404);
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health").json().has("components")).isFalse();
        assertThat(anonymous.get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(anonymous.get("/", "text/html").status()).isEqualTo(200);
    }

    @Test
    void healthDetailsAreForAdmins() {
        var health = Http.anonymous(port)
                .as(TestUsers.ADMIN, TestUsers.PASSWORD)
                .get("/actuator/health")
                .json();
        assertThat(health.path("components").has("processEngine")).isTrue();
        assertThat(health.path("components").has("jobExecutor")).isTrue();
        assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void camundaWebappsKeepTheirCsrfProtection() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        String base = "http://localhost:" + port;
        browser.send(
                HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/"))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        String login = base + "/camunda/api/admin/auth/user/default/login/tasklist";
        String form = "username=" + TestUsers.CREW + "&password=" + TestUsers.PASSWORD;

        HttpResponse<String> withoutToken = browser.send(
                HttpRequest.newBuilder(URI.create(login))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withoutToken.statusCode()).isEqualTo(403);

        // A rejected request makes Camunda issue a new token; the page hands it out again, as a browser reload would.
        browser.send(
                HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/"))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        String token = cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElseThrow();
        HttpResponse<String> withToken = browser.send(
                HttpRequest.newBuilder(URI.create(login))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-XSRF-TOKEN", token)
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(withToken.body()).contains("\"tasklist\"").doesNotContain("\"cockpit\"");
    }
}
