package org.copconnector.connector.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.copconnector.connector.config.ConfigLoader;
import org.copconnector.connector.server.Connector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The reflection, prompt and portfolio pages in demo mode, in English and in Portuguese: a survey
 * answered by five colleagues one after another, a round that cannot open twice, the prompt page on
 * a phone and the dialogue chart within its container.
 */
class ReflectionPagesTest {

  /** Members of the demo course "Ciências Experimentais — ES do Rio". */
  private static final List<String> MEMBERS =
      List.of("Gabriela Lopes", "Hugo Pereira", "Inês Carvalho", "João Martins", "Tiago Correia");

  /** What each language says where the tests look. */
  private static final Map<String, Map<String, String>> WORDS =
      Map.of(
          "en",
          Map.of(
              "facilitator", "Lúcia Gomes",
              "respondents", "5 people answered.",
              "alreadyOpen", "A round of this survey is already open, until",
              "openRound", "Open a round",
              "answered", "You have answered this round.",
              "statement", "1. Our PLC community has shared values and vision.",
              "totallyAgree", "Totally agree"),
          "pt",
          Map.of(
              "facilitator", "Filipe Ramos",
              "respondents", "Responderam 5 pessoas.",
              "alreadyOpen", "Já há uma ronda deste questionário aberta, até",
              "openRound", "Abrir uma ronda",
              "answered", "Já respondeu a esta ronda.",
              "statement", "1. A nossa comunidade tem valores e uma visão partilhados.",
              "totallyAgree", "Concordo totalmente"));

  @RegisterExtension final HeadlessChrome chrome = new HeadlessChrome();
  @TempDir Path dataDir;
  private Connector connector;

  @AfterEach
  void stop() {
    if (connector != null) {
      connector.close();
    }
  }

  private String tool(String path) {
    return "http://127.0.0.1:" + connector.port() + path;
  }

  private static WebDriverWait waiting(WebDriver driver) {
    return Waits.upTo(driver, Duration.ofSeconds(15));
  }

