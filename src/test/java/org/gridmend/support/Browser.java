package org.gridmend.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for browser tests, Debian's ({@code apt-get install chromium chromium-driver}); no driver is ever
 * downloaded. Where Chromium is missing the browser tests are skipped, unless {@code GRIDMEND_BROWSER_TESTS=required}
 * (as {@code .ci/run} sets it), which makes a missing browser a failure.
 */
public final class Browser {

    private static final String[] CHROMIUM = {"/usr/bin/chromium", "/usr/bin/chromium-browser"};
    private static final String[] DRIVER = {"/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"};

    private Browser() {}

    public static WebDriver open() {
        return open(null);
    }

    /**
     * A browser whose clock is in the given time zone ({@code TZ} of Chromium's process; null keeps the machine's),
     * as a crew's or customer's phone may be set: the pages must show the utility's times whatever it is.
     */
    public static WebDriver open(String timeZone) {
        File chromium = first(CHROMIUM);
        File driver = first(DRIVER);
        boolean required = "required".equals(System.getenv("GRIDMEND_BROWSER_TESTS"));
        if (chromium == null || driver == null) {
            if (required) {
                throw new IllegalStateException("GRIDMEND_BROWSER_TESTS=required but chromium or chromedriver is "
                        + "missing (apt-get install chromium chromium-driver)");
            }
            Assumptions.abort("no chromium and chromedriver here: browser test skipped");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=412,915",
                "--lang=zh-CN");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService.Builder builder =
                new ChromeDriverService.Builder().usingDriverExecutable(driver).usingAnyFreePort();
        if (timeZone != null) {
            builder.withEnvironment(Map.of("TZ", timeZone));
        }
        ChromeDriverService service = builder.build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return browser;
    }

    /**
     * Closes the browser and fails when a page logged a script error. An API's 4xx answer that the page handles is
     * logged by Chromium as a failed load; that is not a script error, nor are Tasklist's looks for a welcome page
     * and an icon that GridMend does not serve.
     */
    public static void closeWithoutScriptErrors(WebDriver browser) {
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(e ->
                        !(e.getMessage().contains("/api/") && e.getMessage().contains("Failed to load")))
                // Camunda Tasklist's own probes of resources this installation does not serve
                .filter(e -> !(e.getMessage().contains("Failed to load")
                        && (e.getMessage().contains("/camunda-welcome")
                                || e.getMessage().contains("/favicon.ico"))))
                .toList();
        browser.quit();
        if (!errors.isEmpty()) {
            throw new AssertionError("JavaScript console errors: " + errors);
        }
    }

    /** Opens a staff page and signs in through its form (the agent desk, the board, the auditor's page). */
    public static void signIn(WebDriver browser, String url, String user, String password) {
        browser.get(url);
        browser.findElement(By.id("user")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("#login button[type=submit]")).click();
    }

    /** Signs in to Camunda Tasklist through its own login form. */
    public static void signInToTasklist(WebDriver browser, String url, String user, String password) {
        browser.get(url);
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
        browser.findElement(By.cssSelector("input[ng-model=username]")).sendKeys(user);
        browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys(password);
        browser.findElement(By.cssSelector("form[name=signinForm] button[type=submit]"))
                .click();
    }

    /** Keeps what the page looks like now in target/screenshots (the README shows copies from docs/screenshots). */
    public static void screenshot(WebDriver browser, String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static File first(String[] paths) {
        for (String path : paths) {
            File file = new File(path);
            if (file.canExecute()) {
                return file;
            }
        }
        return null;
    }
}
