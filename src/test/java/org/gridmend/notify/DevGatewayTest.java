package org.gridmend.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridmend.support.Await;
import org.gridmend.support.Browser;
import org.gridmend.support.Http;
import org.gridmend.support.ReportFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the demo shows a new user: the application's own dispatcher delivers through the development gateway (the
 * demo profile's, and only its: without the profile there is no /dev/gateway at all), and {@code /dev/inbox} shows each phone's inbox filling as a report is triaged and its
 * incident becomes known. A context of its own, on a port fixed before start so that the gateway URLs can name it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles({"test", "demo"})
class DevGatewayTest {

    static final int PORT = freePort();

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add(
                "spring.datasource.url", () -> "jdbc:h2:mem:gridmend-devgateway;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        registry.add("camunda.bpm.process-engine-name", () -> "devgateway");
        registry.add("gridmend.notify.sms.url", () -> "http://localhost:" + PORT + "/dev/gateway/sms");
        registry.add("gridmend.notify.push.url", () -> "http://localhost:" + PORT + "/dev/gateway/push");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Autowired
    ReportFixture fixture;

    Http http;
    ReportFixture.Grid grid;

    @BeforeEach
    void setUp() {
        http = Http.anonymous(PORT);
        grid = fixture.newGrid();
    }

    private JsonNode inbox(String address) {
        return http.get("/dev/inbox/messages?address=" + address).json();
    }

    private static boolean says(JsonNode inbox, String words) {
        for (JsonNode message : inbox) {
            if (message.path("text").asText().contains(words)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void phonesInboxesFillAsAReportIsTriagedAndItsIncidentBecomesKnown() {
        // the customer signs in with the code the development gateway delivers to the archive phone's inbox
        String reporter = grid.customer(1);
        String phone = grid.doc().customers().get(0).phone();
        assertThat(http.post("/api/customer/otp", Map.of("phone", phone)).status())
                .isEqualTo(202);
        Await.until(() -> says(inbox(phone), "验证码"), 30);
        Matcher code = Pattern.compile("验证码是 (\\d{6})")
                .matcher(inbox(phone).get(0).path("text").asText());
        assertThat(code.find()).isTrue();
        JsonNode session = http.post("/api/customer/session", Map.of("phone", phone, "code", code.group(1)))
                .json();
        assertThat(session.path("customerNos").toString()).contains(reporter);
        Http signedIn = http.bearer(session.path("token").asText());

        Map<String, Object> body = new HashMap<>();
        body.put("requestId", UUID.randomUUID().toString());
        body.put("channel", "APP");
        body.put("customerNo", reporter);
        JsonNode answer = signedIn.post("/api/reports", body).json();

        // the reporter's app (bound by the signed-in report): the acknowledgement, as a push to the customer number
        Await.until(() -> says(inbox(reporter), "报修"), 30);
        JsonNode pushed = inbox(reporter).get(0);
        assertThat(pushed.path("channel").asText()).isEqualTo("PUSH");
        assertThat(pushed.path("title").asText()).isEqualTo("报修进度");

        // a neighbour on the same transformer who did not report: an SMS that the outage is known (a signed-in
        // customer's report corroborates the outage)
        String incident = http.get("/api/reports/" + answer.path("reportId").asText() + "?token="
                        + answer.path("trackingToken").asText())
                .json()
                .path("incident")
                .path("incidentId")
                .asText();
        String neighbourPhone = grid.doc().customers().get(1).phone();
        Await.until(() -> says(inbox(neighbourPhone), incident), 30);
        JsonNode sms = inbox(neighbourPhone).get(0);
        assertThat(sms.path("channel").asText()).isEqualTo("SMS");
        assertThat(sms.path("text").asText()).startsWith("【供电服务】").contains("无需报修");
        assertThat(http.get("/dev/inbox/phones").json().findValuesAsText("address"))
                .contains(reporter, neighbourPhone);
        // the search finds a phone by its number, and everyone told of an order by the order's number
        assertThat(http.get("/dev/inbox/phones?q=" + neighbourPhone).json().findValuesAsText("address"))
                .containsExactly(neighbourPhone);
        assertThat(http.get("/dev/inbox/phones?q=" + incident).json().findValuesAsText("address"))
                .contains(neighbourPhone)
                .doesNotContain("13800000001");
        assertThat(http.get("/dev/inbox/phones?q=%25").json().findValuesAsText("address"))
                .as("a percent sign is a character to look for, not a wildcard")
                .isEmpty();
    }

    @Test
    void theGatewayTakesEachMessageIdOnceAndNamesAMissingField() {
        String id = UUID.randomUUID().toString();
        Map<String, Object> sms =
                Map.of("messageId", id, "to", "13800000001", "template", "notify.test", "text", "测试短信");
        assertThat(http.post("/dev/gateway/sms", sms).json().path("duplicate").asBoolean())
                .isFalse();
        assertThat(http.post("/dev/gateway/sms", sms).json().path("duplicate").asBoolean())
                .isTrue();
        assertThat(inbox("13800000001")).hasSize(1);
        Http.Response missing = http.post(
                "/dev/gateway/push", Map.of("messageId", UUID.randomUUID().toString(), "body", "x"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("field").asText()).isEqualTo("customerNo");
    }

    @Test
    void theInboxPageShowsWhatAPhoneReceived() {
        String phone = "1390000" + (1000 + (int) (Math.random() * 8999));
        http.post(
                "/dev/gateway/sms",
                Map.of("messageId", UUID.randomUUID().toString(), "to", phone, "text", "【供电服务】抢修班组 0371 已接单"));
        WebDriver browser = Browser.open();
        try {
            browser.get("http://localhost:" + PORT + "/dev/inbox");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
            By button = By.cssSelector("#phones button[data-address='" + phone + "']");
            wait.until(ExpectedConditions.elementToBeClickable(button)).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("address"), phone));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "抢修班组 0371 已接单"));
            assertThat(browser.findElement(By.cssSelector("#messages .msg .meta"))
                            .getText())
                    .startsWith("SMS");
        } finally {
            browser.quit();
        }
    }
}
