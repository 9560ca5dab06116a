package org.safeguarding.backbone.chronology.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.testsupport.BackboneInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The reviewers' timeline page as a reviewer sees it, in a real headless Chromium (Debian's chromium and
 * chromium-driver, which .ci/run installs; skipped, saying so, where they are not installed): the lanes, the pattern
 * marked, filters and the "as known at" view used from the keyboard, every control labelled, text contrast to WCAG
 * 2.2 AA. A screenshot is kept at target/screenshots/timeline.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"local", "test"})
// its Kafka listeners must stop with the class: other contexts in this JVM join the same consumer group
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TimelinePageInABrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String CHILD = "9990001502";

    /** WCAG 2.2 AA: text contrast at least 4.5:1, for the text of each kind on the page. */
    private static final String CONTRAST = """
            function lum(c) {
              const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map(Number).map(v => v / 255)
                .map(v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
              return 0.2126 * r + 0.7152 * g + 0.0722 * b;
            }
            function background(e) {
              for (; e; e = e.parentElement) {
                const c = getComputedStyle(e).backgroundColor;
                if (c && !/rgba\\(.*,\\s*0\\)$/.test(c) && c !== 'transparent') return c;
              }
              return 'rgb(255, 255, 255)';
            }
            return [...document.querySelectorAll(arguments[0])].map(e => {
              const a = lum(getComputedStyle(e).color), b = lum(background(e));
              return e.tagName + ' ' + (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
            });""";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
    }

    @LocalServerPort int port;
    @Autowired KafkaTemplate<String, SpecificRecord> kafka;
    @Autowired JdbcTemplate jdbc;

    private ChromeDriver browser;

    @BeforeEach
    void browser(@TempDir Path profile) {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium is not installed here (apt-get install chromium chromium-driver; .ci/run does): the "
                        + "timeline page is not tried in a browser");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1100", "--user-data-dir=" + profile);
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aReviewerSeesTheLanes_thePatternMarked_andUsesTheFiltersFromTheKeyboard() throws Exception {
        Instant monday = Instant.parse("2026-09-21T09:00:00Z");
        kafka.send(Topics.REFERRALS, CHILD, ChronologyTest.share(CHILD, "share-1101-" + CHILD, "school-a",
                List.of("csc-a"), monday)).get();
        kafka.send(Topics.REFERRALS, CHILD, ChronologyTest.share(CHILD, "share-1102-" + CHILD, "gp-a",
                List.of("csc-a"), monday.plusSeconds(3600))).get();
        kafka.send(Topics.REFERRALS, CHILD, ChronologyTest.share(CHILD, "share-1103-" + CHILD, "police-a",
                List.of("csc-a"), monday.plusSeconds(7200))).get();
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from chronology_entry where child_id = ?", Integer.class, CHILD) == 4);

        // signed in with HTTP Basic and the lead agency's development credentials (local profile), sent with every
        // request: a browser not signed in is sent to the identity provider (ADR 0016; BackboneEndToEndIT signs in
        // there, with ./run's token issuer, which this test does not have)
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization",
                "Basic " + Base64.getEncoder().encodeToString("csc-a:dev-only-csc-a".getBytes(StandardCharsets.UTF_8)))));
        browser.get("http://127.0.0.1:" + port + "/reviewer/children/" + CHILD + "/timeline");

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Timeline of child " + CHILD);
        assertThat(browser.findElement(By.id("read-as")).getText()).isEqualTo("LEAD_AGENCY");
        assertThat(browser.findElements(By.cssSelector("#timeline thead th")).stream().map(WebElement::getText))
                .containsExactly("When it happened", "school-a", "gp-a", "police-a", "backbone");
        WebElement pattern = browser.findElement(By.cssSelector("td.act.pattern"));
        assertThat(pattern.getText()).startsWith("Pattern flagged: PatternDetected")
                .contains("3 agencies raised concerns about the child within 7 days.");
        assertThat(browser.findElements(By.cssSelector("#timeline tbody tr"))).hasSize(4);
        screenshot();

        // every control has a label; the text meets AA contrast
        JavascriptExecutor page = browser;
        assertThat((Long) page.executeScript("return [...document.querySelectorAll("
                + "'input:not([type=hidden]), select')].filter(e => e.labels.length === 0).length")).isZero();
        @SuppressWarnings("unchecked")
        List<String> contrasts = (List<String>) page.executeScript(CONTRAST,
                "body p, th, td, a, button, label, legend, .flag, .meta, h1, h2, caption");
        assertThat(contrasts).isNotEmpty().allSatisfy(contrast ->
                assertThat(Double.parseDouble(contrast.substring(contrast.indexOf(' ') + 1)))
                        .as(contrast).isGreaterThanOrEqualTo(4.5));

        // from the keyboard: the first stop is the skip link, which leads to the timeline
        new Actions(browser).sendKeys(Keys.TAB).perform();
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Skip to the timeline");
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        assertThat(browser.getCurrentUrl()).endsWith("#timeline");

        // only the GP's lane, chosen with the space bar and sent with Enter
        WebElement gp = browser.findElement(By.cssSelector("input[name=agency][value=gp-a]"));
        gp.sendKeys(Keys.SPACE);
        WebElement before = browser.findElement(By.id("timeline"));
        browser.findElement(By.id("as-known-at")).sendKeys(Keys.ENTER);
        // the form is sent and a new page comes: wait for it, not for the old one
        await().atMost(Duration.ofSeconds(10)).until(() -> gone(before));
        assertThat(browser.findElements(By.cssSelector("#timeline tbody tr"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("#timeline caption")).getText())
                .isEqualTo("1 acts, one lane per agency");

        // what the school knew an hour after it shared: its own share, not the GP's or the police's
        browser.get("http://127.0.0.1:" + port + "/reviewer/children/" + CHILD + "/timeline");
        browser.findElement(By.cssSelector("#known-by option[value='school-a']")).click();
        WebElement moment = browser.findElement(By.id("as-known-at"));
        moment.sendKeys(monday.plusSeconds(3599).toString());
        WebElement unfiltered = browser.findElement(By.id("timeline"));
        moment.sendKeys(Keys.ENTER);
        await().atMost(Duration.ofSeconds(10)).until(() -> gone(unfiltered));
        assertThat(browser.findElement(By.id("timeline-heading")).getText())
                .isEqualTo("What school-a knew at " + monday.plusSeconds(3599));
        assertThat(browser.findElements(By.cssSelector("#timeline tbody tr"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("#timeline td.act")).getText()).contains("its own act");
        assertThat(browser.findElement(By.id("export-csv")).getAttribute("href"))
                .contains("/timeline.csv").contains("knownBy=school-a");
    }

    /** True once {@code element} belongs to a page the browser has left. */
    private static boolean gone(WebElement element) {
        try {
            element.isDisplayed();
            return false;
        } catch (StaleElementReferenceException left) {
            return true;
        }
    }

    private void screenshot() throws Exception {
        Path shot = Path.of("target", "screenshots", "timeline.png");
        Files.createDirectories(shot.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
    }
}
