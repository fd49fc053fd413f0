package org.gridmend.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.gridmend.core.StaffGroups;
import org.gridmend.learning.LearningMapper;
import org.gridmend.learning.LearningService;
import org.gridmend.repair.GridAssignmentService;
import org.gridmend.security.StaffIdentitySetup;
import org.gridmend.support.Await;
import org.gridmend.support.Browser;
import org.gridmend.support.BrowserTest;
import org.gridmend.support.LearningFixture;
import org.gridmend.support.RepairFixture;
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
 * The pages of the crews' side of the work in headless Chromium: a dispatcher draws a grid on the map, a crew studies
 * on /learn (the time it spends is recorded) and is sent to its exam, and the month's performance table with its
 * charts.
 */
@BrowserTest
class CrewWorkBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    RepairFixture repairs;

    @Autowired
    LearningFixture courses;

    @Autowired
    LearningService learning;

    @Autowired
    GridAssignmentService grids;

    @Autowired
    StaffIdentitySetup staff;

    @Autowired
    JdbcTemplate jdbc;

    RepairFixture.Grid g;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void open() {
        TestUsers.create(staff);
        g = repairs.newGrid();
        staff.user(g.user(1), "Crew", "K1", TestUsers.PASSWORD, StaffGroups.CREWS);
        browser = Browser.open();
        browser.manage().window().setSize(new Dimension(1280, 900));
        wait = new WebDriverWait(browser, Duration.ofSeconds(40));
    }

    @AfterEach
    void close() {
        if (browser != null) {
            Browser.closeWithoutScriptErrors(browser);
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }

    /** Clicks a map marker as a pointer would: Leaflet listens on the SVG path. */
    private void clickMarker(String area) {
        WebElement marker =
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#map path.area-" + area)));
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", marker);
    }

    @Test
    void aDispatcherDrawsAGridByPickingAreasOnTheMap() {
        // T3 already belongs to K2's grid
        grids.assign(g.crew(2), java.util.List.of(g.node("T3")), null, "test");
        Browser.signIn(browser, base() + "/grids", TestUsers.DISPATCHER, TestUsers.PASSWORD);
        wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#crew option[value='" + g.crew(1) + "']")));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("crew"))).selectByValue(g.crew(1));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("deputy"))).selectByValue(g.crew(3));
        clickMarker(g.node("T1"));
        clickMarker(g.node("T2"));
        clickMarker(g.node("T3"));
        assertThat(browser.findElement(By.id("problem")).getText())
                .contains(g.node("T3"))
                .contains(g.crew(2));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pickedCount"), "2"));
        browser.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("saved"), "已保存：2 个台区"));
        GridAssignmentService.Grid saved = grids.grid(g.crew(1));
        assertThat(saved.transformerIds()).containsExactlyInAnyOrder(g.node("T1"), g.node("T2"));
        assertThat(saved.deputyCrewId()).isEqualTo(g.crew(3));

        // the board colours the areas by grid and counts those without a grid member
        browser.get(base() + "/board");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#map path.grid-" + g.crew(1))));
        assertThat(browser.findElements(By.cssSelector("#map path.grid-" + g.crew(1))))
                .hasSize(2);
        assertThat(browser.findElement(By.id("grids")).getText())
                .contains(g.crew(1))
                .contains("2 个台区");
        assertThat(browser.findElement(By.id("unownedCount")).getText()).matches("（\\d+）");
        Browser.screenshot(browser, "grids");
    }

    @Test
    void aCrewStudiesOnItsPhoneAndIsSentToItsExam() throws InterruptedException {
        courses.importCourse();
        LearningMapper.LearningRow row = learning.start(g.crew(1), "LV", LearningService.Reason.ASSIGNED, "test");
        browser.manage().window().setSize(new Dimension(400, 850));
        Browser.signIn(browser, base() + "/learn", g.user(1), TestUsers.PASSWORD);
        By lesson = By.cssSelector(".lesson button[data-lesson='L1']");
        wait.until(ExpectedConditions.elementToBeClickable(lesson)).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("learnings"), "先验电再挂接地线。"));
        assertThat(browser.findElement(By.id("certs")).getText()).contains("LV");
        assertThat(browser.findElement(By.id("untilHead")).getText()).contains("北京时间");
        // a few seconds on L1, then on to L2: the time on L1 is sent
        Thread.sleep(3000);
        browser.findElement(By.cssSelector(".lesson button[data-lesson='L2']")).click();
        Await.until(
                () -> jdbc.queryForObject(
                                "SELECT COALESCE(SUM(seconds), 0) FROM gm_lesson_time WHERE learning_id = ? AND lesson_id = 'L1'",
                                Integer.class,
                                row.id())
                        >= 2,
                10);
        browser.findElement(By.cssSelector("button.studied")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.exam")));
        assertThat(browser.findElement(By.cssSelector("a.exam")).getAttribute("href"))
                .contains("/camunda/app/tasklist/");
        assertThat(browser.findElement(By.id("status")).getText()).contains("Tasklist");
        Browser.screenshot(browser, "learn");
    }

    @Test
    void theMonthsPerformanceShowsATableAndChartsOfTheLastTwelveMonths() {
        Browser.signIn(browser, base() + "/performance", TestUsers.DISPATCHER, TestUsers.PASSWORD);
        By row = By.cssSelector("#rows tr[data-crew='" + g.crew(1) + "']");
        wait.until(ExpectedConditions.presenceOfElementLocated(row));
        assertThat(browser.findElement(By.id("head")).getText())
                .contains("按时到达")
                .contains("综合得分");
        browser.findElement(row).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chartsTitle"), g.crew(1)));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".chart-score svg")));
        assertThat(browser.findElements(By.cssSelector("#charts .chart"))).hasSize(10);
        assertThat(browser.findElement(By.id("csv")).getAttribute("href")).contains("format=csv");
        Browser.screenshot(browser, "performance");
    }
}
