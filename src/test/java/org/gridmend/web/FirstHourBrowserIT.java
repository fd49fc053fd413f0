package org.gridmend.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.gridmend.core.PublicIds;
import org.gridmend.core.StaffGroups;
import org.gridmend.report.ReportAnswer;
import org.gridmend.security.StaffIdentitySetup;
import org.gridmend.support.Await;
import org.gridmend.support.Browser;
import org.gridmend.support.BrowserTest;
import org.gridmend.support.RepairFixture;
import org.gridmend.support.ReportFixture;
import org.gridmend.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The first hour of a customer, a crew member and a dispatcher, in Chromium on UTC (and once on China time): what got
 * in their way before (issue 14) is gone. A wrong customer number is told at once; the tracking page shows the real
 * stage, and the same times in any browser zone, naming the utility's; the crew signs in to Tasklist once, tells
 * its orders apart by number and opens the briefing without a second sign-in; the dispatcher's board lists the
 * reports to locate and says so when a table is empty, Tasklist opens from it with the group's filters, and the
 * Locate form shows what the customer sent with candidates.
 */
@BrowserTest
class FirstHourBrowserIT {

    static final String UTC = "UTC";
    static final String CHINA = "Asia/Shanghai";

    @LocalServerPort
    int port;

    @Autowired
    RepairFixture repairs;

    @Autowired
    ReportFixture reports;

    @Autowired
    StaffIdentitySetup staff;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcTemplate jdbc;

