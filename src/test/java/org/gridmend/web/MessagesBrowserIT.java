package org.gridmend.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

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
import org.gridmend.support.TestPhotos;
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

/**
 * The customer writes to the crew from the tracking page while it comes, the crew reads and answers on its briefing
 * page, and the answer shows in the customer's timeline; neither page shows the other side's number.
 */
@BrowserTest
class MessagesBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    RepairFixture repairs;

    @Autowired
    ReportFixture reports;

    @Autowired
    StaffIdentitySetup staff;

    WebDriver customer;
    WebDriver crew;

    @BeforeEach
    void open() {
        TestUsers.create(staff);
        customer = Browser.open("UTC");
        crew = Browser.open("UTC");
    }

    @AfterEach
    void close() {
        if (customer != null) {
            Browser.closeWithoutScriptErrors(customer);
        }
        if (crew != null) {
            Browser.closeWithoutScriptErrors(crew);
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void aCustomerAndTheCrewExchangeMessagesOnTheirPages() throws java.io.IOException {
        RepairFixture.Grid g = repairs.newGrid().placeCrews();
        ReportAnswer answer = reports.byCustomer(g.customer(1));
        Await.until(() -> reports.record(answer).incidentId() != null, 40);
        long incidentId = reports.record(answer).incidentId();
        String order = PublicIds.incident(incidentId);
        Task offer = repairs.awaitTask(repairs.order(incidentId).getId(), "Task_AcceptRepairOrder");
        String crewUser = offer.getAssignee();
        staff.user(crewUser, "Crew", "Member", TestUsers.PASSWORD, StaffGroups.CREWS);
        WebDriverWait customerWait = new WebDriverWait(customer, Duration.ofSeconds(40));
        WebDriverWait crewWait = new WebDriverWait(crew, Duration.ofSeconds(40));

        customer.get(url("/track/" + answer.reportId() + "?token=" + answer.trackingToken()));
        customerWait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#timeline li")));
        assertThat(customer.findElement(By.id("talk")).isDisplayed())
                .as("nobody to write to before a crew accepted")
                .isFalse();

        repairs.completeAs(crewUser, "crews", offer, Map.of("acceptDecision", "ACCEPT"));
        customerWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("talk")));
        customer.findElement(By.id("talkText")).sendKeys("门口有狗，电表箱在地下室，打我 13812345678");
        customer.findElement(By.id("talkSend")).click();
        customerWait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#timeline li[data-type=MESSAGE_TO_CREW]")));
        assertThat(customer.findElement(By.cssSelector("#timeline li[data-type=MESSAGE_TO_CREW]"))
                        .getText())
                .contains("我：门口有狗")
                .doesNotContain("13812345678");

        Browser.signIn(crew, url("/crew.html?order=" + order), crewUser, TestUsers.PASSWORD);
        crewWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "门口有狗"));
        assertThat(crew.findElement(By.id("messages")).getText())
                .contains(answer.reportId())
                .doesNotContain("13812345678");
        crew.findElement(By.id("talkText")).sendKeys("收到，十分钟到，请把狗拴好");
        crew.findElement(By.cssSelector("#talkForm button[type=submit]")).click();
        crewWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "请把狗拴好"));

        customerWait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#timeline li[data-type=MESSAGE_FROM_CREW]")));
        assertThat(customer.findElement(By.cssSelector("#timeline li[data-type=MESSAGE_FROM_CREW]"))
                        .getText())
                .contains("抢修班组：收到，十分钟到，请把狗拴好")
                .doesNotContain(crewUser);
        Browser.screenshot(customer, "track-messages");

        // the crew's open page hears of the next message by itself
        customer.findElement(By.id("talkText")).sendKeys("狗已拴好");
        customer.findElement(By.id("talkSend")).click();
        crewWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "狗已拴好"));
        assertThat(crew.findElement(By.id("status")).getText()).contains("客户有新留言");

        // a photo of the meter box: the customer sees it under the message box, the crew in the thread
        Path jpeg = Files.createTempFile("meter-box", ".jpg");
        Files.write(jpeg, TestPhotos.jpeg(80, 60));
        customer.findElement(By.id("talkPhoto")).sendKeys(jpeg.toAbsolutePath().toString());
        customer.findElement(By.id("talkPhotoSend")).click();
        customerWait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#talkPhotos img.sent-photo")));
        crewWait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#messages img.customer-photo")));
        assertThat(((Number) ((org.openqa.selenium.JavascriptExecutor) crew)
                                .executeScript(
                                        "return document.querySelector('#messages img.customer-photo').naturalWidth"))
                        .intValue())
                .as("the photo loads for the crew")
                .isEqualTo(80);
        Files.deleteIfExists(jpeg);
    }
}
