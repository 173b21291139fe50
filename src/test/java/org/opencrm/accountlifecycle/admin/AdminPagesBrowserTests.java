package org.opencrm.accountlifecycle.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opencrm.accountlifecycle.deletion.AccountDeletionService;
import org.opencrm.accountlifecycle.settings.LifecycleSettings;
import org.opencrm.accountlifecycle.settings.SettingsService;
import org.opencrm.accountlifecycle.support.AccountLifecycleTest;
import org.opencrm.accountlifecycle.support.HeadlessChromium;
import org.opencrm.accountlifecycle.support.TestAccounts;
import org.opencrm.accountlifecycle.support.TestData;
import org.opencrm.accountlifecycle.support.TestSmtp;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The functional administrator at work in a real browser, on the pages in French and in English. */
@AccountLifecycleTest
class AdminPagesBrowserTests {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.server();

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtime;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SettingsService settings;

    @Autowired
    AccountDeletionService deletion;

    private WebDriver browser;
    private WebDriverWait patiently;

    @BeforeEach
    void startBrowser() {
        new TestData(jdbc, runtime).reset();
        browser = HeadlessChromium.start();
        patiently = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void stopBrowser() {
        HeadlessChromium.screenshot(browser, "admin-last-page");
        browser.quit();
    }

    @Test
    void shouldShowAMessageAndKeepTheSettingsWhenTheNoticeDelayIsZero() {
        logIn("/admin/settings");

        type("noticeDelayDays", "0");
        browser.findElement(By.id("save")).click();

        WebElement error =
                patiently.until(ExpectedConditions.visibilityOfElementLocated(By.id("noticeDelayDays-error")));
        HeadlessChromium.screenshot(browser, "admin-settings-invalid-notice");
        assertThat(error.getText()).isEqualTo("Saisissez un nombre entier de jours, au moins 1 (36 500 au plus).");
        assertThat(browser.findElement(By.id("noticeDelayDays")).getAttribute("value"))
                .isEqualTo("0");
        assertThat(settings.current().noticeDelayDays()).isEqualTo(30);
    }

    @Test
    void shouldSaveTheNewDelaysWhenTheyAreValid() {
        logIn("/admin/settings");

        type("noticeDelayDays", "40");
        type("deletionDelayDays", "90");
        browser.findElement(By.id("save")).click();

        WebElement saved = patiently.until(ExpectedConditions.visibilityOfElementLocated(By.id("saved")));
        HeadlessChromium.screenshot(browser, "admin-settings-saved");
        assertThat(saved.getText()).isEqualTo("Paramètres enregistrés ; 0 compte(s) à rebours mis à jour.");
        LifecycleSettings current = settings.current();
        assertThat(current.noticeDelayDays()).isEqualTo(40);
        assertThat(current.deletionDelayDays()).isEqualTo(90);
    }

    @Test
    void shouldTurnTheMechanismOffWhenTheBoxIsUnticked() {
        logIn("/admin/settings");

        browser.findElement(By.id("enabled")).click();
        browser.findElement(By.id("save")).click();

        patiently.until(ExpectedConditions.visibilityOfElementLocated(By.id("saved")));
        assertThat(settings.current().enabled()).isFalse();
        assertThat(browser.findElement(By.id("enabled")).isSelected()).isFalse();
    }

    @Test
    void shouldExplainTheRuleWhenTheDeletionDelayIsNotLongerThanTheNoticeDelay() {
        logIn("/admin/settings?lang=en");

        type("noticeDelayDays", "60");
        type("deletionDelayDays", "60");
        browser.findElement(By.id("save")).click();

        WebElement error =
                patiently.until(ExpectedConditions.visibilityOfElementLocated(By.id("deletionDelayDays-error")));
        HeadlessChromium.screenshot(browser, "admin-settings-rule-en");
        assertThat(error.getText()).isEqualTo("The deletion delay must be longer than the notice delay.");
        assertThat(browser.findElement(By.cssSelector("label[for=noticeDelayDays]"))
                        .getText())
                .isEqualTo("Delay (days) before warning an inactive account");
        assertThat(settings.current().deletionDelayDays()).isEqualTo(60);
        assertThat(settings.current().noticeDelayDays()).isEqualTo(30);
    }

    @Test
    void shouldRenderTheNoticeForTheChosenIndividualWhenTheAdministratorPreviewsIt() {
        new TestData(jdbc, runtime)
                .individual("ind-p1", "Chloé", "<b>Lemaire</b>", Instant.parse("2026-01-05T10:00:00Z"), null);
        logIn("/admin/templates/inactivity-notice");

        type("individualId", "ind-p1");
        browser.findElement(By.id("preview")).click();

        WebElement subject = patiently.until(ExpectedConditions.visibilityOfElementLocated(By.id("preview-subject")));
        HeadlessChromium.screenshot(browser, "admin-template-preview");
        assertThat(subject.getText()).isEqualTo("Votre compte sera bientôt supprimé");
        browser.switchTo().frame("preview-body");
        assertThat(browser.findElement(By.tagName("body")).getText()).startsWith("Bonjour Chloé <b>Lemaire</b>,");
        browser.switchTo().defaultContent();
    }

    @Test
    void shouldListTheDeletionWhenTheAdministratorOpensTheRegistry() {
        new TestData(jdbc, runtime).individual("ind-r1", "Marc", "Petit", Instant.parse("2026-01-05T10:00:00Z"), null);
        deletion.deleteForInactivity("ind-r1");
        logIn("/admin/registry?method=AUTOMATIC");

        WebElement rows =
                patiently.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#entries tbody")));
        HeadlessChromium.screenshot(browser, "admin-registry");

        assertThat(browser.findElement(By.id("total")).getText()).isEqualTo("1");
        assertThat(rows.getText()).contains("ind-r1").contains("Automatique").contains("system");
        assertThat(browser.findElement(By.id("export")).getAttribute("href"))
                .contains("/api/registry.csv?")
                .contains("method=AUTOMATIC");
    }

    private void type(String field, String value) {
        WebElement input = browser.findElement(By.id(field));
        input.clear();
        input.sendKeys(value);
    }

    private void logIn(String target) {
        browser.get("http://localhost:" + port + target);
        patiently.until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
        browser.findElement(By.name("username")).sendKeys(TestAccounts.ADMINISTRATOR.username);
        browser.findElement(By.name("password")).sendKeys(TestAccounts.ADMINISTRATOR.password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        patiently.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
    }
}