    RepairFixture.Grid g;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void open() {
        TestUsers.create(staff);
        g = repairs.newGrid().placeCrews();
        browser = Browser.open(UTC);
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

    private Task offerOf(ReportAnswer answer) {
        Await.until(() -> reports.record(answer).incidentId() != null, 40);
        String order = repairs.order(reports.record(answer).incidentId()).getId();
        return repairs.awaitTask(order, "Task_AcceptRepairOrder");
    }

    @Test
    void aWrongCustomerNumberIsToldAtOnce() {
        browser.get(url("/"));
        browser.findElement(By.id("customerNo")).sendKeys("abc 123");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("customerNoProblem"), "户号只含数字"));
        browser.findElement(By.id("customerNo")).clear();
        browser.findElement(By.id("customerNo")).sendKeys("2299999999");
        assertThat(browser.findElement(By.id("customerNoProblem")).getText()).isEmpty();
        browser.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("customerNoProblem"), "没有找到户号 2299999999，请核对，或使用当前位置"));
        assertThat(browser.getCurrentUrl()).doesNotContain("/track/");
        Browser.screenshot(browser, "unknown-customer");
    }

    @Test
    void theTrackingPageShowsTheRealStageAndTheSameTimesInAnyZone() {
        ReportAnswer answer = reports.byCustomer(g.customer(1));
        String track = url("/track/" + answer.reportId() + "?token=" + answer.trackingToken());

        browser.get(track);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#stages li.current")));
        Await.until(() -> reports.record(answer).incidentId() != null, 40);
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#stages li.current[data-stage=DISPATCHED]")));
        assertThat(browser.findElement(By.id("facts")).getText())
                .as("not 抢修中 before a crew accepted")
                .contains("已派工，等待班组接单")
                .doesNotContain("抢修中");
        assertThat(browser.findElement(By.id("confirm")).isDisplayed())
                .as("nobody asks whether power is back yet")
                .isFalse();
        assertThat(browser.findElement(By.id("cameBack")).isDisplayed()).isTrue();

        Task offer = offerOf(answer);
        repairs.completeAs(offer.getAssignee(), "crews", offer, Map.of("acceptDecision", "ACCEPT"));
        wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#stages li.current[data-stage=ACCEPTED]")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("facts"), "预计到达"));
        String inUtc = browser.findElement(By.id("facts")).getText();
        String stagesInUtc = browser.findElement(By.id("stages")).getText();
        String timelineInUtc = browser.findElement(By.id("timeline")).getText();
        assertThat(inUtc).contains("（北京时间）");
        assertThat(browser.findElement(By.id("timeline-title")).getText()).isEqualTo("进度（北京时间）");
        Browser.screenshot(browser, "track-stages");

        // the small action asks before it tells anyone power is back
        browser.findElement(By.id("cameBack")).click();
        assertThat(browser.findElement(By.id("cameBackAsk")).isDisplayed()).isTrue();
        browser.findElement(By.id("cameBackNo")).click();
        assertThat(browser.findElement(By.id("cameBackAsk")).isDisplayed()).isFalse();

        WebDriver china = Browser.open(CHINA);
        try {
            china.get(track);
            new WebDriverWait(china, Duration.ofSeconds(40))
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("facts"), "预计到达"));
            assertThat(china.findElement(By.id("facts")).getText()).isEqualTo(inUtc);
            assertThat(china.findElement(By.id("stages")).getText()).isEqualTo(stagesInUtc);
            assertThat(china.findElement(By.id("timeline")).getText()).isEqualTo(timelineInUtc);
        } finally {
            Browser.closeWithoutScriptErrors(china);
        }
    }

    @Test
    void aCrewSignsInToTasklistOnceTellsItsOrdersApartAndOpensTheBriefing() {
        ReportAnswer answer = reports.byCustomer(g.customer(1));
        Task offer = offerOf(answer);
        String crewUser = offer.getAssignee();
        staff.user(crewUser, "Crew", "Member", TestUsers.PASSWORD, StaffGroups.CREWS);
        String order = PublicIds.incident(reports.record(answer).incidentId());

        browser.manage().window().setSize(new Dimension(1280, 900));
        Browser.signInToTasklist(
                browser, url("/camunda/app/tasklist/" + engine.getName() + "/"), crewUser, TestUsers.PASSWORD);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "我的抢修单 My orders"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "接单 " + order));
        assertThat(browser.findElement(By.tagName("body")).getText())
                .as("crews start from their own orders, not All tasks")
                .doesNotContain("All tasks")
                .doesNotContain("待派工");
        Browser.screenshot(browser, "tasklist-crew");

        browser.findElement(By.partialLinkText("接单 " + order)).click();
        WebElement briefing = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".fjs-container a[href*='/crew.html?order=" + order + "']")));
        assertThat(briefing.getAttribute("target"))
                .as("the briefing opens in a new tab")
                .isEqualTo("_blank");

        browser.get(url("/crew.html?order=" + order));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("order")));
        assertThat(browser.findElement(By.id("login")).isDisplayed())
                .as("no second sign-in")
                .isFalse();
        assertThat(browser.findElement(By.id("title")).getText()).contains(order);

        // the longest form a crew fills, on a 1280×900 screen, scrolled to its end as a crew would: Complete is what a
        // tap reaches, not the footer
        String process = repairs.order(reports.record(answer).incidentId()).getId();
        repairs.completeAs(crewUser, "crews", offer, Map.of("acceptDecision", "ACCEPT"));
        g.crewAtFault(Integer.parseInt(crewUser.substring(crewUser.length() - 1)));
        repairs.completeAs(crewUser, "crews", repairs.awaitTask(process, "Task_ConfirmArrival"), Map.of());
        repairs.awaitTask(process, "Task_DiagnoseFault");
        browser.get(url("/camunda/app/tasklist/" + engine.getName() + "/"));
        wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText("故障诊断 " + order)))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "预计恢复时间 (ETR)"));
        assertThat(browser.findElement(By.tagName("body")).getText())
                .contains("北京时间 (China time)，24 小时制")
                .doesNotContain("/api/");
        WebElement complete = browser.findElement(By.xpath("//button[normalize-space(.)='Complete']"));
        Object reached = ((JavascriptExecutor) browser)
                .executeScript(
                        "var b = arguments[0]; for (var e = b.parentElement; e; e = e.parentElement) {"
                                + " if (getComputedStyle(e).overflowY === 'auto') { e.scrollTop = e.scrollHeight; } }"
                                + " var r = b.getBoundingClientRect();"
                                + " var hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
                                + " return hit === b || b.contains(hit);",
                        complete);
        Browser.screenshot(browser, "tasklist-diagnose-form");
        assertThat(reached).as("Complete is not under the footer").isEqualTo(true);
    }

    @Test
    void aDispatcherSeesReportsToLocateAndWorksOneFromTasklistWithItsFilters() {
        // a quiet moment: nothing open, nothing to locate
        jdbc.update("UPDATE gm_incident SET state = 'CLOSED' WHERE state = 'OPEN'");
        jdbc.update("UPDATE gm_report SET status = 'UNLOCATED' WHERE status = 'LOCATING'");
        Browser.signIn(browser, url("/board"), TestUsers.DISPATCHER, TestUsers.PASSWORD);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("incidents"), "没有未恢复的抢修单"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toLocate"), "没有待定位的报修"));

        ReportAnswer lost = reports.unknownCustomerFarAway("2299999999", g.t1()[0] + 0.5, g.t1()[1]);
        // the board redraws every 5 s: the row is read through its table, which stays
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toLocate"), lost.reportId()));
        assertThat(browser.findElement(By.id("toLocate")).getText())
                .contains("2299999999")
                .contains("人民大街 8 号")
                .contains("北京时间");
        Browser.screenshot(browser, "board-to-locate");

        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(url("/camunda/app/tasklist/" + engine.getName() + "/"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "待定位 To locate"));
        assertThat(browser.findElements(By.cssSelector("input[ng-model=username]")))
                .as("signed in on the board: no second sign-in")
                .isEmpty();
        String filters = browser.findElement(By.tagName("body")).getText();
        assertThat(filters).contains("待派工 To dispatch", "超时 Late", "待审核 To review");
        browser.findElement(By.partialLinkText("待定位 To locate")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText("定位 " + lost.reportId())))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "客户填写的户号"));
        String form = browser.findElement(By.tagName("body")).getText();
        assertThat(form)
                .contains("定位报修 " + lost.reportId())
                .contains("2299999999")
                .contains("人民大街 8 号")
                .contains("楼里都停了")
                .contains("户号和位置都没能")
                .doesNotContain("/api/");
        // a group's task: claimed first, then the form is the dispatcher's to fill
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[contains(., 'Claim')]")))
                .click();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//label[contains(., '放到电网上')]")))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "候选客户 (candidate customer)"));
        Browser.screenshot(browser, "tasklist-locate");
    }
}
