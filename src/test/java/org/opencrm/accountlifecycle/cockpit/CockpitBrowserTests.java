package org.opencrm.accountlifecycle.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess;
import org.opencrm.accountlifecycle.lifecycle.LifecycleService;
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

/** An operator logs in to Cockpit and finds one running lifecycle per active individual, by business key. */
@AccountLifecycleTest
class CockpitBrowserTests {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.server();

    private static final Instant LONG_AGO = Instant.parse("2026-06-01T00:00:00Z");

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtime;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LifecycleService lifecycle;

    private WebDriver browser;
    private WebDriverWait patiently;

    @BeforeEach
    void startBrowser() {
        new TestData(jdbc, runtime).reset();
        browser = HeadlessChromium.start();
        // Cockpit loads a large single-page application; on a busy two-core machine that takes its time
        patiently = new WebDriverWait(browser, Duration.ofSeconds(90));
    }

    @AfterEach
    void stopBrowser() {
        // the last page shown, whatever happened: the first thing to look at when this test fails
        HeadlessChromium.screenshot(browser, "cockpit-last-page");
        browser.quit();
    }

    @Test
    void shouldListOneRunningLifecyclePerActiveIndividualWhenTheOperatorOpensTheDefinition() {
        TestData data = new TestData(jdbc, runtime);
        for (String id : List.of("ind-101", "ind-102", "ind-103")) {
            data.individual(id, "Prénom", "Nom", LONG_AGO, null);
            lifecycle.enrol(id);
        }

        logIn("/camunda/app/cockpit/default/");
        // the login keeps the page but not its #fragment, so the way to the processes is through the menu
        patiently
                .until(ExpectedConditions.elementToBeClickable(By.linkText("Processes")))
                .click();
        WebElement definition =
                patiently.until(ExpectedConditions.elementToBeClickable(By.linkText("Account lifecycle")));
        HeadlessChromium.screenshot(browser, "cockpit-processes");
        definition.click();
        patiently.until(ExpectedConditions.numberOfElementsToBe(instanceRows(), 3));
        HeadlessChromium.screenshot(browser, "cockpit-account-lifecycle-instances");

        List<String> rows = browser.findElements(instanceRows()).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(rows).hasSize(3);
        assertThat(String.join("\n", rows)).contains("ind-101", "ind-102", "ind-103");

        String instanceId = runtime.createProcessInstanceQuery()
                .processDefinitionKey(AccountLifecycleProcess.KEY)
                .processInstanceBusinessKey("ind-102")
                .singleResult()
                .getId();
        browser.findElement(By.linkText(instanceId)).click();
        patiently.until(ExpectedConditions.urlContains("/process-instance/" + instanceId));
        patiently.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "ind-102"));
        HeadlessChromium.screenshot(browser, "cockpit-instance-ind-102");
    }

    private By instanceRows() {
        return By.cssSelector("[cam-widget-search] ~ * table tbody tr, .process-instances table tbody tr");
    }

    private void logIn(String target) {
        browser.get("http://localhost:" + port + target);
        patiently.until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
        browser.findElement(By.name("username")).sendKeys(TestAccounts.ADMINISTRATOR.username);
        browser.findElement(By.name("password")).sendKeys(TestAccounts.ADMINISTRATOR.password);
        HeadlessChromium.screenshot(browser, "login");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }
}
