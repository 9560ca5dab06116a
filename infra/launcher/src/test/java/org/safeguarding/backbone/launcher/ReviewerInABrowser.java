package org.safeguarding.backbone.launcher;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A reviewer at a browser (Debian's Chromium, headless), signing in to the chronology's timeline page with the
 * backbone's identity provider, as ADR 0016 has it: the page sends the browser to the provider's sign-in form, the
 * reviewer signs in as their agency, and comes back to the page.
 */
final class ReviewerInABrowser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver browser;

    private ReviewerInABrowser(ChromeDriver browser) {
        this.browser = browser;
    }

    /** Whether this machine has Chromium to try it in (.ci/run installs it). */
    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    static ReviewerInABrowser open(Path profile) {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1100", "--user-data-dir=" + profile);
        return new ReviewerInABrowser(new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build(), options));
    }

    /** Opens {@code url}; where that is the identity provider's sign-in form, signs in there as {@code agency}. */
    String openSignedInAs(String url, String agency) {
        browser.get(url);
        if (!browser.findElements(By.id("username")).isEmpty()) {
            String signIn = browser.getCurrentUrl();
            browser.findElement(By.id("username")).sendKeys(agency);
            browser.findElement(By.id("password")).sendKeys("dev-only-" + agency);
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            // the click may return before the browser has left the form (a busy machine): wait for it to leave,
            // through the redirects back to the page (or to the form again, saying why, if the sign-in failed)
            await("the browser leaving the sign-in form").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100)).until(() -> !browser.getCurrentUrl().equals(signIn));
        }
        return browser.getCurrentUrl();
    }

    /** Where the browser is, and what the page says. */
    String currentUrl() {
        return browser.getCurrentUrl();
    }

    String heading() {
        return browser.findElements(By.tagName("h1")).stream().findFirst().map(h -> h.getText()).orElse("");
    }

    String text() {
        return browser.findElement(By.tagName("body")).getText();
    }

    String readAs() {
        return browser.findElement(By.id("read-as")).getText();
    }

    /** The value of the browser's cookie {@code name} for the site it is on. */
    String cookie(String name) {
        return browser.manage().getCookieNamed(name).getValue();
    }

    /** Signs out of everything on the host (the page's session and the provider's: cookies are per host). */
    void forget() {
        browser.manage().deleteAllCookies();
    }

    @Override
    public void close() {
        browser.quit();
    }
}
