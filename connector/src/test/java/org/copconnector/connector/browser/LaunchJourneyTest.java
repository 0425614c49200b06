package org.copconnector.connector.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.copconnector.connector.config.ConfigLoader;
import org.copconnector.connector.lti.TestPlatform;
import org.copconnector.connector.server.Connector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Opening the tool from Moodle in a real browser: the registration and an LTI launch from a test
 * platform, and a forged launch refused. Every page state is audited (axe-core) and kept as a
 * screenshot under target/journeys/LaunchJourneyTest/.
 */
class LaunchJourneyTest {

  @RegisterExtension final HeadlessChrome chrome = new HeadlessChrome();
  @TempDir Path dataDir;
  private TestPlatform platform;
  private Connector connector;

  private void startWithPlatform() throws Exception {
    platform = new TestPlatform();
    Map<String, String> env = baseEnv();
    env.putAll(platform.manualRegistration());
    connector =
        Connector.start(new ConfigLoader(env, dataDir.resolve("none")).load(null), List.of());
  }

  private Map<String, String> baseEnv() {
    return DemoJourney.baseEnv(dataDir);
  }

  @AfterEach
  void stop() {
    if (connector != null) {
      connector.close();
    }
    if (platform != null) {
      platform.close();
    }
  }

  private String tool(String path) {
    return "http://127.0.0.1:" + connector.port() + path;
  }

  private WebDriverWait waiting(WebDriver driver) {
    return Waits.upTo(driver, Duration.ofSeconds(10));
  }

  private void audit(WebDriver driver, String step) throws IOException {
    chrome.audit(driver, step);
  }

  /**
   * What Moodle does when a teacher opens the activity: the browser goes to the tool's login
   * address.
   */
  private void openFromMoodle(WebDriver driver) {
    driver.get(tool("/lti/login?" + platform.loginQuery(tool("/lti/launch"))));
  }

  @Test
  void anAdministratorRegistersTheToolThenATeacherOpensTheHubFromMoodle() throws Exception {
    platform = new TestPlatform();
    Map<String, String> env = baseEnv();
    env.put("COP_LTI_TRUSTED_ISSUERS", platform.issuer());
    connector =
        Connector.start(new ConfigLoader(env, dataDir.resolve("none")).load(null), List.of());
    WebDriver driver = chrome.driver();
    // What Moodle's "Add LTI Advantage" opens: the registration URL with its two parameters.
    driver.get(
        tool(
            "/lti/register?openid_configuration="
                + platform.url("/mod/lti/openid-configuration.php")
                + "&registration_token="
                + TestPlatform.REGISTRATION_TOKEN));
    assertEquals("CoP Connector is registered", driver.findElement(By.tagName("h1")).getText());
    assertEquals(1, platform.registrations().size());
    audit(driver, "registered");

    openFromMoodle(driver);
    waiting(driver)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("me"), "Alice Anderson"));
    assertEquals(tool("/hub"), driver.getCurrentUrl());
    assertEquals("Science Department CoP", driver.findElement(By.id("course-title")).getText());
    // The launch asked for Portuguese.
    assertEquals("pt", driver.findElement(By.tagName("html")).getDomAttribute("lang"));
    assertTrue(
        driver.findElement(By.id("me")).getText().contains("dinamizador"),
        driver.findElement(By.id("me")).getText());
    assertTrue(
        driver.findElement(By.id("empty")).isDisplayed(), "the empty state explains communities");
    assertTrue(driver.findElement(By.id("empty")).getText().contains("comunidade de prática"));
    assertFalse(driver.findElement(By.id("demo-banner")).isDisplayed(), "not a demo");
    audit(driver, "hub opened from Moodle");
  }

  @Test
  void aForgedLaunchIsRefusedAndOpensNoSession() throws Exception {
    startWithPlatform();
    platform.signBrowserLaunchesWith(TestPlatform.newKey("platform-key-1"));
    chrome.expectFailedRequest(tool("/lti/launch"), 401);
    chrome.expectFailedRequest(tool("/api/v1/hub"), 401);
    WebDriver driver = chrome.driver();
    openFromMoodle(driver);
    waiting(driver).until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
    // The launch asked for Portuguese: its refusal is in Portuguese too.
    assertEquals(
        "Não foi possível abrir o conector", driver.findElement(By.tagName("h1")).getText());
    assertTrue(driver.getPageSource().contains("BAD_SIGNATURE"));
    audit(driver, "launch refused");
    driver.get(tool("/hub"));
    waiting(driver)
        .until(ExpectedConditions.attributeContains(By.id("status"), "class", "text-danger"));
    assertTrue(
        driver.findElement(By.id("status")).getText().contains("Moodle"),
        driver.findElement(By.id("status")).getText());
    audit(driver, "hub without a session");
  }
}
