package org.copconnector.connector.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.copconnector.connector.config.ConfigLoader;
import org.copconnector.connector.server.Connector;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the demo journeys share: a connector in demo mode on a free loopback port for each test (a
 * JUnit extension), entering the demo as a sample person, and the community Filipe starts from the
 * hub that most journeys go on from.
 */
final class DemoJourney implements BeforeEachCallback, AfterEachCallback {

  /** The community the journeys start. */
  static final String COMMUNITY = "Avaliação formativa";

  private final HeadlessChrome chrome;
  private final Connector.Mode mode;
  private Path dataDir;
  private Connector connector;

  private DemoJourney(HeadlessChrome chrome, Connector.Mode mode) {
    this.chrome = chrome;
    this.mode = mode;
  }

  /** The demo without its sample content: the journeys make what they need. */
  static DemoJourney empty(HeadlessChrome chrome) {
    return new DemoJourney(chrome, Connector.Mode.EMPTY_DEMO);
  }

  /** The demo with its sample schools, people and content. */
  static DemoJourney withSamples(HeadlessChrome chrome) {
    return new DemoJourney(chrome, Connector.Mode.DEMO);
  }

  /** The environment of a connector on a free loopback port, keeping its data in dataDir. */
  static Map<String, String> baseEnv(Path dataDir) {
    Map<String, String> env = new HashMap<>();
    env.put("COP_HTTP_HOST", "127.0.0.1");
    env.put("COP_HTTP_PORT", "0");
    env.put("COP_DATA_DIR", dataDir.toString());
    return env;
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    dataDir = Files.createTempDirectory("cop-demo-");
    connector =
        Connector.start(
            new ConfigLoader(baseEnv(dataDir), dataDir.resolve("none")).load(null),
            List.of(),
            mode);
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    if (connector != null) {
      connector.close();
    }
    try (Stream<Path> files = Files.walk(dataDir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  /** The running connector's database, for the background rounds a journey runs itself. */
  javax.sql.DataSource dataSource() {
    return connector.database().dataSource();
  }

  String tool(String path) {
    return "http://127.0.0.1:" + connector.port() + path;
  }

  static WebDriverWait waiting(WebDriver driver) {
    return Waits.upTo(driver, Duration.ofSeconds(10));
  }

  void audit(WebDriver driver, String step) throws IOException {
    chrome.audit(driver, step);
  }

  static void click(WebDriver driver, String xpath) {
    waiting(driver).until(ExpectedConditions.elementToBeClickable(By.xpath(xpath))).click();
  }

  /** Enters as a demo person, in Portuguese (the language these journeys are written in). */
  void enterDemoAs(WebDriver driver, String name) {
    enterDemoAs(driver, name, Language.PORTUGUESE);
  }

  /** Enters the demo as that person, with the language chosen on the start page. */
  void enterDemoAs(WebDriver driver, String name, Language language) {
    driver.manage().deleteAllCookies();
    driver.get(tool("/demo"));
    // The page first lists everyone in the browser's language; then the language is chosen.
    waiting(driver)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.xpath("//button[contains(., '" + name + "')]")));
    new Select(driver.findElement(By.id("language"))).selectByValue(language.code());
    waiting(driver)
        .until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", language.code()));
    // The list is drawn again in the chosen language: click a button of the new one.
    waiting(driver)
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              // A button of the list drawn in the chosen language: its form carries that language.
              d.findElement(
                      By.xpath(
                          "//form[input[@name='lang' and @value='"
                              + language.code()
                              + "']]//button[contains(., '"
                              + name
                              + "')]"))
                  .click();
              return true;
            });
    // By its text, not its visible text: on a phone the menu that shows it is folded.
    waiting(driver)
        .until(d -> d.findElement(By.id("me")).getDomProperty("textContent").contains(name));
    assertEquals(language.code(), driver.findElement(By.tagName("html")).getDomAttribute("lang"));
  }

  /** Filipe, facilitator of the demo network course, starts the community from the hub. */
  WebDriver startCommunity() throws Exception {
    return startCommunity(Language.PORTUGUESE, Viewport.DESKTOP);
  }

  WebDriver startCommunity(Language language, Viewport viewport) throws Exception {
    WebDriver driver = chrome.driver(viewport);
    enterDemoAs(driver, "Filipe Ramos", language);
    audit(driver, "hub as Filipe");
    driver.findElement(By.cssSelector("#start summary")).click();
    audit(driver, "form to start a community");
    driver.findElement(By.id("c-name")).sendKeys(COMMUNITY);
    driver
        .findElement(By.id("c-domain"))
        .sendKeys("Como usamos a avaliação para ajudar os alunos a aprender");
    driver.findElement(By.id("c-subjects")).sendKeys("Biologia, Geologia");
    driver.findElement(By.cssSelector("#start-form button[type=submit]")).click();
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("community-list"), COMMUNITY));
    audit(driver, "hub with the new community");
    return driver;
  }

  /** Opens the community's page from the hub. */
  void openCommunity(WebDriver driver) throws IOException {
    waiting(driver).until(ExpectedConditions.elementToBeClickable(By.linkText(COMMUNITY))).click();
    waiting(driver).until(ExpectedConditions.textToBe(By.id("name"), COMMUNITY));
    audit(driver, "community page");
  }
}
