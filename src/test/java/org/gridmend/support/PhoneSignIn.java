package org.gridmend.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.jdbc.core.JdbcTemplate;

/** The customer pages' phone sign-in box in a browser test: the code arrives by SMS (the outbox, in a test). */
public final class PhoneSignIn {

    private PhoneSignIn() {}

    /** Clears a field and types into it. */
    public static void type(WebDriver browser, String id, String text) {
        browser.findElement(By.id(id)).clear();
        browser.findElement(By.id(id)).sendKeys(text);
    }

    public static void signIn(WebDriver browser, WebDriverWait wait, JdbcTemplate jdbc, String phone) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signPhone")));
        type(browser, "signPhone", phone);
        browser.findElement(By.id("signSend")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("signProblem"), "验证码已发送"));
        String text = jdbc.queryForObject(
                "SELECT text FROM gm_notification WHERE event_type = 'SIGN_IN_CODE' AND phone = ? ORDER BY id DESC LIMIT 1",
                String.class,
                phone);
        Matcher code = Pattern.compile("[0-9]{6}").matcher(text);
        assertThat(code.find()).isTrue();
        type(browser, "signCode", code.group());
        browser.findElement(By.id("signGo")).click();
    }

    /** A mobile number of the prefix nobody else uses. */
    public static String newPhone(String prefix) {
        return prefix + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }
}
