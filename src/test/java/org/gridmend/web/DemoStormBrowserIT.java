package org.gridmend.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.gridmend.support.Browser;
import org.gridmend.support.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * What a visitor of the demo sees: the dispatcher (demo user) starts a storm from the board and watches the orders
 * it causes appear on the board and its map. The demo profile with its Changchun grid, on an H2 of its own.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "camunda.bpm.process-engine-name=stormdemo",
            "spring.datasource.url=jdbc:h2:mem:gridmend-stormdemo;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
            "gridmend.demo.storm.faults=3",
            "gridmend.demo.storm.rate=15",
            "gridmend.demo.storm.duration=10s",
            "gridmend.audit.head-file=target/audit-heads/${random.uuid}.jsonl"
        })
@ActiveProfiles("demo")
class DemoStormBrowserIT {

    @LocalServerPort
    int port;

    WebDriver browser;

    @BeforeEach
    void open() {
        browser = Browser.open();
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @AfterEach
    void close() {
        if (browser != null) {
            Browser.closeWithoutScriptErrors(browser);
        }
    }

    @Test
    void theInboxShowsWhatAGatewayPostCarriesAsTextNeverAsMarkup() {
        String hostile = "\"><img src=x onerror=\"window.pwned=1\">";
        Http gateway = Http.anonymous(port);
        assertThat(gateway.post(
                                "/dev/gateway/sms",
                                Map.of(
                                        "messageId",
                                        "x\" onclick=\"window.pwned=2",
                                        "to",
                                        "1\" autofocus onfocus=\"window.pwned=3",
                                        "text",
                                        hostile))
                        .status())
                .isEqualTo(200);
        browser.get("http://localhost:" + port + "/dev/inbox");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "onerror"));
        assertThat(browser.findElement(By.id("messages")).getText()).contains(hostile);
        assertThat(browser.findElements(By.cssSelector("#messages img, #phones img")))
                .isEmpty();
        browser.findElement(By.cssSelector("#phones button")).click();
        assertThat(((JavascriptExecutor) browser).executeScript("return window.pwned"))
                .isNull();
    }

    @Test
    void theInboxFindsAPhoneByNumberOrByAnOrderNumberInItsMessagesAndShowsChinaTime() {
        Http gateway = Http.anonymous(port);
        for (String[] sms : new String[][] {
            {"13900000101", "【供电服务】您的报修已并入抢修单 R-00009901，无需重复报修。"},
            {"13900000102", "【供电服务】抢修单 R-00009902 的班组已接单。"},
            {"13900000103", "【供电服务】停电通知：明日检修。"}
        }) {
            assertThat(gateway.post(
                                    "/dev/gateway/sms",
                                    Map.of("messageId", UUID.randomUUID().toString(), "to", sms[0], "text", sms[1]))
                            .status())
                    .isEqualTo(200);
        }
        browser.get("http://localhost:" + port + "/dev/inbox");
        // the page redraws its lists every 3 s: read the lists' own text, never an element inside them that may go
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("phones"), "13900000103"));
        String phones = browser.findElement(By.id("phones")).getText();
        assertThat(phones.indexOf("13900000103"))
                .as("the newest phone first")
                .isLessThan(phones.indexOf("13900000102"));

        browser.findElement(By.id("search")).sendKeys("R-00009902");
        wait.until(d -> d.findElements(By.cssSelector("#phones button")).size() == 1);
        assertThat(browser.findElement(By.id("phones")).getText()).contains("13900000102");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "R-00009902"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "（北京时间）"));

        browser.findElement(By.id("search")).clear();
        browser.findElement(By.id("search")).sendKeys("13900000101");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "R-00009901"));
        browser.findElement(By.id("search")).clear();
        browser.findElement(By.id("search")).sendKeys("没有这样的消息");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("phones"), "没有匹配的消息"));
    }

    @Test
    void aVisitorStartsAStormAndWatchesItsOrdersOnTheBoard() {
        Browser.signIn(browser, "http://localhost:" + port + "/board", "dispatcher", "demo");

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("startStorm"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("stormProgress"), "暴雨进行中"));
        wait.until(d -> d.findElements(By.cssSelector("#incidents tr")).size() >= 2);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#map path.incident")));
        assertThat(browser.findElement(By.id("figures")).getText()).contains("今日报修");
        Browser.screenshot(browser, "board-storm");
    }
}
