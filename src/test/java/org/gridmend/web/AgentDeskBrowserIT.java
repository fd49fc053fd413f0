package org.gridmend.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.gridmend.report.Channel;
import org.gridmend.report.ReportAnswer;
import org.gridmend.report.ReportRequest;
import org.gridmend.security.StaffIdentitySetup;
import org.gridmend.support.Await;
import org.gridmend.support.Browser;
import org.gridmend.support.BrowserTest;
import org.gridmend.support.ReportFixture;
import org.gridmend.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hotline agent desk in headless Chromium: a dispatcher signs in, enters a caller's customer number, sees the
 * incident already known there and the sentence to tell the caller before submitting, and registers the call as a
 * HOTLINE report; a crew user is turned away.
 */
@BrowserTest
class AgentDeskBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    ReportFixture reports;

    @Autowired
    StaffIdentitySetup staff;

    @Autowired
    JdbcTemplate jdbc;

    ReportFixture.Grid g;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void open() {
        TestUsers.create(staff);
        g = reports.newGrid();
        browser = Browser.open();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void close() {
        if (browser != null) {
            Browser.closeWithoutScriptErrors(browser);
        }
    }

    private void signIn(String user) {
        Browser.signIn(browser, "http://localhost:" + port + "/agent", user, TestUsers.PASSWORD);
    }

    @Test
    void anAgentSeesTheKnownIncidentAndWhatToSayBeforeRegisteringTheCall() {
        // a neighbour reported in the app a moment ago
        ReportAnswer first = reports.submit(new ReportRequest(
                UUID.randomUUID().toString(), Channel.APP, g.customer(1), null, null, null, "停电", null));
        Await.until(() -> reports.record(first).incidentId() != null, 30);
        String order = String.format("R-%08d", reports.record(first).incidentId());

        signIn(TestUsers.DISPATCHER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("call")));
        // the caller knows only the address: the agent finds the customer by it
        browser.findElement(By.id("address"))
                .sendKeys(g.doc().customers().get(1).address());
        browser.findElement(By.id("findAddress")).click();
        wait.until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("#matches button[data-customer='" + g.customer(2) + "']")))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("say"), order));
        assertThat(browser.findElement(By.id("say")).getText()).contains("无需重复报修");
        assertThat(browser.findElement(By.id("customer")).getText())
                .contains(g.node("T1"))
                .contains("****");

        browser.findElement(By.id("phone")).sendKeys("13900001111");
        browser.findElement(By.id("description")).sendKeys("客户来电：整栋楼停电");
        Browser.screenshot(browser, "agent");
        browser.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
        String reportId = browser.findElement(By.id("reportId")).getText();
        assertThat(reportId).startsWith("B-");
        assertThat(browser.findElement(By.id("answer")).getText()).contains(order);
        assertThat(jdbc.queryForObject(
                        "SELECT channel FROM gm_report WHERE customer_no = ?", String.class, g.customer(2)))
                .isEqualTo("HOTLINE");
    }

    @Test
    void aCrewUserCannotUseTheDesk() {
        signIn(TestUsers.CREW);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("loginProblem"), "不是调度员"));
        assertThat(browser.findElement(By.id("call")).isDisplayed()).isFalse();
    }
}
