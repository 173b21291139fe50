package org.opencrm.accountlifecycle.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, driven headless by Debian's chromedriver (packages {@code chromium} and {@code chromium-driver};
 * {@code .ci/run} installs them). The flags keep Chromium off the network this machine does not have.
 */
public final class HeadlessChromium {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private HeadlessChromium() {}

    public static WebDriver start() {
        try {
            ChromeOptions options = new ChromeOptions()
                    .setBinary("/usr/bin/chromium")
                    .addArguments(
                            "--headless=new",
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-quic",
                            "--no-first-run",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--window-size=1400,1000",
                            "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                    .build();
            return new ChromeDriver(service, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
    public static Path screenshot(WebDriver browser, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Path taken =
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            return Files.copy(taken, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
