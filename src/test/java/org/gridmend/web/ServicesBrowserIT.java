package org.gridmend.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gridmend.electrician.ServiceSkill;
import org.gridmend.support.Await;
import org.gridmend.support.Browser;
import org.gridmend.support.BrowserTest;
import org.gridmend.support.ElectricianFixture;
import org.gridmend.support.PhoneSignIn;
import org.gridmend.support.ReportFixture;
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
 * The social electricians' customer pages in headless Chromium: an electrician applies with a phone verified by SMS;
 * a customer books one, follows the job stage by stage, accepts the quote, and confirms and rates.
 */
@BrowserTest
class ServicesBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    ElectricianFixture electricians;

    @Autowired
    TaskService tasks;

    @Autowired
    ReportFixture reports;

    @Autowired
    JdbcTemplate jdbc;

    WebDriver browser;
    WebDriverWait wait;
    double lat;
    double lng;

    @BeforeEach
    void open() {
        browser = Browser.open();
        browser.manage().window().setSize(new Dimension(420, 1400));
        wait = new WebDriverWait(browser, Duration.ofSeconds(40));
        lat = 22 + ThreadLocalRandom.current().nextDouble(25);
        lng = 80 + ThreadLocalRandom.current().nextDouble(45);
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
        return PhoneSignIn.newPhone("137");
    }

    @Test
    void anElectricianAppliesWithAVerifiedPhone() {
        browser.get(base() + "/electricians/apply");
        signIn(newPhone());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("apply")));
        type("name", "冯国栋");
        type("certificateNo", "T" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999));
        type("certificateExpires", "20280630");
        type("lat", String.valueOf(lat));
        type("lng", String.valueOf(lng));
        browser.findElement(By.cssSelector("#apply button[type=submit]")).click();
        // a bad date is refused by its field
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("problem"), "certificateExpires"));
        type("certificateExpires", LocalDate.now().plusYears(2).toString());
        browser.findElement(By.cssSelector("input[value=EV_CHARGER]")).click();
        browser.findElement(By.cssSelector("#apply button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("doneText"), "EL"));
        assertThat(browser.findElement(By.id("doneText")).getText()).contains("申请已提交");
        Browser.screenshot(browser, "electrician-apply");
    }

    @Test
    void aCustomerBooksFollowsAcceptsTheQuoteAndRates() {
        ElectricianFixture.Electrician e = electricians.approved("蒋师傅", lat + 0.01, lng, 10, ServiceSkill.APPLIANCES);
        browser.get(base() + "/services/electrician");
        signIn(newPhone());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("request")));
        new Select(browser.findElement(By.id("skill"))).selectByValue("APPLIANCES");
        type("lat", String.valueOf(lat));
        type("lng", String.valueOf(lng));
        browser.findElement(By.id("address")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("nearby"), "附近有 1 位电工"));
        type("address", "光明路 3 号 5 楼");
        type("description", "洗衣机一开就跳闸");
        browser.findElement(By.cssSelector("#request button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/services/job?id=E-"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#stages li.done")));
        assertThat(browser.findElement(By.id("facts")).getText()).contains("家用电器");
        String id = browser.getCurrentUrl().replaceAll(".*id=", "");

        work(e, id, "Task_AcceptJob", Map.of("jobDecision", "ACCEPT", "visitFee", 30));
        work(e, id, "Task_ConfirmJobArrival", Map.of("arrivedOnSite", true));
        work(e, id, "Task_QuoteRepair", Map.of("jobCause", "APPLIANCE_FAULT", "partsFee", 20, "labourFee", 50));
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("acceptQuote")));
        assertThat(browser.findElement(By.id("elText")).getText()).contains("蒋师傅");
        assertThat(browser.findElement(By.id("quoteText")).getText()).contains("70");
        assertThat(browser.findElements(By.cssSelector("#stages li.done"))).hasSize(4);
        Browser.screenshot(browser, "electrician-job-quote");
        browser.findElement(By.id("acceptQuote")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#stages li.done"), 5));

        work(e, id, "Task_CompleteJob", Map.of("amountCharged", 100));
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm")));
        browser.findElement(By.cssSelector("#confirm input[value='4']")).click();
        browser.findElement(By.cssSelector("#confirm button[type=submit]")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#stages li.done"), 7));
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("服务已完成");
    }

    @Test
    void aBusinessAppliesForCustodyAndSeesItsContract() {
        ReportFixture.Grid grid = reports.newGrid();
        String phone = newPhone();
        jdbc.update(
                "UPDATE gm_customer SET kind = 'BUSINESS', phone = ? WHERE customer_no = ?", phone, grid.customer(1));
        browser.get(base() + "/services/custody");
        signIn(phone);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("apply")));
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#customerNo option[value='" + grid.customer(1) + "']")));
        new Select(browser.findElement(By.id("type0"))).selectByValue("TRANSFORMER");
        type("rating0", "800 kVA");
        type("maker0", "特变电工");
        type("year0", "2030");
        type("where0", "配电房南侧");
        browser.findElement(By.cssSelector("#apply button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("problem"), "equipment[0].year"));
        type("year0", "2014");
        browser.findElement(By.cssSelector("#apply button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("list"), "APPLIED"));
        assertThat(browser.findElement(By.id("list")).getText())
                .contains(grid.customer(1))
                .contains("K-");
    }

    private void work(ElectricianFixture.Electrician e, String id, String step, Map<String, Object> fields) {
        Await.until(
                () -> tasks.createTaskQuery()
                                .processInstanceBusinessKey(id)
                                .taskDefinitionKey(step)
                                .taskAssignee(e.userId())
                                .count()
                        == 1,
                30);
        Task task = tasks.createTaskQuery()
                .processInstanceBusinessKey(id)
                .taskDefinitionKey(step)
                .singleResult();
        tasks.complete(task.getId(), fields);
    }
}
