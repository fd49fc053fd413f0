package org.gridmend.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.gridmend.report.Channel;
import org.gridmend.report.ReportAnswer;
import org.gridmend.report.ReportRequest;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dispatcher board in headless Chromium: open orders with their reports and arrival commitment, the crew that
 * accepted, crews on the map, and today's figures, refreshed while the orders move.
 */
@BrowserTest
class BoardBrowserIT {

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

    RepairFixture.Grid g;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void open() {
        TestUsers.create(staff);
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

    @Test
    void aDispatcherWatchesOpenOrdersCrewsAndTodaysFigures() {
        ReportAnswer first = reports.submit(new ReportRequest(
                UUID.randomUUID().toString(), Channel.APP, g.customer(1), null, null, null, "停电", null));
        Await.until(() -> reports.record(first).incidentId() != null, 30);
        long incidentId = reports.record(first).incidentId();
        String order = String.format("R-%08d", incidentId);

        browser.manage().window().setSize(new Dimension(1280, 900));
        Browser.signIn(browser, "http://localhost:" + port + "/board", TestUsers.DISPATCHER, TestUsers.PASSWORD);

        By row = By.cssSelector("#incidents tr[data-incident='" + order + "']");
        wait.until(ExpectedConditions.presenceOfElementLocated(row));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "分钟"));
        assertThat(browser.findElement(row).getText()).contains(g.p() + "-");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#map path.incident-" + order)));
        assertThat(browser.findElements(By.cssSelector("#map path.crew"))).hasSizeGreaterThanOrEqualTo(4);
        // the grid the map is drawn on: GridMend's own transformer areas, no tiles from the internet
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#map path.area")));
        assertThat(browser.findElements(By.cssSelector("#map path.feeder"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#map img.leaflet-tile")))
                .isEmpty();
        assertThat(browser.findElement(By.id("figures")).getText()).contains("今日报修");

        // the crew accepts: the board shows its number at the next refresh
        String processId = repairs.order(incidentId).getId();
        Await.until(
                () -> engine.getTaskService()
                                .createTaskQuery()
                                .processInstanceId(processId)
                                .taskDefinitionKey("Task_AcceptRepairOrder")
                                .count()
                        == 1,
                40);
        Task offer = engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(processId)
                .taskDefinitionKey("Task_AcceptRepairOrder")
                .singleResult();
        repairs.completeAs(offer.getAssignee(), "crews", offer, Map.of("acceptDecision", "ACCEPT"));
        String employeeNo =
                (g.p() + "0" + offer.getAssignee().substring(offer.getAssignee().length() - 1)).toUpperCase();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(row, employeeNo));
        Browser.screenshot(browser, "board");
    }
}
