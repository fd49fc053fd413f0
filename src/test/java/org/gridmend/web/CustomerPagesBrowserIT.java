package org.gridmend.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.gridmend.outage.NoticeType;
import org.gridmend.outage.OutageNoticeService;
import org.gridmend.report.ReportAnswer;
import org.gridmend.report.TimelineStreamService;
import org.gridmend.support.Await;
import org.gridmend.support.Browser;
import org.gridmend.support.BrowserTest;
import org.gridmend.support.RepairFixture;
import org.gridmend.support.ReportFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The customer pages in headless Chromium, against the whole application with its job executor: a customer reports
 * from the phone page (a double tap makes one report), follows the repair live while a crew works the order, confirms
 * and rates; and looks up an outage. No page logs a JavaScript error.
 */
@BrowserTest
class CustomerPagesBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    RepairFixture repairs;

    @Autowired
    ProcessEngine engine;

    @Autowired
    OutageNoticeService notices;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReportFixture reports;

    @Autowired
    TimelineStreamService streams;

    RepairFixture.Grid g;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void open() {
        g = repairs.newGrid().placeCrews();
        browser = Browser.open();
        wait = new WebDriverWait(browser, Duration.ofSeconds(40));
    }

    @AfterEach
    void close() {
        if (browser != null) {
            Browser.closeWithoutScriptErrors(browser);
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void seeLine(String type) {
        wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#timeline li[data-type='" + type + "']")));
    }

    private void stage(String stage) {
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#stages li.current[data-stage='" + stage + "']")));
    }

    private Task await(String activity, String processInstanceId) {
        return repairs.awaitTask(processInstanceId, activity);
    }

    @Test
    void withEveryLiveTimelineOfItsReportTakenThePageFollowsTheRepairByPolling() throws Exception {
        ReportAnswer answer = reports.byCustomer(g.customer(2));
        List<InputStream> taken = new ArrayList<>();
        try {
            int open = streams.openStreams();
            for (int i = 0; i < 3; i++) { // gridmend.notify.streams.max-per-report
                HttpResponse<InputStream> stream = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(url("/api/reports/" + answer.reportId()
                                                + "/events?token=" + answer.trackingToken())))
                                        .header("Accept", "text/event-stream")
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofInputStream());
                assertThat(stream.statusCode()).isEqualTo(200);
                taken.add(stream.body());
            }
            browser.get(url("/track/" + answer.reportId() + "?token=" + answer.trackingToken()));
            seeLine("RECEIVED");
            assertThat(streams.openStreams()).as("the page got no stream").isEqualTo(open + 3);

            Await.until(() -> reports.record(answer).incidentId() != null, 40);
            long incidentId = reports.record(answer).incidentId();
            String order = repairs.order(incidentId).getId();
            Task offer = await("Task_AcceptRepairOrder", order);
            repairs.completeAs(offer.getAssignee(), "crews", offer, Map.of("acceptDecision", "ACCEPT"));
            seeLine("ACCEPTED");
        } finally {
            for (InputStream stream : taken) {
                stream.close();
            }
        }
    }

    @Test
    void aCustomerReportsFromThePhoneFollowsTheRepairLiveConfirmsAndRates() {
        browser.get(url("/"));
        browser.findElement(By.id("customerNo")).sendKeys(g.customer(1));
        browser.findElement(By.cssSelector("input[name=onlyMyHome][value=false]"))
                .click();
        browser.findElement(By.id("description")).sendKeys("整栋楼停电");
        Browser.screenshot(browser, "report");
        // a double tap: both submits leave in the same moment
        ((JavascriptExecutor) browser)
                .executeScript("var f = document.getElementById('report'); f.requestSubmit(); f.requestSubmit();");
        wait.until(ExpectedConditions.urlContains("/track/B-"));
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM gm_report WHERE customer_no = ?", Long.class, g.customer(1)))
                .isEqualTo(1);

        // triage in the background; the page hears of it without a reload
        seeLine("ACKNOWLEDGED");
        assertThat(browser.findElement(By.id("confirm")).isDisplayed())
                .as("the big 已来电 waits until the process asks")
                .isFalse();
        assertThat(browser.findElement(By.id("cameBack")).isDisplayed()).isTrue();
        long incidentId = jdbc.queryForObject(
                "SELECT incident_id FROM gm_report WHERE customer_no = ?", Long.class, g.customer(1));
        String order = repairs.order(incidentId).getId();

        Task offer = await("Task_AcceptRepairOrder", order);
        String crewUser = offer.getAssignee();
        repairs.completeAs(crewUser, "crews", offer, Map.of("acceptDecision", "ACCEPT"));
        seeLine("ACCEPTED");
        stage("ACCEPTED");
        String employeeNo = (g.p() + "0" + crewUser.substring(crewUser.length() - 1)).toUpperCase();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("facts"), employeeNo));

        g.crewAtFault(Integer.parseInt(crewUser.substring(crewUser.length() - 1)));
        repairs.completeAs(crewUser, "crews", await("Task_ConfirmArrival", order), Map.of());
        seeLine("ARRIVED");
        stage("ARRIVED");
        repairs.completeAs(
                crewUser,
                "crews",
                await("Task_DiagnoseFault", order),
                Map.of("cause", "FUSE_BLOWN", "etr", RepairFixture.hoursAhead(2)));
        seeLine("DIAGNOSED");
        stage("REPAIRING");
        Browser.screenshot(browser, "track");
        repairs.completeAs(
                crewUser, "crews", await("Task_CompleteRepair", order), Map.of("resolution", "REPLACED_FUSE"));
        seeLine("RESTORED");
        stage("RESTORED");

        wait.until(ExpectedConditions.elementToBeClickable(By.id("powerBack"))).click();
        seeLine("CONFIRMED");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rate")));
        browser.findElement(By.cssSelector("#rate input[name=stars][value='4']"))
                .click();
        browser.findElement(By.id("comment")).sendKeys("很快，谢谢");
        browser.findElement(By.cssSelector("#rate button[type=submit]")).click();
        seeLine("RATED");
        assertThat(jdbc.queryForObject(
                        "SELECT r.stars FROM gm_rating r JOIN gm_report p ON p.id = r.report_id "
                                + "WHERE p.customer_no = ?",
                        Integer.class,
                        g.customer(1)))
                .isEqualTo(4);
    }

    @Test
    void aCustomerLooksUpAPlannedOutageInChineseAndInEnglish() {
        Instant start = Instant.now().plus(Duration.ofHours(2));
        notices.announce(
                NoticeType.PLANNED, g.node("SW"), start, start.plus(Duration.ofHours(4)), "10kV 线路检修", "dispatcher1");
        browser.get(url("/outages"));
        browser.findElement(By.id("customerNo")).sendKeys(g.customer(4));
        browser.findElement(By.cssSelector("#lookup button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), "计划停电"));
        assertThat(browser.findElement(By.id("results")).getText())
                .contains("10kV 线路检修")
                .contains("即将开始");
        Browser.screenshot(browser, "outages");

        browser.findElement(By.id("lang")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), "Planned outage"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Outage look-up");

        browser.findElement(By.id("customerNo")).clear();
        browser.findElement(By.id("customerNo")).sendKeys("NOBODY");
        browser.findElement(By.cssSelector("#lookup button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("problem"), "No such customer number"));
    }
}
