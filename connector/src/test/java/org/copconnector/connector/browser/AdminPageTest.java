package org.copconnector.connector.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.copconnector.connector.config.ConfigLoader;
import org.copconnector.connector.moodle.fake.FakeMoodle;
import org.copconnector.connector.server.Connector;
import org.copconnector.connector.testing.Clients;
import org.copconnector.connector.testing.CoursePeople;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The administrators' page against the Moodle stand-in: the connection, the set-up check, a
 * course's roster synced, a refused delivery retried once Moodle allows it; a member is turned
 * away.
 */
class AdminPageTest {

  @RegisterExtension final HeadlessChrome chrome = new HeadlessChrome();
  @TempDir Path dataDir;
  private final OkHttpClient http = Clients.asTheUi();
  private FakeMoodle fake;
  private Connector connector;
  private CoursePeople people;

  @AfterEach
  void stop() {
    if (connector != null) {
      connector.close();
    }
    if (fake != null) {
      fake.close();
    }
  }

  private void start() throws Exception {
    fake = new FakeMoodle().start();
    Map<String, String> env = new HashMap<>();
    env.put("COP_HTTP_HOST", "127.0.0.1");
    env.put("COP_HTTP_PORT", "0");
    env.put("COP_DATA_DIR", dataDir.toString());
    env.put("COP_MOODLE_URL", fake.urlString());
    env.put("COP_MOODLE_TOKEN", FakeMoodle.TOKEN);
    connector =
        Connector.start(new ConfigLoader(env, dataDir.resolve("none")).load(null), List.of());
    people = new CoursePeople(connector.database().dataSource());
  }

  private String tool(String path) {
    return "http://127.0.0.1:" + connector.port() + path;
  }

  private static WebDriverWait waiting(WebDriver driver) {
    return Waits.upTo(driver, Duration.ofSeconds(20));
  }

