package org.copconnector.connector.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.copconnector.connector.config.ConfigLoader;
import org.copconnector.connector.lti.TestPlatform;
import org.copconnector.connector.server.Connector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The product in a real browser: an LTI launch from a test platform, a forged launch, and demo
 * mode. Every page state a journey reaches is audited (axe-core) and kept as a screenshot under
 * target/journeys/BrowserTest/.
 */
class BrowserTest {

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
    Map<String, String> env = new HashMap<>();
    env.put("COP_HTTP_HOST", "127.0.0.1");
    env.put("COP_HTTP_PORT", "0");
    env.put("COP_DATA_DIR", dataDir.toString());
    return env;
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
    return new WebDriverWait(driver, Duration.ofSeconds(10));
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

  @Test
  void theDemoStartPageLetsAnyoneIn() throws Exception {
    connector =
        Connector.start(
            new ConfigLoader(baseEnv(), dataDir.resolve("none")).load(null),
            List.of(),
            Connector.Mode.DEMO);
    WebDriver driver = chrome.driver();
    driver.get(tool("/"));
    assertEquals(tool("/demo"), driver.getCurrentUrl(), "the root leads to the start page");
    assertTrue(driver.findElement(By.className("demo-banner")).isDisplayed(), "marked as demo");
    waiting(driver)
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#courses button")));
    audit(driver, "demo start page");
    // Keyboard first: the skip link is the first stop.
    driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
    assertTrue(driver.switchTo().activeElement().getDomAttribute("class").contains("skip"));
    WebElement enter =
        waiting(driver)
            .until(
                ExpectedConditions.elementToBeClickable(
                    By.xpath("//button[contains(., 'Filipe Ramos')]")));
    enter.click();
    waiting(driver)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("me"), "Filipe Ramos"));
    assertTrue(
        driver.findElement(By.id("demo-banner")).isDisplayed(), "the hub is marked as demo too");
    assertEquals(
        "Ciências Experimentais — ES do Rio", driver.findElement(By.id("course-title")).getText());
    // No language was picked on the start page: Filipe enters in his own, Portuguese.
    assertEquals("pt", driver.findElement(By.tagName("html")).getDomAttribute("lang"));
    assertTrue(
        driver.findElement(By.id("status")).getText().matches("\\d+ participantes? .*"),
        driver.findElement(By.id("status")).getText());
    // The course's sample communities are there from the start.
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("community-list"), "Trabalho laboratorial investigativo"));
    assertTrue(
        driver.findElement(By.id("community-list")).getText().contains("Science in English"));
    audit(driver, "hub of a demo course");
  }

  /** Enters as a demo person, in Portuguese (the language these journeys are written in). */
  private void enterDemoAs(WebDriver driver, String name) {
    enterDemoAs(driver, name, Language.PORTUGUESE);
  }

  /** Enters the demo as that person, with the language chosen on the start page. */
  private void enterDemoAs(WebDriver driver, String name, Language language) {
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

  /** Filipe, facilitator of the demo network course, starts a community from the hub. */
  private WebDriver startDemoCommunity() throws Exception {
    return startDemoCommunity(Language.PORTUGUESE, Viewport.DESKTOP);
  }

  private WebDriver startDemoCommunity(Language language, Viewport viewport) throws Exception {
    connector =
        Connector.start(
            new ConfigLoader(baseEnv(), dataDir.resolve("none")).load(null),
            List.of(),
            Connector.Mode.EMPTY_DEMO);
    WebDriver driver = chrome.driver(viewport);
    enterDemoAs(driver, "Filipe Ramos", language);
    audit(driver, "hub as Filipe");
    driver.findElement(By.cssSelector("#start summary")).click();
    audit(driver, "form to start a community");
    driver.findElement(By.id("c-name")).sendKeys("Avaliação formativa");
    driver
        .findElement(By.id("c-domain"))
        .sendKeys("Como usamos a avaliação para ajudar os alunos a aprender");
    driver.findElement(By.id("c-subjects")).sendKeys("Biologia, Geologia");
    driver.findElement(By.cssSelector("#start-form button[type=submit]")).click();
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("community-list"), "Avaliação formativa"));
    audit(driver, "hub with the new community");
    return driver;
  }

  private void openCommunity(WebDriver driver) throws IOException {
    waiting(driver)
        .until(ExpectedConditions.elementToBeClickable(By.linkText("Avaliação formativa")))
        .click();
    waiting(driver).until(ExpectedConditions.textToBe(By.id("name"), "Avaliação formativa"));
    audit(driver, "community page");
  }

  private void click(WebDriver driver, String xpath) {
    waiting(driver).until(ExpectedConditions.elementToBeClickable(By.xpath(xpath))).click();
  }

  static Stream<Arguments> languagesAndSizes() {
    return Stream.of(
        Arguments.of(Language.ENGLISH, Viewport.DESKTOP),
        Arguments.of(Language.PORTUGUESE, Viewport.PHONE));
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("languagesAndSizes")
  void aFacilitatorStartsACommunityAndAColleagueJoinsIt(Language language, Viewport viewport)
      throws Exception {
    WebDriver driver = startDemoCommunity(language, viewport);
    enterDemoAs(driver, "Gabriela Lopes", language);
    openCommunity(driver);
    assertTrue(driver.findElement(By.id("profile")).getText().contains("Biologia, Geologia"));
    assertEquals(
        language.text("community.membersHidden"),
        driver.findElement(By.id("members")).getText(),
        "the list is for members");
    click(driver, "//button[.='" + language.text("community.join") + "']");
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("members"), "Filipe Ramos"));
    assertTrue(driver.findElement(By.id("members")).getText().contains("Gabriela Lopes"));
    assertFalse(
        driver.findElement(By.id("tools")).isDisplayed(), "members get no facilitator tools");
    audit(driver, "community after joining");
  }

  @Test
  void membersDiscussInAThreadQuoteEachOtherAndSayWhatHelped() throws Exception {
    WebDriver driver = startDemoCommunity();
    openCommunity(driver);
    driver.findElement(By.cssSelector("#new-thread-box summary")).click();
    driver.findElement(By.id("thread-title")).sendKeys("Bilhetes de saída 🎟️");
    driver
        .findElement(By.id("thread-body"))
        .sendKeys("Usei três perguntas no fim da aula.\n\nO que funcionou convosco?");
    driver.findElement(By.cssSelector("#new-thread button[type=submit]")).click();
    waiting(driver).until(ExpectedConditions.textToBe(By.id("title"), "Bilhetes de saída 🎟️"));
    audit(driver, "new thread");

    enterDemoAs(driver, "Gabriela Lopes");
    openCommunity(driver);
    click(driver, "//button[.='Entrar']");
    waiting(driver)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("threads"), "1 nova"));
    audit(driver, "community with a new thread");
    waiting(driver)
        .until(ExpectedConditions.elementToBeClickable(By.linkText("Bilhetes de saída 🎟️")))
        .click();
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("posts"), "Usei três perguntas no fim da aula."));
    audit(driver, "thread");
    click(driver, "//li[contains(@class,'post')]//button[.='Citar']");
    waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("quote-preview")));
    audit(driver, "quoting a post");
    driver.findElement(By.id("reply-body")).sendKeys("Eu uso uma só pergunta <b>aberta</b>.");
    driver.findElement(By.cssSelector("#reply button[type=submit]")).click();
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("posts"), "Eu uso uma só pergunta <b>aberta</b>."));
    assertEquals(2, driver.findElements(By.cssSelector("#posts > li")).size());
    // The quote says whose words they are and keeps their paragraphs.
    assertEquals(
        "Filipe Ramos escreveu:",
        driver.findElement(By.cssSelector("#posts > li:nth-child(2) figcaption")).getText());
    assertEquals(
        "Usei três perguntas no fim da aula.\nO que funcionou convosco?",
        driver.findElement(By.cssSelector("#posts > li:nth-child(2) blockquote")).getText());
    audit(driver, "thread with a reply");

    enterDemoAs(driver, "Filipe Ramos");
    openCommunity(driver);
    waiting(driver)
        .until(ExpectedConditions.elementToBeClickable(By.linkText("Bilhetes de saída 🎟️")))
        .click();
    click(driver, "//li[contains(@class,'post')][2]//button[.='Isto ajudou-me']");
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#posts > li:nth-child(2) .helped"), "ajudou 1"));
    audit(driver, "a post that helped");
    click(driver, "//button[.='Fixar no topo']");
    waiting(driver)
        .until(ExpectedConditions.elementToBeClickable(By.xpath("//button[.='Desafixar']")));
    audit(driver, "pinned thread");
  }

  @Test
  void aTeacherAddsADocumentToTheBankAndFindsTheWordsInsideIt() throws Exception {
    WebDriver driver = startDemoCommunity();
    openCommunity(driver);
    click(driver, "//a[.='Banco de recursos']");
    waiting(driver)
        .until(
            ExpectedConditions.textToBe(
                By.id("heading"), "Banco de recursos de Avaliação formativa"));
    audit(driver, "resource bank");
    java.nio.file.Path pdf = dataDir.resolve("grelha.pdf");
    java.nio.file.Files.write(
        pdf,
        org.copconnector.connector.bank.Documents.pdf(
            "Grelha de observacao com criterios de metacognicao"));
    driver.findElement(By.cssSelector("#add-box summary")).click();
    audit(driver, "form to add a resource");
    driver.findElement(By.id("r-file")).sendKeys(pdf.toString());
    driver.findElement(By.id("r-title")).clear();
    driver.findElement(By.id("r-title")).sendKeys("Grelha de observação de aulas");
    driver.findElement(By.id("r-subjects")).sendKeys("Biologia");
    driver.findElement(By.cssSelector("#add button[type=submit]")).click();
    waiting(driver)
        .until(ExpectedConditions.textToBe(By.id("title"), "Grelha de observação de aulas"));
    assertTrue(driver.findElement(By.id("versions")).getText().contains("grelha.pdf"));
    audit(driver, "new resource");
    click(driver, "//button[.='Usar isto na aula' or .='Usei isto na aula']");
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("counts"), "usado na aula por 1 pessoa"));
    audit(driver, "resource used in class");

    click(driver, "//a[@id='community-link']");
    waiting(driver)
        .until(ExpectedConditions.elementToBeClickable(By.id("q")))
        .sendKeys("metacognicao");
    driver.findElement(By.cssSelector("#search button[type=submit]")).click();
    waiting(driver)
        .until(
            ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results .snippet mark")));
    assertEquals(
        "metacognicao", driver.findElement(By.cssSelector("#results .snippet mark")).getText());
    assertEquals("1 recurso", driver.findElement(By.id("total")).getText());
    audit(driver, "search results");
  }

  @Test
  void aFacilitatorRunsTheMirrorAndSchedulesAPrompt() throws Exception {
    WebDriver driver = startDemoCommunity();
    openCommunity(driver);
    click(driver, "//a[.='Reflexão']");
    waiting(driver)
        .until(ExpectedConditions.textToBe(By.id("heading"), "Reflexão em Avaliação formativa"));
    audit(driver, "reflection page");
    driver.findElement(By.cssSelector("#survey-box summary")).click();
    audit(driver, "form to start a survey");
    driver.findElement(By.cssSelector("#new-survey button[type=submit]")).click();
    click(driver, "//button[.='Abrir uma ronda']");
    waiting(driver)
        .until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector(".survey-card form input[type=radio][value='4']")))
        .click();
    audit(driver, "survey round open");
    driver.findElement(By.cssSelector(".survey-card form button[type=submit]")).click();
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("surveys"), "Já respondeu a esta ronda."));
    assertTrue(
        driver.findElement(By.id("surveys")).getText().contains("Responderam menos de 3 pessoas"),
        "no results below the minimum");
    audit(driver, "survey answered");

    driver.findElement(By.cssSelector("#schedule-box summary")).click();
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("p-library")))
        .selectByIndex(1);
    assertEquals("Depois da aula", driver.findElement(By.id("p-title")).getDomProperty("value"));
    audit(driver, "form to schedule a prompt");
    ((org.openqa.selenium.JavascriptExecutor) driver)
        .executeScript("document.getElementById('p-date').value = '2026-12-01'");
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("p-repeat")))
        .selectByValue("weekly");
    driver.findElement(By.cssSelector("#schedule button[type=submit]")).click();
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("schedules"), "todas as semanas"));
    assertTrue(driver.findElement(By.id("schedules")).getText().contains("Depois da aula"));
    audit(driver, "prompt scheduled");
    click(driver, "//ul[@id='schedules']//button[.='Parar este agendamento']");
    // Stopping asks first.
    click(driver, "//dialog//button[.='Parar este agendamento']");
    waiting(driver)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("schedules"), "parado"));
    audit(driver, "schedule stopped");
  }

  @Test
  void aTeacherKeepsAnAnswerInHerJournalThenSharesItWithEvidence() throws Exception {
    WebDriver driver = startDemoCommunity();
    enterDemoAs(driver, "Gabriela Lopes");
    openCommunity(driver);
    click(driver, "//button[.='Entrar']");
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("members"), "Gabriela Lopes"));

    // Filipe writes a prompt of his own that asks for evidence, and opens it at once.
    enterDemoAs(driver, "Filipe Ramos");
    openCommunity(driver);
    click(driver, "//a[.='Reflexão']");
    click(driver, "//details[@id='write-box']/summary");
    audit(driver, "form to write a prompt");
    driver.findElement(By.id("w-title")).sendKeys("Observação entre pares");
    driver
        .findElement(By.id("w-text"))
        .sendKeys("O que viu na aula de um colega que vai experimentar?");
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("w-characteristic")))
        .selectByValue("deprivatised_practice");
    driver.findElement(By.id("w-evidence")).click();
    driver.findElement(By.cssSelector("#write button[type=submit]")).click();
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("written"), "Observação entre pares"));
    audit(driver, "prompt written");
    click(driver, "//details[@id='schedule-box']/summary");
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("p-library")))
        .selectByVisibleText("Observação entre pares");
    assertTrue(driver.findElement(By.id("p-evidence")).isSelected(), "the prompt asks evidence");
    driver.findElement(By.id("p-now")).click();
    driver.findElement(By.cssSelector("#schedule button[type=submit]")).click();
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("openings"), "Observação entre pares"));
    assertTrue(driver.findElement(By.id("openings")).getText().contains("pede evidência"));
    audit(driver, "prompt opened");

    // Gabriela answers privately first: nobody else sees it.
    enterDemoAs(driver, "Gabriela Lopes");
    openCommunity(driver);
    click(driver, "//a[.='Reflexão']");
    click(driver, "//ul[@id='openings']//a[.='Observação entre pares']");
    waiting(driver).until(ExpectedConditions.textToBe(By.id("title"), "Observação entre pares"));
    audit(driver, "prompt page");
    driver
        .findElement(By.id("a-body"))
        .sendKeys("Vi a Inês usar cartões de cores para as dúvidas.");
    driver.findElement(By.id("a-private")).click();
    driver.findElement(By.cssSelector("#answer button[type=submit]")).click();
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("journal"), "cartões de cores"));
    assertTrue(driver.findElement(By.id("answers")).getText().contains("Ainda ninguém"));
    audit(driver, "private answer in the journal");

    // Sharing needs the evidence the prompt asks for: she adds a link, then shares.
    chrome.expectFailedRequest("/share", 422);
    click(driver, "//ol[@id='journal']//button[.='Partilhar com a comunidade']");
    waiting(driver)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("journal-status"), "evid"));
    audit(driver, "sharing refused without evidence");
    click(driver, "//ol[@id='journal']//button[.='Editar']");
    driver.findElement(By.id("a-link")).sendKeys("https://escola.example/cartoes");
    driver.findElement(By.cssSelector("#answer button[type=submit]")).click();
    waiting(driver)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.xpath("//ol[@id='journal']//a[@href='https://escola.example/cartoes']")));
    audit(driver, "answer with evidence");
    click(driver, "//ol[@id='journal']//button[.='Partilhar com a comunidade']");
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("answers"), "cartões de cores"));
    assertFalse(driver.findElement(By.id("journal-box")).isDisplayed(), "no longer private");
    assertFalse(driver.findElement(By.id("respondents-box")).isDisplayed(), "for facilitators");
    audit(driver, "answer shared");

    // Her portfolio holds it, ready to print or download.
    driver.get(tool("/portfolio"));
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("reflections"), "cartões de cores"));
    assertTrue(driver.findElement(By.id("reflections")).getText().contains("Avaliação formativa"));
    assertTrue(
        driver
            .findElement(By.id("download"))
            .getDomAttribute("href")
            .equals("/api/v1/me/reflections?download=true"));
    audit(driver, "portfolio");

    // Filipe sees who has answered, and the community's numbers as a chart.
    enterDemoAs(driver, "Filipe Ramos");
    openCommunity(driver);
    click(driver, "//a[.='Reflexão']");
    waiting(driver)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("openings"), "1 de 2"));
    assertTrue(driver.findElement(By.id("chart")).isDisplayed());
    audit(driver, "reflection page with the chart");
    click(driver, "//ul[@id='openings']//a[.='Observação entre pares']");
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("respondents"), "Gabriela Lopes"));
    String who = driver.findElement(By.id("respondents")).getText();
    assertTrue(who.contains("respondeu") && who.contains("ainda não"), who);
    audit(driver, "who answered the prompt");

    // The prompt's thread leads back to its prompt page.
    click(driver, "//a[@id='thread-link']");
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("posts"), "cartões de cores"));
    waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("prompt-page")));
    audit(driver, "the prompt's thread");
  }
}
