package org.copconnector.connector.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.copconnector.connector.config.ConfigLoader;
import org.copconnector.connector.server.Connector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page as each role sees it, on the demo's sample content: a member, a facilitator and an
 * administrator walk from the course hub through a community, a thread, the bank, a resource, the
 * reflection page, a prompt, their reflections, the administration page and the training actions
 * (the list, a running action, its session's roster for trainers, a closed one), each in both
 * languages and at both sizes (paired so that every page is seen in each language and at each
 * size). At every page (and on a laptop again with its folded forms opened) axe-core checks it and
 * no bundle key nor (on a Portuguese page) an English sentence of the bundle may show; the harness
 * fails on any console error or failed request.
 */
class PageTourTest {

  private static final String COURSE = "demo-cie-rio";
  private static final String COMMUNITY = "Trabalho laboratorial investigativo";

  @RegisterExtension final HeadlessChrome chrome = new HeadlessChrome();
  @TempDir static Path dataDir;
  private static Connector connector;
  private static String closedAction;
  private WebDriver driver;
  private Language language;
  private Viewport viewport;

  @BeforeAll
  static void startDemo() throws Exception {
    Map<String, String> env =
        Map.of(
            "COP_HTTP_HOST", "127.0.0.1",
            "COP_HTTP_PORT", "0",
            "COP_DATA_DIR", dataDir.resolve("data").toString());
    connector =
        Connector.start(
            new ConfigLoader(env, dataDir.resolve("none")).load(null),
            List.of(),
            Connector.Mode.DEMO);
    closedAction = SampleTraining.make(connector.port(), COURSE);
  }

  @AfterAll
  static void stopDemo() {
    if (connector != null) {
      connector.close();
    }
  }

  static Stream<Arguments> tours() {
    return Stream.of(
        Arguments.of("Gabriela Lopes", Language.ENGLISH, Viewport.DESKTOP),
        Arguments.of("Gabriela Lopes", Language.PORTUGUESE, Viewport.PHONE),
        Arguments.of("Filipe Ramos", Language.PORTUGUESE, Viewport.DESKTOP),
        Arguments.of("Filipe Ramos", Language.ENGLISH, Viewport.PHONE),
        Arguments.of("Rui Nogueira", Language.ENGLISH, Viewport.DESKTOP),
        Arguments.of("Rui Nogueira", Language.PORTUGUESE, Viewport.PHONE));
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("tours")
  void everyPageOfTheRoleReadsWellAndPassesTheAudit(
      String person, Language language, Viewport viewport) throws Exception {
    this.language = language;
    this.viewport = viewport;
    driver = chrome.driver(viewport);
    boolean admin = person.startsWith("Rui");
    boolean trainee = person.startsWith("Gabriela");
    enterDemoAs(person);
    look("course hub");

    follow(By.linkText(COMMUNITY));
    waitForText(By.id("name"), COMMUNITY);
    look("community");

    String community = driver.getCurrentUrl();
    follow(By.cssSelector("#threads a"));
    look("thread");

    driver.get(community);
    waitUntilReady();
    follow(By.id("bank-link"));
    look("resource bank");

    follow(By.cssSelector("#results a"));
    look("resource");

    driver.get(community);
    waitUntilReady();
    follow(By.id("reflection-link"));
    look("reflection");

    follow(By.cssSelector("#openings a"));
    look("prompt");

    open("/portfolio");
    look("my reflections");

    if (!admin) {
      chrome.expectFailedRequest("/api/v1/admin/status", 403);
    }
    open("/admin");
    assertEquals(admin, driver.findElement(By.id("refused")).getAttribute("hidden") != null);
    look("administration");

    open("/training?course=" + COURSE);
    look("training actions");
    follow(By.linkText(SampleTraining.RUNNING));
    waitForText(By.id("title"), SampleTraining.RUNNING);
    look("training action");
    if (!trainee) {
      follow(By.cssSelector("#sessions a[href^='/training-session']"));
      look("training session");
    }
    open("/training-action?id=" + closedAction);
    waitForText(By.id("title"), SampleTraining.CLOSED);
    look("closed training action");
  }

  /**
   * Each page draws from one API request per load (its first reads travel together, see early.js),
   * for the course's trainer and facilitator and for its administrator, on content that fills every
   * part of the page: the sample community's threads, files and prompts, a training action with
   * sessions held, attendance marked and trainees' portfolios.
   */
  @Test
  void everyPageDrawsFromOneApiRequest() {
    language = Language.ENGLISH;
    driver = chrome.driver(Viewport.DESKTOP);
    chrome.expectFailedRequest("/api/v1/admin/status", 403);
    Map<String, List<String>> requests = new LinkedHashMap<>();
    for (String person : List.of("Filipe Ramos", "Rui Nogueira")) {
      enterDemoAs(person);
      requests.put(person + ": course hub", apiRequests());
      visit(By.linkText(COMMUNITY));
      requests.put(person + ": community", apiRequests());
      String community = driver.getCurrentUrl();
      visit(By.cssSelector("#threads a"));
      requests.put(person + ": thread", apiRequests());
      driver.get(community);
      waitUntilReady();
      visit(By.id("bank-link"));
      requests.put(person + ": resource bank", apiRequests());
      visit(By.cssSelector("#results a"));
      requests.put(person + ": resource", apiRequests());
      driver.get(community);
      waitUntilReady();
      visit(By.id("reflection-link"));
      // A survey's results come with the page's first reads; the chart of each statement is a
      // picture the browser fetches beside the data, as it does the pictures of posts.
      requests.put(
          person + ": reflection",
          apiRequests().stream()
              .filter(path -> !path.matches("/api/v1/surveys/.+/chart\\.svg"))
              .toList());
      visit(By.cssSelector("#openings a"));
      requests.put(person + ": prompt", apiRequests());
      open("/portfolio");
      requests.put(person + ": my reflections", apiRequests());
      open("/admin");
      requests.put(person + ": administration", apiRequests());
      open("/training?course=" + COURSE);
      requests.put(person + ": training actions", apiRequests());
      visit(By.linkText(SampleTraining.RUNNING));
      requests.put(person + ": training action", apiRequests());
      String action = driver.getCurrentUrl();
      visit(By.cssSelector("#sessions a[href^='/training-session']"));
      requests.put(person + ": training session", apiRequests());
      driver.get(action);
      waitUntilReady();
      visit(By.cssSelector("#trainees a[href^='/training-portfolio']"));
      requests.put(person + ": trainee's portfolio", apiRequests());
      open("/training-action?id=" + closedAction);
      requests.put(person + ": closed training action", apiRequests());
    }
    Map<String, List<String>> more =
        requests.entrySet().stream()
            .filter(e -> e.getValue().size() != 1)
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertEquals(Map.of(), more, "pages drawn from more than one API request");
  }

  /** The API requests the page made until it was ready (their addresses, without the query). */
  @SuppressWarnings("unchecked")
  private List<String> apiRequests() {
    return (List<String>)
        js(
            "const ready = performance.getEntriesByName('page-ready')[0].startTime;"
                + "return performance.getEntriesByType('resource')"
                + ".filter((e) => new URL(e.name).pathname.startsWith('/api/')"
                + " && e.startTime < ready).map((e) => new URL(e.name).pathname);");
  }

  /** Opens where a link of the page leads (it may be in a folded part) and waits until ready. */
  private void visit(By link) {
    waiting().until(ExpectedConditions.presenceOfElementLocated(link));
    driver.get(driver.findElement(link).getAttribute("href"));
    waitUntilReady();
  }

  /**
   * Audits the page as it opens, then, on a laptop, with every folded form unfolded (what a click
   * on each would show), and checks its words. Each role unfolds every page once, on its laptop
   * tour: the forms hold the same words and markup at both sizes.
   */
  private void look(String step) throws Exception {
    RichText.startShown(driver); // the audit includes the editors
    checkWords(step);
    chrome.audit(driver, step);
    if (viewport == Viewport.PHONE) {
      return;
    }
    Long folded =
        (Long)
            js(
                "const closed = [...document.querySelectorAll('details:not([open])')]"
                    + ".filter((d) => d.offsetParent !== null);"
                    + "closed.forEach((d) => { d.open = true; }); return closed.length;");
    if (folded > 0) {
      waitUntilIdle();
      RichText.startShown(driver);
      checkWords(step + " unfolded");
      chrome.audit(driver, step + " unfolded");
    }
  }

  /**
   * No bundle key shows as such, and a Portuguese page shows no sentence of the English bundle that
   * Portuguese says otherwise (the sample content is Portuguese, so the reverse is not checked).
   */
  @SuppressWarnings("unchecked")
  private void checkWords(String step) {
    Map<String, String> english = Language.ENGLISH.strings();
    Map<String, String> own = language.strings();
    List<String> keys =
        english.keySet().stream().filter(k -> k.matches("[a-z]+(\\.[A-Za-z0-9]+)+")).toList();
    List<String> sentences =
        language == Language.ENGLISH
            ? List.of()
            : english.entrySet().stream()
                .filter(e -> !e.getValue().equals(own.get(e.getKey())))
                .map(Map.Entry::getValue)
                .filter(v -> v.length() >= 16 && !v.contains("{") && v.contains(" "))
                .toList();
    List<String> found =
        (List<String>)
            js(
                "const text = document.body.innerText;"
                    + "return [...arguments[0].filter((k) => new RegExp('(^|[\\\\s(])' + k.replaceAll('.', '\\\\.') + '($|[\\\\s).:,])').test(text)),"
                    + " ...arguments[1].filter((s) => text.includes(s))];",
                keys,
                sentences);
    assertTrue(
        found.isEmpty(),
        "step \""
            + step
            + "\" at "
            + driver.getCurrentUrl()
            + " shows untranslated text: "
            + found);
  }

  private void enterDemoAs(String person) {
    driver.manage().deleteAllCookies();
    driver.get(tool("/demo"));
    waiting()
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.xpath("//button[contains(., '" + person + "')]")));
    new Select(driver.findElement(By.id("language"))).selectByValue(language.code());
    click(
        By.xpath(
            "//form[input[@name='course' and @value='"
                + COURSE
                + "']][input[@name='lang' and @value='"
                + language.code()
                + "']]//button[contains(., '"
                + person
                + "')]"));
    // On a phone the name is inside the folded menu: its text is there, not shown.
    waiting().until(d -> d.findElement(By.id("me")).getDomProperty("textContent").contains(person));
    waitUntilReady();
    assertEquals(language.code(), driver.findElement(By.tagName("html")).getAttribute("lang"));
  }

  private void open(String path) {
    driver.get(tool(path));
    waitUntilReady();
  }

  private void click(By target) {
    waiting()
        .ignoring(StaleElementReferenceException.class)
        .ignoring(ElementNotInteractableException.class)
        .until(
            d -> {
              d.findElement(target).click();
              return true;
            });
  }

  /** Clicks a link and waits for the page it leads to. */
  private void follow(By link) {
    String before = driver.getCurrentUrl();
    click(link);
    waiting().until(d -> !d.getCurrentUrl().equals(before));
    waitUntilReady();
  }

  private void waitForText(By target, String text) {
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(target, text));
  }

  /** Until the page has drawn what its first requests brought (ui.js marks it). */
  private void waitUntilReady() {
    waiting().until(d -> "true".equals(js("return document.body.dataset.ready ?? null;")));
  }

  /** Until the requests a click started have answered and been drawn. */
  private void waitUntilIdle() {
    ((JavascriptExecutor) driver)
        .executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "requestAnimationFrame(() => setTimeout(done, 300));");
  }

  private Object js(String script, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(script, arguments);
  }

  private WebDriverWait waiting() {
    return Waits.upTo(driver, Duration.ofSeconds(15));
  }

  private static String tool(String path) {
    return "http://127.0.0.1:" + connector.port() + path;
  }
}