  /** Opens {@code path} signed in with {@code session}, once the page has drawn. */
  private WebDriver open(String session, String path, String drawn) {
    WebDriver driver = chrome.driver();
    driver.get(tool("/health"));
    driver.manage().addCookie(new Cookie("cop_session", session, "/"));
    driver.get(tool(path));
    waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id(drawn)));
    return driver;
  }

  private static void click(WebDriver driver, By by) {
    // A list is drawn again when its data comes: the control found may be replaced before the
    // click.
    waiting(driver)
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              WebElement control = ExpectedConditions.elementToBeClickable(by).apply(d);
              if (control == null) {
                return false;
              }
              control.click();
              return true;
            });
  }

  private static String text(WebDriver driver, By by) {
    return driver.findElement(by).getText();
  }

  private static void noSidewaysScroll(WebDriver driver, String where) {
    Object fits =
        ((JavascriptExecutor) driver)
            .executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth"
                    + " ? true : document.documentElement.scrollWidth + ' > ' + window.innerWidth");
    assertEquals(Boolean.TRUE, fits, where + ": the page scrolls sideways");
  }

  /**
   * Audits the page (axe-core, with a screenshot under target/journeys); with -Dscreenshots also
   * the whole page as a picture under target/screenshots for a person to see.
   */
  private void picture(WebDriver driver, String name) throws IOException {
    chrome.audit(driver, name);
    if (System.getProperty("screenshots") == null) {
      return;
    }
    Dimension window = driver.manage().window().getSize();
    long height =
        (Long)
            ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollHeight");
    driver.manage().window().setSize(new Dimension(window.getWidth(), (int) height + 100));
    Path dir = Files.createDirectories(Path.of("target", "screenshots"));
    Files.write(
        dir.resolve("AdminPageTest-" + name + ".png"),
        ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    driver.manage().window().setSize(window);
  }

  private void post(String session, String path, String body) throws IOException {
    Request request =
        new Request.Builder()
            .url(tool(path))
            .header("Cookie", "cop_session=" + session)
            .post(RequestBody.create(body, MediaType.get("application/json")))
            .build();
    try (Response r = http.newCall(request).execute()) {
      assertTrue(r.isSuccessful(), path + ": " + r.code() + " " + r.body().string());
    }
  }

  private int failedDeliveries(String admin) throws IOException {
    Request request =
        new Request.Builder()
            .url(tool("/api/v1/admin/outbox?state=failed"))
            .header("Cookie", "cop_session=" + admin)
            .build();
    try (Response r = http.newCall(request).execute()) {
      return JsonParser.parseString(r.body().string()).getAsJsonObject().get("failed").getAsInt();
    }
  }

  @Test
  void theApiDescriptionOpensFromTheAdministratorsPage() throws Exception {
    start();
    String admin = people.admin("pt");
    WebDriver driver = open(admin, "/admin", "admin");
    click(driver, By.cssSelector("a[href='/api-docs']"));
    // The first request writes the document: seconds on a busy machine.
    Waits.upTo(driver, Duration.ofSeconds(90))
        .until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#swagger-ui .opblock")));
    assertEquals("Descrição da API", text(driver, By.tagName("h1")));
    // Swagger UI draws the routes a few at a time (seconds for all on a busy machine): that it
    // draws them from the document is checked here, that the document has every route by
    // ApiDescriptionTest.
    Waits.upTo(driver, Duration.ofSeconds(30))
        .until(d -> d.findElements(By.cssSelector("#swagger-ui .opblock")).size() >= 3);
  }

  @Test
  void anAdministratorSeesTheConnectionRunsTheChecksAndSyncsACourse() throws Exception {
    start();
    String admin = people.admin("en");
    WebDriver driver = open(admin, "/admin", "admin");
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("moodle-body"), "Moodle Lab (connector test)"));
    String connection = text(driver, By.id("moodle-body"));
    assertTrue(connection.contains("answering"), connection);
    assertTrue(connection.contains("WS Connector (wsconnector, user id 3)"), connection);
    assertTrue(connection.contains("4.5+ (Build: 20241205)"), connection);
    assertTrue(connection.contains("core_webservice_get_site_info"), connection);
    assertFalse(connection.contains(FakeMoodle.TOKEN), "never the token");
    assertTrue(connection.contains("0 failed"), connection);
    noSidewaysScroll(driver, "connection");
    picture(driver, "en-moodle");

    click(driver, By.id("tab-checks"));
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("checks-summary"), "All 13 checks passed."));
    assertEquals(13, driver.findElements(By.cssSelector("#check-list > li")).size());
    assertEquals(tool("/admin#checks"), driver.getCurrentUrl());

    // The service loses a function: a new run names it, with the way to add it.
    fake.state().serviceFunctions.remove("mod_forum_add_discussion");
    click(driver, By.id("checks-run"));
    WebElement functions =
        waiting(driver)
            .until(
                ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("[data-check='moodle.functions'][data-outcome='fail']")));
    String said = functions.getText();
    assertTrue(said.contains("Functions enabled"), said);
    assertTrue(said.contains("1 function is missing from the connector's external service"), said);
    assertEquals(
        "mod_forum_add_discussion", functions.findElement(By.tagName("code")).getText(), said);
    assertTrue(said.contains("How to fix it: Add each missing function"), said);
    assertTrue(text(driver, By.id("checks-summary")).contains("1 check failed"));
    assertEquals("1", text(driver, By.id("tab-checks-badge")).strip().substring(0, 1));
    assertTrue(driver.findElement(By.id("checks-run")).isEnabled(), "ready to run again");
    noSidewaysScroll(driver, "checks");
    picture(driver, "en-checks");

    click(driver, By.id("tab-roster"));
    By science = By.cssSelector("#roster-list [data-course='2']");
    waiting(driver).until(ExpectedConditions.textToBePresentInElementLocated(science, "never"));
    // The list is redrawn while it loads: wait on the text rather than read a stale element.
    waiting(driver)
        .until(ExpectedConditions.textToBePresentInElementLocated(science, "2 participants"));
    assertEquals(2, driver.findElements(By.cssSelector("#roster-list > li")).size());
    click(driver, By.cssSelector("#roster-list [data-course='2'] button"));
    waiting(driver)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#roster-list [data-course='2'][data-state='done']")));
    String synced = text(driver, science);
    assertTrue(synced.contains("Latest sync: 1 added"), synced);
    assertTrue(synced.contains("3 participants"), synced);
    assertTrue(synced.contains("synced"), synced);
    picture(driver, "en-roster");

    driver.manage().window().setSize(new Dimension(390, 844));
    noSidewaysScroll(driver, "participants on a phone");
    picture(driver, "en-phone-roster");
    click(driver, By.id("tab-moodle"));
    noSidewaysScroll(driver, "connection on a phone");
    picture(driver, "en-phone-moodle");
  }

  @Test
  void anAdministratorOnAPhoneRetriesADeliveryMoodleRefusedOnceItIsAllowed() throws Exception {
    start();
    String admin = people.admin("pt");
    String facilitator = people.facilitator("pt");
    // The service user's role loses the right to manage groups: Moodle refuses the group write.
    fake.state().capabilities.remove("moodle/course:managegroups");
    post(
        facilitator,
        "/api/v1/communities",
        "{\"name\":\"Laboratório de Química\",\"domain\":\"Trabalho prático\"}");
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (failedDeliveries(admin) == 0) {
      assertTrue(System.nanoTime() < deadline, "the group write never failed");
      Thread.sleep(100);
    }

    chrome.driver().manage().window().setSize(new Dimension(390, 844));
    WebDriver driver = open(admin, "/admin#outbox", "admin");
    By failed = By.cssSelector("#outbox-list [data-status='failed']");
    waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(failed));
    String shown = text(driver, failed);
    assertTrue(shown.contains("Acrescentar pessoas ao grupo de uma comunidade"), shown);
    assertTrue(shown.contains("falhou"), shown);
    assertTrue(shown.contains("comunidade Laboratório de Química"), shown);
    assertTrue(shown.contains("disciplina Science Department CoP"), shown);
    assertTrue(shown.contains("para Alice Anderson"), shown);
    assertTrue(shown.contains("1 tentativa"), shown);
    assertTrue(shown.contains("Último erro: O Moodle recusou a alteração."), shown);
    // Moodle's own words only as a labelled technical detail.
    assertTrue(shown.contains("Pormenor técnico"), shown);
    assertTrue(shown.contains("nopermissions"), shown);
    assertTrue(
        text(driver, By.cssSelector("#outbox-filter [data-state='failed']")).contains("1"),
        "the count beside the filter");
    noSidewaysScroll(driver, "deliveries on a phone");
    picture(driver, "pt-phone-outbox");

    // The same cause in the set-up check: the capability to allow, named as code.
    click(driver, By.id("tab-checks"));
    WebElement groups =
        waiting(driver)
            .until(
                ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("[data-check='course.groups'][data-outcome='fail']")));
    assertTrue(groups.getText().contains("Falta esta capacidade"), groups.getText());
    assertEquals("moodle/course:managegroups", groups.findElement(By.tagName("code")).getText());
    assertTrue(
        text(driver, By.cssSelector("[data-check='course.access']"))
            .contains("Lê a disciplina SCI-COP (id 2)."),
        "the course in the reader's words");
    noSidewaysScroll(driver, "checks on a phone");
    picture(driver, "pt-phone-checks");

    fake.state().capabilities.add("moodle/course:managegroups");
    click(driver, By.id("tab-outbox"));
    click(driver, By.cssSelector("#outbox-list [data-status='failed'] button"));
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("outbox-status"),
                "Entregue: Acrescentar pessoas ao grupo de uma comunidade."));
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("outbox-list"), "Nada em espera"));
    assertTrue(driver.findElements(failed).isEmpty(), "it left the failed list");
    assertEquals(1, fake.calls("core_group_add_group_members").size(), "delivered once");
    click(driver, By.cssSelector("#outbox-filter [data-state='delivered']"));
    waiting(driver)
        .until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#outbox-list [data-status='delivered']")));
    String delivered = text(driver, By.cssSelector("#outbox-list [data-status='delivered']"));
    assertTrue(delivered.contains("2 tentativas"), delivered);
    assertTrue(delivered.contains("entregue"), delivered);
    noSidewaysScroll(driver, "delivered on a phone");
  }

  @Test
  void aMemberIsToldThePageIsForAdministrators() throws Exception {
    start();
    String member = people.member("pt");
    chrome.expectFailedRequest("/api/v1/admin/", 403);
    chrome.driver().manage().window().setSize(new Dimension(390, 844));
    WebDriver driver = open(member, "/admin", "refused");
    String refusal = text(driver, By.id("refused"));
    assertTrue(refusal.contains("Só os administradores podem fazer isto."), refusal);
    assertTrue(refusal.contains("Esta página é para os administradores do conector."), refusal);
    assertFalse(refusal.contains("only administrators"), "never the server's English");
    assertFalse(driver.findElement(By.id("admin")).isDisplayed());
    assertFalse(driver.findElement(By.id("nav-admin")).isDisplayed(), "no link for members");
    noSidewaysScroll(driver, "refusal on a phone");
    picture(driver, "pt-phone-refused");
    driver.findElement(By.linkText("Voltar à página da disciplina")).click();
    waiting(driver).until(ExpectedConditions.urlToBe(tool("/hub")));
  }

  @Test
  void theDemoAdministratorSeesTheDemoSaidSo() throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("COP_HTTP_HOST", "127.0.0.1");
    env.put("COP_HTTP_PORT", "0");
    env.put("COP_DATA_DIR", dataDir.toString());
    connector =
        Connector.start(
            new ConfigLoader(env, dataDir.resolve("none")).load(null),
            List.of(),
            Connector.Mode.EMPTY_DEMO);
    WebDriver driver = chrome.driver();
    driver.get(tool("/demo"));
    click(driver, By.xpath("//button[contains(., 'Rui Nogueira')]"));
    waiting(driver)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("me"), "Rui Nogueira"));
    click(driver, By.cssSelector("#nav-admin a"));
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("moodle-body"), "Escolas de demonstração"));
    picture(driver, "pt-demo-moodle");
    assertTrue(text(driver, By.id("moodle-body")).contains("Modo de demonstração"));
    click(driver, By.id("tab-checks"));
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("checks-summary"), "As 13 verificações passaram."));
    assertTrue(text(driver, By.id("checks-body")).contains("não precisam de configuração"));
    click(driver, By.id("tab-roster"));
    waiting(driver)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#roster-list [data-course]")));
    assertTrue(driver.findElements(By.cssSelector("#roster-list [data-course]")).size() >= 2);
    picture(driver, "pt-demo-roster");
  }
}
