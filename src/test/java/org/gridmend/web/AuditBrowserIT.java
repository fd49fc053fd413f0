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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The auditor's page in headless Chromium: search by customer, open the report's trace (GridMend's records and
 * Camunda's history, masked), follow the link into Cockpit, check the chain.
 */
@BrowserTest
class AuditBrowserIT {

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
    void anAuditorFindsAReportAndReadsWhatHappenedAndWhatTheCustomerWasTold() {
        ReportAnswer answer = reports.submit(new ReportRequest(
                UUID.randomUUID().toString(), Channel.APP, g.customer(1), "13811112222", null, "长春市审计路1号", "停电", null));
        Await.until(() -> reports.record(answer).incidentId() != null, 30);
        long incidentId = reports.record(answer).incidentId();
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

        browser.manage().window().setSize(new Dimension(1280, 1600));
        Browser.signIn(browser, "http://localhost:" + port + "/audit", TestUsers.AUDITOR, TestUsers.PASSWORD);

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("customerNo")))
                .sendKeys(g.customer(1));
        browser.findElement(By.cssSelector("#search button[type=submit]")).click();
        By hit = By.xpath("//a[@class='hit' and text()='" + answer.reportId() + "']");
        wait.until(ExpectedConditions.elementToBeClickable(hit)).click();

        By entries = By.cssSelector("#entries tr");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#entries tr[data-type='ACCEPTED']")));
        String table = browser.findElement(By.id("entries")).getText();
        assertThat(table)
                .contains("REPORT_RECEIVED")
                .contains("TRIAGE_OPENED")
                .contains("CREW_OFFERED")
                .contains("ACTIVITY_userTask")
                .contains("MESSAGE_ACKNOWLEDGED")
                .contains("user:" + offer.getAssignee());
        assertThat(browser.findElements(entries)).hasSizeGreaterThan(10);
        String customer = browser.findElement(By.id("customer")).getText();
        assertThat(customer)
                .contains("138****2222")
                .doesNotContain("13811112222")
                .doesNotContain("审计路1号");
        // no unmasking for an auditor outside the pii group
        assertThat(browser.findElement(By.id("unmaskLabel")).isDisplayed()).isFalse();
        assertThat(browser.findElements(By.cssSelector("a.cockpit-link")))
                .isNotEmpty()
                .allSatisfy(a -> assertThat(a.getAttribute("href")).contains("/camunda/app/cockpit/default/#/"));

        // the business view: GridMend's records and what the customer was told, without the engine's steps
        new Select(browser.findElement(By.id("show"))).selectByValue("gridmend");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#entries tr.src-CAMUNDA_ACTIVITY")));
        assertThat(browser.findElement(By.id("entries")).getText())
                .contains("CREW_OFFERED")
                .contains("OUTBOX");

        browser.findElement(By.id("verify")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chain.ok")));
        assertThat(browser.findElement(By.id("chain")).getText()).contains("完整");
        Browser.screenshot(browser, "audit");
    }
}
