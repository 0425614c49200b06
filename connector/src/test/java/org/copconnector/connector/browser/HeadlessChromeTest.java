package org.copconnector.connector.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.copconnector.connector.config.ConfigLoader;
import org.copconnector.connector.server.Connector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The checks of {@link HeadlessChrome} fail a browser test: small tests ({@link Scenarios}) run
 * here through the JUnit launcher against a demo connector and tiny data: pages, and their outcomes
 * are compared with what a person would have seen.
 */
class HeadlessChromeTest {

  /** The demo connector's address while the scenarios run; without it they are skipped. */
  private static volatile String base;

  @TempDir Path dataDir;

  @Test
  void pageProblemsAndSeriousViolationsFailATestUnlessExpected() throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("COP_HTTP_HOST", "127.0.0.1");
    env.put("COP_HTTP_PORT", "0");
    env.put("COP_DATA_DIR", dataDir.toString());
    Map<String, TestExecutionResult> results = new HashMap<>();
    try (Connector connector =
        Connector.start(
            new ConfigLoader(env, dataDir.resolve("none")).load(null),
            List.of(),
            Connector.Mode.EMPTY_DEMO)) {
      base = "http://127.0.0.1:" + connector.port();
      LauncherFactory.create()
          .execute(
              LauncherDiscoveryRequestBuilder.request()
                  .selectors(selectClass(Scenarios.class))
                  .build(),
              new TestExecutionListener() {
                @Override
                public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                  if (test.isTest()) {
                    results.put(test.getDisplayName().replace("()", ""), result);
                  }
                }
              });
    } finally {
      base = null;
    }
    assertEquals(9, results.size(), results.keySet().toString());
    failsWith(
        results, "aMissingTranslation", "console error: Missing translation: journeys.nothing");
    failsWith(results, "aConsoleError", "console error: The chart could not be drawn");
    failsWith(results, "anUncaughtError", "uncaught error: Error: thrown by the page");
    failsWith(results, "anUnhandledRejection", "uncaught error: Error: rejected by the page");
    failsWith(results, "aFailedRequest", "failed request: 404 GET " + "http://127.0.0.1:");
    failsWith(results, "aSeriousAccessibilityViolation", "label (critical)");
    failsWith(results, "aPageWiderThanAPhone", "px wide in a window of 390 px");
    passes(results, "anExpectedRefusalAndConsoleError");
    passes(results, "theDemoStartPage");
    Path journey = Path.of("target", "journeys", "Scenarios");
    assertTrue(Files.exists(journey.resolve("theDemoStartPage/01-demo-start-page.png")));
    assertTrue(Files.exists(journey.resolve("theDemoStartPage/axe-report.md")));
    assertTrue(Files.exists(journey.resolve("aConsoleError/failure-1.png")));
  }

  private static void failsWith(
      Map<String, TestExecutionResult> results, String scenario, String message) {
    TestExecutionResult result = results.get(scenario);
    assertEquals(TestExecutionResult.Status.FAILED, result.getStatus(), scenario);
    String text = result.getThrowable().orElseThrow().getMessage();
    assertTrue(text.contains(message), scenario + " failed with: " + text);
  }

  private static void passes(Map<String, TestExecutionResult> results, String scenario) {
    TestExecutionResult result = results.get(scenario);
    assertEquals(
        TestExecutionResult.Status.SUCCESSFUL,
        result.getStatus(),
        () -> scenario + ": " + result.getThrowable().map(Throwable::getMessage).orElse(""));
  }

  /** Browser tests that provoke what the checks look for; run only from the test above. */
  static class Scenarios {

    @RegisterExtension final HeadlessChrome chrome = new HeadlessChrome();

    private WebDriver open(String html) {
      assumeTrue(base != null, "run by HeadlessChromeTest");
      WebDriver driver = chrome.driver();
      driver.get("data:text/html;charset=utf-8," + html);
      return driver;
    }

    private WebDriver openDemo() {
      assumeTrue(base != null, "run by HeadlessChromeTest");
      WebDriver driver = chrome.driver();
      driver.get(base + "/demo");
      Waits.upTo(driver, Duration.ofSeconds(10))
          .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#courses button")));
      return driver;
    }

    @Test
    void aMissingTranslation() {
      WebDriver driver = openDemo();
      // The pages' own translator, asked for a key no bundle has.
      ((JavascriptExecutor) driver)
          .executeAsyncScript(
              "const done = arguments[0];"
                  + "import('/assets/js/i18n.js').then((i18n) => i18n.load('en'))"
                  + ".then((t) => done(t('journeys.nothing')));");
    }

    @Test
    void aConsoleError() {
      open("<main><h1>Chart</h1><script>console.error('The chart could not be drawn')</script>");
    }

    @Test
    void anUncaughtError() {
      open("<main><h1>Page</h1><script>throw new Error('thrown by the page')</script>");
    }

    @Test
    void anUnhandledRejection() {
      open("<main><h1>Page</h1><script>Promise.reject(new Error('rejected by the page'))</script>");
    }

    @Test
    void aFailedRequest() {
      WebDriver driver = openDemo();
      ((JavascriptExecutor) driver)
          .executeAsyncScript("fetch('/assets/js/nothing.js').then(() => arguments[0]())");
    }

    @Test
    void anExpectedRefusalAndConsoleError() {
      chrome.expectFailedRequest("/api/v1/hub", 401);
      chrome.expectConsoleError("as it should");
      WebDriver driver = openDemo();
      ((JavascriptExecutor) driver)
          .executeAsyncScript(
              "fetch('/api/v1/hub').then(() => { console.error('refused, as it should');"
                  + " arguments[0](); })");
    }

    @Test
    void aSeriousAccessibilityViolation() throws Exception {
      WebDriver driver = open("<main><h1>Form</h1><input id=x></main>");
      chrome.audit(driver, "unlabelled field");
    }

    @Test
    void aPageWiderThanAPhone() throws Exception {
      chrome.phone();
      WebDriver driver =
          open(
              "<html lang=en><title>Wide</title><main><h1>Wide</h1>"
                  + "<div style='width:600px'>A table too wide</div></main>");
      chrome.audit(driver, "wide page on a phone");
    }

    @Test
    void theDemoStartPage() throws Exception {
      chrome.audit(openDemo(), "demo start page");
    }
  }
}
