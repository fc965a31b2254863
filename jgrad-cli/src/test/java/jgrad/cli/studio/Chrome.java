package jgrad.cli.studio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless chromium through its chromedriver, with the flags this closed network needs (no
 * background connections, no component updates) and a fresh profile. Never a downloaded browser;
 * when either program is missing the test fails and says what to install (./test installs them as root).
 */
final class Chrome {
    private Chrome() {}

    static final Path CHROMIUM = Path.of("/usr/bin/chromium"), DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "studio-screenshots");
    /** Selenium ships DevTools bindings for older Chromium releases only and warns at every start; the tests use none. Held: loggers are weak. */
    private static final java.util.logging.Logger DEVTOOLS = java.util.logging.Logger.getLogger("org.openqa.selenium.devtools");

    static {
        DEVTOOLS.setLevel(java.util.logging.Level.SEVERE);
    }

    static ChromeDriver start() throws IOException {
        for (Path p : new Path[] {CHROMIUM, DRIVER}) {
            if (!Files.isExecutable(p)) {
                throw new AssertionError(p + " is missing: the studio's browser tests need Debian's chromium and chromedriver;"
                        + " install them with 'apt-get install -y chromium chromium-driver' (./test does it when run as root)");
            }
        }
        Path profile = Files.createTempDirectory("jgrad-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run", "--disable-extensions",
                "--user-data-dir=" + profile, "--window-size=1500,1250", "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    static Path screenshot(ChromeDriver driver, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }
}
