package com.storefront.display.reconciler.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.failure.FailureStatus;
import com.storefront.display.core.failure.FailureStore;
import com.storefront.display.localstack.junit.WithLocalStack;
import com.storefront.display.reconciler.TestUpstream;
import com.storefront.display.simulator.EmbeddedSimulator;
import com.storefront.display.testkit.cassandra.TestKeyspace;
import com.storefront.display.testkit.ops.OpsClient;

/**
 * The ops page in Debian's headless Chromium: executions with progress, the drift chart, and a failure
 * replayed by clicking its button. CI installs {@code chromium} and {@code chromium-driver}
 * ({@code .ci/run}) and sets {@code OPS_PAGE_TEST_REQUIRED}, so there a missing browser fails the test.
 */
@WithLocalStack
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "display.metadata-dir=./target/it-metadata-${random.uuid}",
        "display.reconciler.schedule.enabled=false"})
class OpsPageIT {

    private static final String KEYSPACE = TestKeyspace.unique("reconciler_page_it");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    static EmbeddedSimulator embedded;

    @Value("${local.server.port}")
    int port;

    @Autowired
    FailureStore failures;

    WebDriver browser;

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) {
        embedded = TestUpstream.forContext(registry, KEYSPACE, 12, 600, 42);
    }

    @AfterAll
    static void stopUpstream() {
        TestUpstream.stop(embedded, KEYSPACE);
    }

    /** Before the context starts: without a browser there is nothing to start it for. */
    @BeforeAll
    static void browserInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (System.getenv("OPS_PAGE_TEST_REQUIRED") != null) {
            assertThat(installed).as("Debian's chromium and chromium-driver are installed").isTrue();
        }
        if (!installed) {
            System.out.println("OpsPageIT skipped: no headless Chromium; to run it: apt-get install chromium chromium-driver");
        }
        assumeTrue(installed, "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
    }

    @BeforeEach
    void openBrowser() {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void showsExecutionsAndDriftAndReplaysAFailureOnAClick() throws Exception {
        OpsClient ops = OpsClient.local(port);
        long reconcile = ops.reconcile(Map.of()).complete().executionId();
        String marker = UUID.randomUUID().toString();
        UUID failure = failures.record(TestUpstream.TOPICS.of(Domain.PRICE), 2, 77, System.currentTimeMillis(), "5",
                ("{\"unreadable\": \"" + marker + "\"").getBytes(StandardCharsets.UTF_8), "unreadable JSON", "PoisonRecord", false);

        browser.get("http://ops:ops@127.0.0.1:" + port + "/ops/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        WebElement failureRow = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#failures tr[data-failure-id='" + failure + "']")));

        assertThat(browser.findElement(By.cssSelector("#executions tr[data-execution-id='" + reconcile + "']")).getText())
                .contains("reconcile").contains("COMPLETED").contains("100");
        assertThat(browser.findElements(By.cssSelector("#drift-chart rect[data-execution-id='" + reconcile + "']"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("#runs tr[data-execution-id='" + reconcile + "']")).getText())
                .contains("COMPLETED");
        assertThat(failureRow.getText()).contains(TestUpstream.TOPICS.of(Domain.PRICE)).contains("2/77").contains("unreadable JSON").contains("NEW");

        failureRow.findElement(By.cssSelector("button.replay")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "now REPLAYED"));

        assertThat(failures.find(failure)).hasValueSatisfying(f -> assertThat(f.status()).isEqualTo(FailureStatus.REPLAYED));
        // the page refreshes after the action: the list of NEW failures no longer shows it
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#failures tr[data-failure-id='" + failure + "']"), 0));
    }
}
