package org.gridmend.web;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.gridmend.rental.Caller;
import org.gridmend.rental.Checklist;
import org.gridmend.rental.ItemListing;
import org.gridmend.rental.ItemView;
import org.gridmend.rental.RentalListingService;
import org.gridmend.rental.RentalPartyService;
import org.gridmend.support.Await;
import org.gridmend.support.Browser;
import org.gridmend.support.BrowserTest;
import org.gridmend.support.PhoneSignIn;
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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rental pages in headless Chromium: a customer finds the utility's generator for next weekend, books it,
 * follows the owner's confirmation, signs the handover and rates it on the parcel-style timeline; another customer
 * lists a generator of their own for review.
 */
@BrowserTest
class RentalBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    RentalListingService listings;

    @Autowired
    RentalPartyService parties;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    JdbcTemplate jdbc;

    WebDriver browser;
    WebDriverWait wait;
    double lat;
    double lng;

    @BeforeEach
    void open() {
        browser = Browser.open();
        browser.manage().window().setSize(new Dimension(420, 1600));
        wait = new WebDriverWait(browser, Duration.ofSeconds(40));
        lat = 30 + ThreadLocalRandom.current().nextDouble(10);
        lng = 100 + ThreadLocalRandom.current().nextDouble(10);
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

    private void type(String id, String text) {
        PhoneSignIn.type(browser, id, text);
    }

    private void signIn(String phone) {
        PhoneSignIn.signIn(browser, wait, jdbc, phone);
    }

    private static String newPhone() {
        return PhoneSignIn.newPhone("133");
    }

    private void clickIn(String cardCss, String text) {
        wait.until(ExpectedConditions.elementToBeClickable(
                        By.xpath("//*[@id='" + cardCss + "']//button[contains(., '" + text + "')]")))
                .click();
    }

    @Test
    void aCustomerFindsAGeneratorForNextWeekendBooksItAndFollowsItToTheRating() {
        ItemView generator = listings.addUtilityItem(
                "trental",
                new ItemListing(
                        UUID.randomUUID().toString(),
                        "GENERATOR",
                        "潍柴 100 kW 应急发电车",
                        "100 kW",
                        Map.of("powerKw", 100, "fuel", "DIESEL", "phases", "3"),
                        lat,
                        lng,
                        "供电公司物资仓库",
                        1200,
                        8000,
                        1,
                        7,
                        false,
                        null));
        LocalDate saturday = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);
        while (saturday.getDayOfWeek() != DayOfWeek.SATURDAY) {
            saturday = saturday.plusDays(1);
        }
        browser.get(base() + "/rental");
        new Select(browser.findElement(By.id("type"))).selectByValue("GENERATOR");
        type("from", saturday.toString());
        type("to", saturday.plusDays(1).toString());
        type("lat", String.valueOf(lat));
        type("lng", String.valueOf(lng));
        type("radius", "10");
        browser.findElement(By.cssSelector("#search button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("hit-" + generator.id()), "2400"));
        clickIn("hit-" + generator.id(), "预订");
        signIn(newPhone());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("book")));
        browser.findElement(By.cssSelector("#book button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rented"), "待确认"));
        String booking = wait.until(d -> {
            try {
                return d.findElement(By.cssSelector("#rented article"))
                        .getAttribute("id")
                        .substring(8);
            } catch (org.openqa.selenium.StaleElementReferenceException drawnAgain) {
                return null;
            }
        });

        // the utility's rental staff confirm in Tasklist, take the payment and fill the handover checklist
        Await.until(
                () -> tasks.createTaskQuery()
                                .processInstanceBusinessKey(booking)
                                .taskDefinitionKey("Task_ConfirmRentalBooking")
                                .count()
                        == 1,
                30);
        tasks.complete(
                tasks.createTaskQuery()
                        .processInstanceBusinessKey(booking)
                        .singleResult()
                        .getId(),
                Map.of("rentalDecision", "CONFIRM"));
        Caller staff = Caller.staff("trental");
        parties.payment(staff, booking, "CASH");
        parties.handover(staff, booking, new Checklist("GOOD", 88.5, "机油已换 oil changed", null));
        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("booking-" + booking), "88.5"));
        clickIn("booking-" + booking, "签字确认交付");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("booking-" + booking), "租用中"));
        // the page draws its bookings again after each step: each wait looks at the card as it is drawn now
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#booking-" + booking + " .stages li.done:nth-child(4)"), "已交付"));

        parties.returned(staff, booking, new Checklist("GOOD", 96, null, null));
        Await.until(
                () -> runtime.createEventSubscriptionQuery()
                                .eventName("Message_RentalRatedByRenter")
                                .processInstanceId(runtime.createProcessInstanceQuery()
                                        .processInstanceBusinessKey(booking)
                                        .singleResult()
                                        .getId())
                                .count()
                        == 1,
                30);
        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("booking-" + booking), "已完成"));
        clickIn("booking-" + booking, "提交评价");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#booking-" + booking + " .stages"), "已评价"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#booking-" + booking + " .timeline"), "已确认"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#booking-" + booking + " .timeline"), "押金退还 8000"));
    }

    @Test
    void aCustomerListsAGeneratorForReview() {
        browser.get(base() + "/rental/list");
        signIn(newPhone());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("listing")));
        new Select(browser.findElement(By.id("listType"))).selectByValue("GENERATOR");
        type("listTitle", "雅马哈 5 kW 汽油发电机");
        type("listRating", "5 kW");
        type("listPlace", "朝阳区小区车库");
        type("listLat", String.valueOf(lat));
        type("listLng", String.valueOf(lng));
        type("listPrice", "120");
        type("listDeposit", "1500");
        browser.findElement(By.cssSelector("#listing button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("listProblem"), "spec.powerKw"));
        browser.findElements(By.cssSelector("#listSpec input")).get(0).sendKeys("5");
        new Select(browser.findElements(By.cssSelector("#listSpec select")).get(0)).selectByValue("GASOLINE");
        browser.findElement(By.cssSelector("#listing button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("listProblem"), "ownershipDeclared"));
        browser.findElement(By.id("listOwn")).click();
        browser.findElement(By.cssSelector("#listing button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("itemList"), "审核中"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("itemList"), "雅马哈 5 kW 汽油发电机"));
    }
}