  private WebDriver start() throws Exception {
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
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(15));
    return driver;
  }

  private void enterDemoAs(WebDriver driver, String name) {
    driver.manage().deleteAllCookies();
    driver.get(tool("/demo"));
    waiting(driver)
        .until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//button[contains(., '" + name + "')]")))
        .click();
    // On a phone the name is in the collapsed menu: read it even when hidden.
    waiting(driver).until(ExpectedConditions.attributeContains(By.id("me"), "textContent", name));
  }

  /** Fetches from the page, as the person signed in; answers the status and the text. */
  private static Map<?, ?> fetch(WebDriver driver, String method, String path, String body) {
    return (Map<?, ?>)
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[1], {method: arguments[0], credentials: 'same-origin',"
                    + " headers: {'X-Requested-With': 'cop-connector',"
                    + " 'Content-Type': 'application/json'}, body: arguments[2]})"
                    + ".then(async (r) => done({status: r.status, text: await r.text()}))"
                    + ".catch((e) => done({status: 0, text: String(e)}));",
                method,
                path,
                body);
  }

  /** Calls the API from the page, as the person signed in; answers the status and the JSON. */
  private static Answer call(WebDriver driver, String method, String path, String body) {
    Map<?, ?> result = fetch(driver, method, path, body);
    String text = (String) result.get("text");
    return new Answer(
        ((Number) result.get("status")).intValue(),
        text == null || text.isEmpty() ? null : JsonParser.parseString(text));
  }

  /** Creates something over the API (answered 201 Created); answers what was created. */
  private static Answer create(WebDriver driver, String path, String body) {
    Answer created = call(driver, "POST", path, body);
    assertEquals(201, created.status(), String.valueOf(created.json()));
    return created;
  }

  /** The person signed in answers the prompt of that thread, with a link as evidence. */
  private static void reflect(
      WebDriver driver, String thread, String body, boolean shared, String link) {
    create(
        driver,
        "/api/v1/reflections",
        "{\"threadId\":\""
            + thread
            + "\",\"body\":\""
            + body
            + "\",\"shared\":"
            + shared
            + ",\"evidence\":{\"link\":\""
            + link
            + "\"}}");
  }

  private record Answer(int status, JsonElement json) {
    JsonObject object() {
      return json.getAsJsonObject();
    }
  }

  /**
   * Filipe starts a community in the Rio course; the five members and Lúcia join; in English Lúcia
   * facilitates it with him. Answers the community's id.
   */
  private String community(WebDriver driver, String lang) {
    enterDemoAs(driver, "Filipe Ramos");
    Answer created =
        create(
            driver,
            "/api/v1/communities",
            "{\"name\":\"Avaliação formativa\",\"domain\":\"Como avaliamos para ensinar\"}");
    String id = created.object().get("id").getAsString();
    List<String> joining = new java.util.ArrayList<>(MEMBERS);
    joining.add("Lúcia Gomes");
    for (String name : joining) {
      enterDemoAs(driver, name);
      assertEquals(200, call(driver, "POST", "/api/v1/communities/" + id + "/join", null).status());
    }
    if (lang.equals("en")) {
      enterDemoAs(driver, "Filipe Ramos");
      Answer named =
          call(
              driver,
              "PUT",
              "/api/v1/communities/" + id + "/members/d12/role",
              "{\"role\":\"facilitator\"}");
      assertEquals(200, named.status(), String.valueOf(named.json()));
    }
    return id;
  }

  /** The facilitator starts the mirror from the page; answers the survey's id. */
  private String startMirror(WebDriver driver, String community) {
    driver.get(tool("/reflection?community=" + community));
    waiting(driver)
        .until(ExpectedConditions.elementToBeClickable(By.cssSelector("#survey-box summary")))
        .click();
    driver.findElement(By.cssSelector("#new-survey button[type=submit]")).click();
    WebElement card =
        waiting(driver)
            .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".survey-card")));
    return card.getDomAttribute("id").substring("survey-".length());
  }

  /** Opens a round of a week over the API, as the person signed in. */
  private static void openRound(WebDriver driver, String survey) {
    Instant now = Instant.now();
    create(
        driver,
        "/api/v1/surveys/" + survey + "/rounds",
        "{\"opensAt\":\""
            + now.minusSeconds(60)
            + "\",\"closesAt\":\""
            + now.plusSeconds(7 * 86400)
            + "\"}");
  }

  private void openRoundOnThePage(WebDriver driver, String survey) {
    waiting(driver)
        .until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("#survey-" + survey + " form button[type=submit]")))
        .click();
  }

  private static String text(WebDriver driver, String id) {
    return driver.findElement(By.id(id)).getText();
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "pt"})
  void fiveMembersAnswerASurveyOneAfterAnotherAndTheFacilitatorSeesTheReport(String lang)
      throws Exception {
    Map<String, String> words = WORDS.get(lang);
    WebDriver driver = start();
    if (lang.equals("pt")) {
      // In Portuguese on a phone, in English on a desktop: the journey is seen at both sizes.
      chrome.phone();
    }
    String community = community(driver, lang);
    enterDemoAs(driver, words.get("facilitator"));
    Answer survey =
        create(
            driver,
            "/api/v1/surveys",
            "{\"communityId\":\"" + community + "\",\"template\":\"mirror\"}");
    openRound(driver, survey.object().get("id").getAsString());

    for (int person = 0; person < MEMBERS.size(); person++) {
      enterDemoAs(driver, MEMBERS.get(person));
      driver.get(tool("/reflection?community=" + community));
      waiting(driver)
          .until(
              ExpectedConditions.presenceOfElementLocated(
                  By.cssSelector("#surveys form input[type=radio]")));
      List<WebElement> statements = driver.findElements(By.cssSelector("#surveys form fieldset"));
      assertEquals(10, statements.size());
      for (int i = 0; i < statements.size(); i++) {
        // Each statement's legend names it, and each choice's label sits beside its radio.
        WebElement fieldset = statements.get(i);
        assertFalse(fieldset.findElement(By.tagName("legend")).getText().isBlank());
        String value = String.valueOf(1 + (person + i) % 5);
        WebElement radio = fieldset.findElement(By.cssSelector("input[value='" + value + "']"));
        WebElement label =
            fieldset.findElement(
                By.cssSelector("label[for='" + radio.getDomAttribute("id") + "']"));
        assertTrue(
            radio.getRect().getY() >= label.getRect().getY() - 2
                && radio.getRect().getY() + radio.getRect().getHeight()
                    <= label.getRect().getY() + label.getRect().getHeight() + 2
                && radio.getRect().getX() < label.getRect().getX(),
            "the label is beside its radio");
        label.click();
        assertTrue(radio.isSelected());
      }
      driver.findElement(By.cssSelector("#surveys form button[type=submit]")).click();
      waiting(driver)
          .until(
              ExpectedConditions.invisibilityOfElementLocated(
                  By.cssSelector("#surveys form input[type=radio]")));
      // Tiago reads English, the others Portuguese.
      waiting(driver)
          .until(
              ExpectedConditions.or(
                  ExpectedConditions.textToBePresentInElementLocated(
                      By.id("surveys"), WORDS.get("en").get("answered")),
                  ExpectedConditions.textToBePresentInElementLocated(
                      By.id("surveys"), WORDS.get("pt").get("answered"))));
      assertFalse(
          text(driver, "status").contains("Cannot read"), "the page still draws after answer");
    }

    enterDemoAs(driver, words.get("facilitator"));
    driver.get(tool("/reflection?community=" + community));
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("surveys"), words.get("respondents")));
    assertEquals(10, driver.findElements(By.cssSelector("#surveys .list-group-item")).size());
    List<WebElement> charts = driver.findElements(By.cssSelector("#surveys .list-group-item img"));
    assertEquals(10, charts.size());
    WebElement first = charts.get(0);
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", first);
    waitUntilLoaded(driver, first);
    assertFalse(first.getDomAttribute("alt").isBlank(), "the chart says what it shows");
    assertFitsItsContainer(driver, first);
    chrome.audit(driver, "survey report");
    Answer svg = svgOf(driver, first.getDomAttribute("src"));
    assertEquals(200, svg.status());
    String chart = svg.json().getAsString();
    assertTrue(chart.contains("viewBox=\"0 0 "), chart);
    assertTrue(chart.contains(words.get("totallyAgree")), chart);
    // The built-in statements read in the reader's language.
    assertEquals(
        words.get("statement"),
        driver.findElement(By.cssSelector("#surveys .list-group-item p")).getText());
    WebElement csv =
        driver.findElement(By.cssSelector("#surveys a[href$='/report.csv'][download]"));
    assertTrue(csv.isDisplayed());
    assertTrue(
        svgOf(driver, csv.getDomAttribute("href")).json().getAsString().contains("positive"),
        "the CSV downloads");
  }

  private static void waitUntilLoaded(WebDriver driver, WebElement img) {
    waiting(driver)
        .until(
            d ->
                (Boolean)
                    ((JavascriptExecutor) d)
                        .executeScript(
                            "return arguments[0].complete && arguments[0].naturalWidth > 0", img));
  }

  /** The reflection page's chart, once it has loaded and fits its container. */
  private WebElement chartOnReflectionPage(WebDriver driver, String community) {
    driver.get(tool("/reflection?community=" + community));
    WebElement chart =
        waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("chart")));
    waitUntilLoaded(driver, chart);
    assertFitsItsContainer(driver, chart);
    return chart;
  }

  /**
   * The SVG an image shows: from its {@code data:} address when the page drew it from its first
   * reads, else read from the page's origin.
   */
  private static String shownSvg(WebDriver driver, String src) {
    String data = "data:image/svg+xml;charset=utf-8,";
    if (src.startsWith(data)) {
      return java.net.URLDecoder.decode(
          src.substring(data.length()), java.nio.charset.StandardCharsets.UTF_8);
    }
    Answer read = svgOf(driver, src);
    assertEquals(200, read.status(), src);
    return read.json().getAsString();
  }

  /** Reads a text resource of the page's origin (the JSON field holds the text itself). */
  private static Answer svgOf(WebDriver driver, String path) {
    Map<?, ?> result = fetch(driver, "GET", path, null);
    return new Answer(
        ((Number) result.get("status")).intValue(),
        new com.google.gson.JsonPrimitive((String) result.get("text")));
  }

  private static void assertFitsItsContainer(WebDriver driver, WebElement img) {
    Map<?, ?> box =
        (Map<?, ?>)
            ((JavascriptExecutor) driver)
                .executeScript(
                    "const r = arguments[0].getBoundingClientRect();"
                        + " const p = arguments[0].parentElement.getBoundingClientRect();"
                        + " return {width: r.width, height: r.height, parent: p.width,"
                        + " screen: window.innerHeight};",
                    img);
    double width = ((Number) box.get("width")).doubleValue();
    double height = ((Number) box.get("height")).doubleValue();
    assertTrue(width > 0 && width <= ((Number) box.get("parent")).doubleValue() + 0.5, "" + box);
    assertTrue(height < ((Number) box.get("screen")).doubleValue() / 2, "not taller than " + box);
  }

  /** In Portuguese: the server's refusal is shown in the reader's language, by its code. */
  @ParameterizedTest
  @ValueSource(strings = {"pt"})
  void aSecondRoundIsRefusedWhileOneIsOpenAndThePageSaysSo(String lang) throws Exception {
    Map<String, String> words = WORDS.get(lang);
    WebDriver driver = start();
    String community = community(driver, lang);
    enterDemoAs(driver, words.get("facilitator"));
    String survey = startMirror(driver, community);
    // Someone else (another tab, a colleague) opens a round while this page still offers one.
    openRound(driver, survey);
    chrome.expectFailedRequest("/rounds", 409);
    openRoundOnThePage(driver, survey);
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#survey-" + survey + " form [role=status]"),
                words.get("alreadyOpen")));
    assertTrue(
        driver
            .findElement(By.cssSelector("#survey-" + survey + " form [role=status]"))
            .getDomAttribute("class")
            .contains("text-danger"),
        "shown as an error next to the button");
    chrome.audit(driver, "second round refused");

    driver.navigate().refresh();
    waiting(driver)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#survey-" + survey + " form input[type=radio]")));
    assertTrue(
        driver.findElements(By.xpath("//button[.='" + words.get("openRound") + "']")).isEmpty(),
        "the page offers a round only when none is open");
  }

  /** Filipe opens a prompt that asks for evidence; answers its thread. */
  private String openPrompt(WebDriver driver, String community) {
    enterDemoAs(driver, "Filipe Ramos");
    create(
        driver,
        "/api/v1/prompt-schedules",
        "{\"communityId\":\""
            + community
            + "\",\"title\":\"Observação entre pares: o que levamos para a sala de aula\","
            + "\"body\":\"<p>O que viu na aula de um colega que vai experimentar?</p>\","
            + "\"repeat\":\"once\",\"localTime\":\"18:00\",\"openDays\":7,"
            + "\"asksEvidence\":true,\"openNow\":true}");
    return call(driver, "GET", "/api/v1/prompt-schedules/dialogue?community=" + community, null)
        .json()
        .getAsJsonArray()
        .get(0)
        .getAsJsonObject()
        .get("threadId")
        .getAsString();
  }

  /** The elements that reach past the window's right edge, for a failure's message. */
  private static String widest(WebDriver driver) {
    return String.valueOf(
        ((JavascriptExecutor) driver)
            .executeScript(
                "return [...document.querySelectorAll('main *')]"
                    + ".filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)"
                    + ".map((e) => e.tagName + '#' + e.id + '.' + e.className + ' '"
                    + " + Math.round(e.getBoundingClientRect().width)).slice(0, 8).join(', ')"));
  }

  private static long overflow(WebDriver driver) {
    return (Long)
        ((JavascriptExecutor) driver)
            .executeScript(
                "return Math.round(document.documentElement.scrollWidth - window.innerWidth)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "pt"})
  void thePromptPageFitsAPhone(String lang) throws Exception {
    WebDriver driver = start();
    String community = community(driver, lang);
    String thread = openPrompt(driver, community);
    // What widens a page: a resource whose long title sizes the evidence menu, and a link with
    // nowhere to break.
    create(
        driver,
        "/api/v1/resources",
        "{\"communityId\":\""
            + community
            + "\",\"url\":\"https://escola.example/grelha\",\"title\":\"Grelha de observação"
            + " de aulas entre pares com critérios de metacognição, autorregulação e feedback"
            + " formativo para o ensino secundário\"}");
    String link =
        "https://escola.example/partilhas/ObservacaoEntrePares_CartoesDeCoresParaAsDuvidas"
            + "DosAlunosDoDecimoAnoTurmaBSegundoPeriodo.pdf";
    for (String name : List.of("Gabriela Lopes", "Tiago Correia")) {
      enterDemoAs(driver, name);
      reflect(
          driver,
          thread,
          "<p>Vi cartões de cores: "
              + "pneumoultramicroscopicossilicovulcanoconiótico"
              + "pneumoultramicroscopicossilicovulcanoconiótico.</p>",
          true,
          link);
    }
    // Hugo keeps his in the journal: it shows with its actions.
    enterDemoAs(driver, "Hugo Pereira");
    reflect(driver, thread, "<p>Ainda a pensar.</p>", false, link);

    driver.manage().window().setSize(new Dimension(390, 844));
    driver.get(tool("/prompt?thread=" + thread));
    waiting(driver)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("journal"), "pensar"));
    waiting(driver)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("answers"), "cartões"));
    assertTrue(
        (Long) ((JavascriptExecutor) driver).executeScript("return window.innerWidth") <= 390,
        "a phone's width");
    assertTrue(overflow(driver) <= 0, "no horizontal scroll for a member: " + widest(driver));
    chrome.audit(driver, "prompt page for a member on a phone");

    enterDemoAs(driver, "Filipe Ramos");
    driver.get(tool("/prompt?thread=" + thread));
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("respondents"), "Gabriela Lopes"));
    assertTrue(overflow(driver) <= 0, "no horizontal scroll for a facilitator: " + widest(driver));
    chrome.audit(driver, "prompt page for a facilitator on a phone");

    // The reflection page as the facilitator who reads this test's language.
    enterDemoAs(driver, WORDS.get(lang).get("facilitator"));
    WebElement chart = chartOnReflectionPage(driver, community);
    assertTrue(overflow(driver) <= 0, "no horizontal scroll on reflection: " + widest(driver));
    // The chart scales by its viewBox and names itself in the reader's language.
    String svg = shownSvg(driver, chart.getDomAttribute("src"));
    assertTrue(svg.contains("viewBox=\"0 0 "), svg);
    assertTrue(
        svg.contains(
            lang.equals("en")
                ? "<title id=\"chart-title\">Response rate and dialogue per prompt</title>"
                : "<title id=\"chart-title\">Taxa de resposta e diálogo por proposta</title>"),
        svg);
    assertFalse(chart.getDomAttribute("alt").isBlank(), "the chart says what it shows");
    chrome.audit(driver, "reflection page with the chart");

    enterDemoAs(driver, "Gabriela Lopes");
    driver.get(tool("/portfolio"));
    waiting(driver)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("reflections"), "cartões"));
    assertTrue(overflow(driver) <= 0, "no horizontal scroll on the portfolio: " + widest(driver));
  }

  /**
   * Addresses stored before links were checked (a javascript: evidence link, version link and link
   * in a post): every page shows them as text, never as a link.
   */
  @org.junit.jupiter.api.Test
  void storedAddressesThatAreNotWebOnesAreNeverLinks() throws Exception {
    WebDriver driver = start();
    String community = community(driver, "pt");
    String thread = openPrompt(driver, community);
    String resource =
        create(
                driver,
                "/api/v1/resources",
                "{\"communityId\":\""
                    + community
                    + "\",\"url\":\"https://escola.example/grelha\",\"title\":\"Grelha\"}")
            .object()
            .get("id")
            .getAsString();
    enterDemoAs(driver, "Gabriela Lopes");
    reflect(driver, thread, "<p>Vi cartões.</p>", true, "https://escola.example/a");
    enterDemoAs(driver, "Hugo Pereira");
    reflect(driver, thread, "<p>Ainda a pensar.</p>", false, "https://escola.example/b");
    try (var c = connector.database().dataSource().getConnection();
        var s = c.createStatement()) {
      s.executeUpdate("UPDATE reflection SET evidence_link = 'javascript:alert(1)'");
      s.executeUpdate("UPDATE resource_version SET url = 'javascript:alert(2)'");
      s.executeUpdate(
          "UPDATE post SET body = '<p>Vi <a href=\"javascript:alert(3)\">cartões</a>"
              + " e <a href=\"https://escola.example/c\">cores</a>.</p>' WHERE seq > 1");
    }

    driver.get(tool("/prompt?thread=" + thread));
    waiting(driver)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("journal"), "pensar"));
    waiting(driver)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("answers"), "cores"));
    assertOnlyWebLinks(driver, "javascript:alert(1)");
    settled(driver);
    driver.get(tool("/thread?id=" + thread));
    waiting(driver)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("posts"), "cores"));
    assertOnlyWebLinks(driver, "cartões");
    settled(driver);
    driver.get(tool("/resource?id=" + resource));
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("versions"), "javascript:alert(2)"));
    assertOnlyWebLinks(driver, "javascript:alert(2)");
    assertFalse(driver.findElement(By.id("download")).isDisplayed(), "no button to open it");
  }

  /** Waits until the page has drawn and no request of it is on its way, before leaving it. */
  private static void settled(WebDriver driver) {
    waiting(driver)
        .until(
            d ->
                "true"
                    .equals(
                        ((JavascriptExecutor) d)
                            .executeScript("return document.body.dataset.ready ?? null;")));
    RichText.settled(driver);
  }

  /** No link of the page leads anywhere but a web or mail address; the text is still shown. */
  private static void assertOnlyWebLinks(WebDriver driver, String shown) {
    Object others =
        ((JavascriptExecutor) driver)
            .executeScript(
                "const found = [];"
                    + "for (const name of ['href', 'src', 'action']) {"
                    + "  for (const e of document.querySelectorAll(`[${name}]`)) {"
                    + "    let protocol = 'invalid';"
                    + "    try { protocol = new URL(e.getAttribute(name), location.href).protocol; }"
                    + "    catch {}"
                    + "    if (!['http:', 'https:', 'mailto:'].includes(protocol)) {"
                    + "      found.push(e.getAttribute(name));"
                    + "    }"
                    + "  }"
                    + "}"
                    + "return found;");
    assertEquals(List.of(), others, driver.getCurrentUrl());
    assertTrue(
        driver.findElement(By.tagName("main")).getText().contains(shown), driver.getCurrentUrl());
  }
}
