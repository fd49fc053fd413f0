package org.gridmend.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.gridmend.support.GridMendTest;
import org.gridmend.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One sign-in for Camunda's webapps and GridMend's staff pages, as one browser (one cookie jar) sees it: a crew
 * that signed in to Tasklist opens its briefing without a second login, a dispatcher signed in on the board opens
 * Tasklist, and signing out of either signs out of both. The roles stay the user's own.
 */
@GridMendTest
class OneSignInTest {

    @LocalServerPort
    int port;

    @Autowired
    StaffIdentitySetup staff;

    @Autowired
    ProcessEngine engine;

    CookieManager jar;
    HttpClient browser;

    @BeforeEach
    void setUp() {
        TestUsers.create(staff);
        jar = new CookieManager();
        browser = HttpClient.newBuilder().cookieHandler(jar).build();
    }

    @Test
    void aCrewSignedInToTasklistReachesGridMendsPagesWithItsOwnRolesUntilItSignsOut() throws Exception {
        signInToTasklist(TestUsers.CREW);

        HttpResponse<String> me = send("GET", "/api/staff/session", null, null, Map.of());
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(me.body()).contains("\"user\":\"" + TestUsers.CREW + "\"").contains("crews");
        assertThat(send("GET", "/api/crews/me", null, null, Map.of()).statusCode())
                .as("a crew's own page")
                .isNotIn(401, 403);
        assertThat(send("GET", "/api/board", null, null, Map.of()).statusCode())
                .as("the board is the dispatchers'")
                .isEqualTo(403);

        send("GET", "/camunda/app/tasklist/", null, null, Map.of()); // the new session's CSRF token, as Tasklist does
        HttpResponse<String> logout = send(
                "POST",
                "/camunda/api/admin/auth/user/" + engine.getName() + "/logout",
                "application/x-www-form-urlencoded",
                "",
                Map.of("X-XSRF-TOKEN", cookie("XSRF-TOKEN")));
        assertThat(logout.statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/staff/session", null, null, Map.of()).statusCode())
                .as("signed out of Tasklist is signed out of GridMend's pages")
                .isEqualTo(401);
    }

    @Test
    void aDispatcherSignedInOnTheBoardOpensTasklistAndSigningOutEndsBoth() throws Exception {
        HttpResponse<String> signIn = send(
                "POST",
                "/api/staff/session",
                "application/json",
                "{\"user\": \"" + TestUsers.DISPATCHER + "\", \"password\": \"" + TestUsers.PASSWORD + "\"}",
                Map.of());
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/board", null, null, Map.of()).statusCode()).isEqualTo(200);

        HttpResponse<String> camunda =
                send("GET", "/camunda/api/admin/auth/user/" + engine.getName(), null, null, Map.of());
        assertThat(camunda.statusCode()).as("Tasklist knows the user").isEqualTo(200);
        assertThat(camunda.body())
                .contains("\"userId\":\"" + TestUsers.DISPATCHER + "\"")
                .contains("tasklist");
        HttpResponse<String> tasks =
                send("GET", "/camunda/api/engine/engine/" + engine.getName() + "/task", null, null, Map.of());
        assertThat(tasks.statusCode())
                .as("Tasklist's own API answers the session")
                .isEqualTo(200);

        send("GET", "/api/staff/session", null, null, Map.of());
        HttpResponse<String> out =
                send("DELETE", "/api/staff/session", null, null, Map.of("X-GM-XSRF-TOKEN", cookie("GM-XSRF-TOKEN")));
        assertThat(out.statusCode()).isEqualTo(204);
        assertThat(send("GET", "/camunda/api/admin/auth/user/" + engine.getName(), null, null, Map.of())
                        .statusCode())
                .as("signed out of GridMend is signed out of Tasklist")
                .isEqualTo(404);
    }

    @Test
    void aWrongPasswordAtTasklistSignsInToNothing() throws Exception {
        send("GET", "/camunda/app/tasklist/", null, null, Map.of());
        HttpResponse<String> wrong = send(
                "POST",
                "/camunda/api/admin/auth/user/" + engine.getName() + "/login/tasklist",
                "application/x-www-form-urlencoded",
                "username=" + TestUsers.CREW + "&password=wrong",
                Map.of("X-XSRF-TOKEN", cookie("XSRF-TOKEN")));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/staff/session", null, null, Map.of()).statusCode())
                .isEqualTo(401);
    }

    private void signInToTasklist(String user) throws Exception {
        send("GET", "/camunda/app/tasklist/", null, null, Map.of()); // Camunda's CSRF cookie
        HttpResponse<String> login = send(
                "POST",
                "/camunda/api/admin/auth/user/" + engine.getName() + "/login/tasklist",
                "application/x-www-form-urlencoded",
                "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(TestUsers.PASSWORD, StandardCharsets.UTF_8),
                Map.of("X-XSRF-TOKEN", cookie("XSRF-TOKEN")));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    }

    private String cookie(String name) {
        return jar.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("no cookie " + name));
    }

    private HttpResponse<String> send(
            String method, String path, String contentType, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
