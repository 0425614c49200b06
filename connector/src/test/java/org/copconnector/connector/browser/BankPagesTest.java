package org.copconnector.connector.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.copconnector.connector.bank.Documents;
import org.copconnector.connector.config.ConfigLoader;
import org.copconnector.connector.server.Connector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The resource bank and resource pages in a real browser, in English and in Portuguese: adding a
 * file and a link, refused uploads explained by the file control, "I used this" counted once per
 * person with the notes shown, rating and commenting, importing a course's files, and a phone's
 * width without sideways scrolling.
 */
class BankPagesTest {

  private static final String COURSE = "demo-cie-rio";

  @RegisterExtension final HeadlessChrome chrome = new HeadlessChrome();
  @TempDir Path dataDir;
  private Connector connector;

  @BeforeEach
  void start() throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("COP_HTTP_HOST", "127.0.0.1");
    env.put("COP_HTTP_PORT", "0");
    env.put("COP_DATA_DIR", dataDir.toString());
    env.put("COP_RESOURCES_UPLOAD_MAX_MIB", "1");
    connector =
        Connector.start(
            new ConfigLoader(env, dataDir.resolve("none")).load(null),
            List.of(),
            Connector.Mode.EMPTY_DEMO);
  }

  @AfterEach
  void stop() {
    if (connector != null) {
      connector.close();
    }
  }

  @Test
  void aFacilitatorFillsTheBankInPortuguese() throws Exception {
    WebDriver driver = chrome.driver();
    enter(driver, "d07", "Filipe Ramos");
    String community = startCommunity(driver, "Avaliação formativa");
    String other = startCommunity(driver, "Laboratório aberto");
    // Two clicks from the course hub: the community, then its bank.
    driver.get(tool("/hub"));
    click(driver, By.linkText("Avaliação formativa"));
    click(driver, By.id("bank-link"));
    waiting(driver)
        .until(
            ExpectedConditions.textToBe(
                By.id("heading"), text("pt", "bank.of", "name", "Avaliação formativa")));
    assertTrue(
        driver
            .findElement(By.id("export-link"))
            .getDomAttribute("href")
            .endsWith("/api/v1/resources/export?community=" + community));
    chrome.audit(driver, "bank");

    String resource = addUseRateAndComment(driver, "pt");

    // The author's tools: a new version as a link, who finds it, another bank, the forum.
    click(driver, By.id("v-source-link"));
    driver.findElement(By.id("v-url")).sendKeys("https://example.org/grelha-v2");
    driver.findElement(By.id("v-note")).sendKeys("Critérios revistos");
    click(driver, By.cssSelector("#version button[type=submit]"));
    waiting(driver)
        .until(
            ExpectedConditions.textToBe(
                By.id("version-status"), text("pt", "resource.versionAdded")));
    assertEquals(2, driver.findElements(By.cssSelector("#versions > li")).size());
    assertTrue(
        driver
            .findElement(By.cssSelector("#versions > li"))
            .getText()
            .contains("Critérios revistos"));
    click(driver, By.id("visibility-site"));
    waiting(driver)
        .until(
            ExpectedConditions.textToBe(By.id("visibility-status"), text("pt", "resource.saved")));
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("badges"), text("pt", "visibility.site")));
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("share")))
        .selectByValue(other);
    click(driver, By.id("share-button"));
    waiting(driver)
        .until(ExpectedConditions.textToBe(By.id("share-status"), text("pt", "resource.shared")));
    assertTrue(driver.findElement(By.id("shared-with")).getText().contains("Laboratório aberto"));
    // No forum is chosen for the course yet: the refusal says where to choose one.
    chrome.expectFailedRequest("/forum-posts", 409);
    click(driver, By.id("forum-button"));
    WebElement way =
        waiting(driver)
            .until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#forum-status a")));
    assertEquals(text("pt", "resource.chooseForum"), way.getText());
    chrome.audit(driver, "no forum chosen");
    assertTrue(way.getDomAttribute("href").endsWith("/community?id=" + community));

    // Importing the course's files: one at a time, with progress and a summary.
    driver.get(tool("/bank?community=" + community));
    click(driver, By.cssSelector("#import-box summary"));
    click(driver, By.cssSelector("#import-list button[type=submit]"));
    waiting(driver)
        .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#import-files > li"), 3));
    click(driver, By.id("import-all"));
    click(driver, By.cssSelector("#import button[type=submit]"));
    waiting(driver)
        .until(
            ExpectedConditions.textToBe(
                By.id("import-status"),
                text("pt", "bank.importFinished.other", "count", "2")
                    + " "
                    + text("pt", "bank.importFailed.one", "count", "1")));
    assertEquals(
        "100", driver.findElement(By.id("import-progress")).getDomAttribute("aria-valuenow"));
    WebElement refused =
        driver.findElement(
            By.xpath(
                "//ul[@id='import-outcomes']/li[contains(., 'fotografias-visita-de-estudo.zip')]"));
    assertTranslatedError("pt", refused.findElement(By.cssSelector(".text-danger.w-100")));
    chrome.audit(driver, "import finished");
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("results"), "Planificação da unidade — Ecossistemas"));
    assertFalse(resource.isEmpty());
  }

  @Test
  void aTeacherUsesTheBankInEnglishOnAPhone() throws Exception {
    WebDriver driver = chrome.driver();
    driver.manage().window().setSize(new Dimension(390, 844));
    enter(driver, "d07", "Filipe Ramos");
    String community = startCommunity(driver, "Formative assessment");
    enter(driver, "d20", "Tiago Correia");
    call(driver, "POST", "/api/v1/communities/" + community + "/join", null);
    driver.get(tool("/community?id=" + community));
    click(driver, By.id("bank-link"));
    waiting(driver)
        .until(
            ExpectedConditions.textToBe(
                By.id("heading"), text("en", "bank.of", "name", "Formative assessment")));
    chrome.audit(driver, "bank on a phone");
    assertFitsThePhone(driver);

    addUseRateAndComment(driver, "en");
    assertFitsThePhone(driver);
    click(driver, By.id("community-link"));
    waiting(driver)
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results a")));
    assertFitsThePhone(driver);
  }

  /**
   * From a bank page: two refused uploads, a file, "I used this" twice, a rating, a comment, then a
   * link; ends on the file's resource page and returns its id.
   */
  private String addUseRateAndComment(WebDriver driver, String lang) throws Exception {
    // The two refused uploads below: a ZIP file and a file over the limit.
    chrome.expectFailedRequest("/api/v1/uploads", 415);
    chrome.expectFailedRequest("/api/v1/uploads", 413);
    click(driver, By.cssSelector("#add-box summary"));
    Path zip = dataDir.resolve("fotografias.zip");
    Files.write(zip, zip());
    driver.findElement(By.id("r-file")).sendKeys(zip.toString());
    click(driver, By.cssSelector("#add button[type=submit]"));
    WebElement error =
        waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("r-file-error")));
    assertTranslatedError(lang, error);
    assertFalse(error.getText().contains("which the bank does not take"), error.getText());
    assertRightUnder(driver.findElement(By.id("r-file")), error);
    assertFalse(driver.findElement(By.id("r-progress")).isDisplayed(), "no bar left behind");
    chrome.audit(driver, "file type refused");

    Path big = dataDir.resolve("grande.pdf");
    Files.write(big, new byte[1024 * 1024 + 512 * 1024]);
    driver.findElement(By.id("r-file")).sendKeys(big.toString());
    waiting(driver).until(ExpectedConditions.invisibilityOf(error));
    click(driver, By.cssSelector("#add button[type=submit]"));
    waiting(driver).until(ExpectedConditions.visibilityOf(error));
    assertTranslatedError(lang, error);
    assertFalse(error.getText().contains("files are at most"), error.getText());
    assertRightUnder(driver.findElement(By.id("r-file")), error);
    assertFalse(driver.findElement(By.id("r-progress")).isDisplayed(), "no bar left behind");
    chrome.audit(driver, "file too big");

    String fileName =
        "planificacao-da-unidade-de-ecossistemas-com-trabalho-de-campo-no-recreio-2025-2026.pdf";
    Path pdf = dataDir.resolve(fileName);
    Files.write(pdf, Documents.pdf("Grelha de observacao com criterios de metacognicao"));
    driver.findElement(By.id("r-file")).sendKeys(pdf.toString());
    driver.findElement(By.id("r-title")).clear();
    driver.findElement(By.id("r-title")).sendKeys("Grelha de observação de aulas");
    driver.findElement(By.id("r-subjects")).sendKeys("Biologia");
    click(driver, By.cssSelector("#add button[type=submit]"));
    waiting(driver)
        .until(ExpectedConditions.textToBe(By.id("title"), "Grelha de observação de aulas"));
    assertTrue(driver.findElement(By.id("versions")).getText().contains(fileName));
    chrome.audit(driver, "new resource");
    String id = driver.getCurrentUrl().replaceAll(".*id=", "");

    // "I used this" twice: one use, the latest note.
    driver.findElement(By.id("use-note")).sendKeys("Correu bem no 7.º B");
    click(driver, By.id("use-button"));
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("uses"), "Correu bem no 7.º B"));
    waiting(driver)
        .until(ExpectedConditions.textToBe(By.id("use-button"), text(lang, "resource.updateUse")));
    driver.findElement(By.id("use-note")).clear();
    driver.findElement(By.id("use-note")).sendKeys("No 8.º A correu ainda melhor");
    click(driver, By.id("use-button"));
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("uses"), "No 8.º A correu ainda melhor"));
    assertEquals(1, driver.findElements(By.cssSelector("#uses > li")).size());
    assertFalse(driver.findElement(By.id("uses")).getText().contains("Correu bem no 7.º B"));
    assertTrue(
        driver
            .findElement(By.id("counts"))
            .getText()
            .contains(text(lang, "bank.uses.one", "count", "1")),
        driver.findElement(By.id("counts")).getText());

    click(driver, By.cssSelector("label[for=stars-4]"));
    waiting(driver)
        .until(ExpectedConditions.textToBe(By.id("rating-status"), text(lang, "resource.rated")));
    assertTrue(
        driver
            .findElement(By.id("counts"))
            .getText()
            .contains(text(lang, "bank.rating.one", "count", "1", "average", "4")),
        driver.findElement(By.id("counts")).getText());
    assertTrue(driver.findElement(By.id("stars-4")).isSelected());

    driver
        .findElement(By.id("comment-text"))
        .sendKeys("Usei com o 8.º ano, com tempo para discutir.");
    click(driver, By.cssSelector("#comment button[type=submit]"));
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("comments"), "Usei com o 8.º ano, com tempo para discutir."));
    assertTrue(
        driver
            .findElement(By.id("counts"))
            .getText()
            .contains(text(lang, "resource.commentCount.one", "count", "1")));
    chrome.audit(driver, "used, rated and commented");
    assertFitsThePhone(driver);

    // A link, back from the resource to its bank.
    click(driver, By.id("community-link"));
    click(driver, By.cssSelector("#add-box summary"));
    click(driver, By.id("r-source-link"));
    String url =
        "https://example.org/recursos/"
            + "um-caminho-muito-comprido-sem-espacos-para-quebrar-a-linha-".repeat(3)
            + "fim.html";
    driver.findElement(By.id("r-url")).sendKeys(url);
    driver.findElement(By.id("r-title")).sendKeys("Leituras sobre feedback");
    click(driver, By.cssSelector("#add button[type=submit]"));
    waiting(driver).until(ExpectedConditions.textToBe(By.id("title"), "Leituras sobre feedback"));
    WebElement open = driver.findElement(By.id("download"));
    assertEquals(text(lang, "resource.openLink"), open.getText());
    assertEquals(url, open.getDomAttribute("href"));
    assertTrue(driver.findElement(By.id("versions")).getText().contains(url.substring(0, 40)));
    chrome.audit(driver, "a link in the bank");
    assertFitsThePhone(driver);
    driver.get(tool("/resource?id=" + id));
    waiting(driver)
        .until(ExpectedConditions.textToBe(By.id("title"), "Grelha de observação de aulas"));
    return id;
  }

  // --- helpers ---

  private String tool(String path) {
    return "http://127.0.0.1:" + connector.port() + path;
  }

  private static WebDriverWait waiting(WebDriver driver) {
    return Waits.upTo(driver, Duration.ofSeconds(10));
  }

  private static void click(WebDriver driver, By what) {
    waiting(driver).until(ExpectedConditions.elementToBeClickable(what)).click();
  }

  /** Signs in as a demo person of the course, the way the demo start page does. */
  private void enter(WebDriver driver, String person, String name) {
    driver.manage().deleteAllCookies();
    driver.get(tool("/demo"));
    ((JavascriptExecutor) driver)
        .executeScript(
            "const form = document.createElement('form');"
                + "form.method = 'post'; form.action = '/demo/enter';"
                + "for (const [n, v] of [['person', arguments[0]], ['course', arguments[1]]]) {"
                + "  const input = document.createElement('input');"
                + "  input.type = 'hidden'; input.name = n; input.value = v; form.append(input);"
                + "}"
                + "document.body.append(form); form.submit();",
            person,
            COURSE);
    // On a phone the name sits in the collapsed menu: its text is there, though not shown.
    waiting(driver).until(ExpectedConditions.attributeContains(By.id("me"), "textContent", name));
  }

  /** Calls the API from the page, with its session; answers the body. */
  private static String call(WebDriver driver, String method, String path, String body) {
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    Object answer =
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[1], {method: arguments[0], credentials: 'same-origin',"
                    + " headers: {'X-Requested-With': 'cop-connector',"
                    + " 'Content-Type': 'application/json'}, body: arguments[2]})"
                    + ".then((r) => r.text()).then(done, (e) => done(String(e)));",
                method,
                path,
                body);
    return String.valueOf(answer);
  }

  private static String startCommunity(WebDriver driver, String name) {
    String answer =
        call(
            driver,
            "POST",
            "/api/v1/communities",
            "{\"name\":\""
                + name
                + "\",\"domain\":\"Materiais partilhados\",\"joining\":\"open\"}");
    return JsonParser.parseString(answer).getAsJsonObject().get("id").getAsString();
  }

  private static byte[] zip() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      out.putNextEntry(new ZipEntry("fotos.txt"));
      out.write("fotografias da visita".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return bytes.toByteArray();
  }

  private static final Map<String, JsonObject> BUNDLES = new HashMap<>();

  private static JsonObject bundle(String lang) {
    return BUNDLES.computeIfAbsent(
        lang,
        l -> {
          try (InputStream in =
              BankPagesTest.class.getResourceAsStream("/web/i18n/" + l + ".json")) {
            return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                .getAsJsonObject();
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }

  /** A string of the pages' bundle, with its {placeholders} filled from name, value pairs. */
  private static String text(String lang, String key, String... params) {
    String text = bundle(lang).get(key).getAsString();
    for (int i = 0; i < params.length; i += 2) {
      text = text.replace("{" + params[i] + "}", params[i + 1]);
    }
    return text;
  }

  /** The element says one of the bundle's error sentences, whatever values fill it. */
  private static void assertTranslatedError(String lang, WebElement element) {
    String shown = element.getText();
    boolean known =
        bundle(lang).entrySet().stream()
            .filter(e -> e.getKey().startsWith("error."))
            .map(e -> template(e.getValue().getAsString()))
            .anyMatch(p -> p.matcher(shown).matches());
    assertTrue(known, "not a translated error in " + lang + ": " + shown);
  }

  private static Pattern template(String text) {
    StringBuilder regex = new StringBuilder();
    for (String part : text.split("\\{\\w+\\}", -1)) {
      if (regex.length() > 0) {
        regex.append(".+");
      }
      regex.append(Pattern.quote(part));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  /** The message sits right below the control it is about, not somewhere else on the page. */
  private static void assertRightUnder(WebElement control, WebElement message) {
    Rectangle c = control.getRect();
    Rectangle m = message.getRect();
    int gap = m.getY() - (c.getY() + c.getHeight());
    assertTrue(gap >= 0 && gap < 60, "the message is " + gap + " px below its control");
  }

  private static void assertFitsThePhone(WebDriver driver) {
    Object fits =
        ((JavascriptExecutor) driver)
            .executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth"
                    + " ? 'yes' : document.documentElement.scrollWidth + ' > ' + window.innerWidth");
    assertEquals("yes", fits, "sideways scrolling on " + driver.getCurrentUrl());
  }
}
