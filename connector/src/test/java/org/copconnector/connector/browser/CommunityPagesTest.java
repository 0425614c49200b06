package org.copconnector.connector.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The hub, community and thread pages in a real browser (demo schools): inviting, choosing a forum,
 * editing, leaving, pinning and quoting, in Portuguese and English, on a desktop and a phone.
 */
class CommunityPagesTest {

  @RegisterExtension final HeadlessChrome chrome = new HeadlessChrome();
  @TempDir Path dataDir;
  private Connector connector;
  private TestPlatform platform;
  private WebDriver driver;

  @AfterEach
  void stop() {
    if (connector != null) {
      connector.close();
    }
    if (platform != null) {
      platform.close();
    }
  }

  private Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("COP_HTTP_HOST", "127.0.0.1");
    env.put("COP_HTTP_PORT", "0");
    env.put("COP_DATA_DIR", dataDir.toString());
    return env;
  }

  private void startDemo() throws Exception {
    connector =
        Connector.start(
            new ConfigLoader(env(), dataDir.resolve("none")).load(null),
            List.of(),
            Connector.Mode.EMPTY_DEMO);
    driver = chrome.driver();
  }

  private String tool(String path) {
    return "http://127.0.0.1:" + connector.port() + path;
  }

  private WebDriverWait waiting() {
    return Waits.upTo(driver, Duration.ofSeconds(10));
  }

  private void enterDemoAs(String name) {
    driver.manage().deleteAllCookies();
    driver.get(tool("/demo"));
    waiting()
        .until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//button[contains(., '" + name + "')]")))
        .click();
    // On a phone the name is inside the folded menu: its text is there, not shown.
    waiting().until(d -> d.findElement(By.id("me")).getDomProperty("textContent").contains(name));
  }

  private void click(String xpath) {
    waiting().until(ExpectedConditions.elementToBeClickable(By.xpath(xpath))).click();
  }

  private void waitForText(String id, String text) {
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
  }

  private String text(String id) {
    return driver.findElement(By.id(id)).getText();
  }

  /** Filipe (facilitator of the science course) starts a community from the hub. */
  private void startCommunity(String name, String joining) {
    enterDemoAs("Filipe Ramos");
    driver.findElement(By.cssSelector("#start summary")).click();
    driver.findElement(By.id("c-name")).sendKeys(name);
    driver.findElement(By.id("c-domain")).sendKeys("Como usamos a avaliação para aprender");
    driver.findElement(By.id("c-subjects")).sendKeys("Biologia, Geologia");
    new Select(driver.findElement(By.id("c-joining"))).selectByValue(joining);
    driver.findElement(By.cssSelector("#start-form button[type=submit]")).click();
    waitForText("community-list", name);
  }

  private void openCommunity(String name) {
    waiting().until(ExpectedConditions.elementToBeClickable(By.linkText(name))).click();
    waiting().until(ExpectedConditions.textToBe(By.id("name"), name));
  }

  /** The button of the confirmation dialog, once it is open. */
  private void answerDialog(String button) {
    click("//dialog[@open]//button[.='" + button + "']");
    waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("dialog"), 0));
  }

  private void screenshot(String name) throws Exception {
    chrome.audit(driver, name);
    Path dir = Files.createDirectories(Path.of("target", "screenshots"));
    Files.write(
        dir.resolve("community-" + name + ".png"),
        ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }

  private void assertNoSidewaysScroll() {
    Object wide =
        ((JavascriptExecutor) driver)
            .executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
    assertEquals(Boolean.FALSE, wide, "the page scrolls sideways");
  }

  @Test
  void aFacilitatorInvitesAColleagueWhoSeesTheInvitationAndAcceptsItOnAPhone() throws Exception {
    startDemo();
    driver = chrome.phone();
    startCommunity("Avaliação formativa", "invitation");
    openCommunity("Avaliação formativa");
    driver.findElement(By.id("invite-q")).sendKeys("gabri");
    driver.findElement(By.cssSelector("#invite-search button[type=submit]")).click();
    waitForText("candidates", "Gabriela Lopes");
    assertFalse(text("candidates").contains("Filipe Ramos"), "members are not offered");
    click("//ul[@id='candidates']//li[contains(., 'Gabriela Lopes')]//button[.='Convidar']");
    waitForText("invite-status", "Convite enviado a Gabriela Lopes");
    waitForText("invited", "Gabriela Lopes");
    assertFalse(text("candidates").contains("Gabriela Lopes"), "no longer a candidate");
    screenshot("invited-pt");

    enterDemoAs("Gabriela Lopes");
    WebElement card =
        driver.findElement(
            By.xpath("//ul[@id='community-list']/li[contains(., 'Avaliação formativa')]"));
    assertTrue(card.getText().contains("tem um convite"), card.getText());
    assertTrue(card.getText().contains("Quem pode entrar: por convite"), card.getText());
    assertTrue(card.getText().contains("1 membro"), card.getText());
    openCommunity("Avaliação formativa");
    assertTrue(text("standing").contains("convidou"), text("standing"));
    click("//div[@id='actions']//button[.='Aceitar o convite']");
    waitForText("members", "Gabriela Lopes");
    assertEquals("É membro desta comunidade.", text("standing"));
    driver.get(tool("/hub"));
    waitForText("community-list", "é membro");
    assertTrue(text("community-list").contains("2 membros"), text("community-list"));
    screenshot("hub-cards-pt");
  }

  @Test
  void aCoFacilitatorChoosesTheForumsAndEditsTheCommunityInEnglish() throws Exception {
    startDemo();
    startCommunity("Avaliação formativa", "open");
    enterDemoAs("Lúcia Gomes");
    openCommunity("Avaliação formativa");
    click("//div[@id='actions']//button[.='Join']");
    waitForText("members", "Lúcia Gomes");
    assertFalse(driver.findElement(By.id("tools")).isDisplayed(), "members get no tools");

    // Filipe names her co-facilitator.
    enterDemoAs("Filipe Ramos");
    openCommunity("Avaliação formativa");
    click("//ul[@id='members']/li[contains(., 'Lúcia Gomes')]//button[.='Tornar codinamizador']");
    waiting()
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.xpath(
                    "//ul[@id='members']/li[contains(., 'Lúcia Gomes')]//button[.='Tornar membro']")));

    enterDemoAs("Lúcia Gomes");
    openCommunity("Avaliação formativa");
    assertEquals("You facilitate this community.", text("standing"));
    screenshot("community-facilitator-en");
    waitForText("forum-notice", "No Moodle forum is chosen yet in Ciências Experimentais");
    driver.findElement(By.cssSelector("#forums-box summary")).click();
    WebElement forum = waiting().until(ExpectedConditions.elementToBeClickable(By.id("forum-0")));
    new Select(forum).selectByVisibleText("General forum");
    waitForText("forum-courses", "Group mode in Moodle: no groups.");
    assertTrue(
        driver
            .findElement(By.cssSelector("#forum-courses .forum-warning"))
            .getText()
            .contains("everyone in the course will see"),
        text("forum-courses"));
    screenshot("forum-warning-en");
    new Select(driver.findElement(By.id("forum-0"))).selectByVisibleText("Group discussions");
    waitForText("forum-courses", "Group mode in Moodle: separate groups.");
    assertTrue(driver.findElements(By.cssSelector("#forum-courses .forum-warning")).isEmpty());
    click("//div[@id='forum-courses']//button[.='Use this forum']");
    waitForText("forum-courses", "The community now uses this forum in this course.");
    assertFalse(driver.findElement(By.id("forum-notice")).isDisplayed(), "a forum is chosen");

    // The profile reads as words, and the edit form starts from it.
    String profile = text("profile");
    assertTrue(profile.contains("both") && profile.contains("one school"), profile);
    assertFalse(profile.contains("one_school") || profile.contains("face_to_face"), profile);
    driver.findElement(By.cssSelector("#edit-box summary")).click();
    WebElement name = driver.findElement(By.id("e-name"));
    assertEquals("Avaliação formativa", name.getDomProperty("value"));
    assertEquals(
        "Biologia, Geologia", driver.findElement(By.id("e-subjects")).getDomProperty("value"));
    name.clear();
    name.sendKeys("Formative assessment");
    new Select(driver.findElement(By.id("e-sharing"))).selectByValue("face_to_face");
    new Select(driver.findElement(By.id("e-context"))).selectByValue("network");
    new Select(driver.findElement(By.id("e-joining"))).selectByValue("request");
    driver.findElement(By.cssSelector("#edit-form button[type=submit]")).click();
    waiting().until(ExpectedConditions.textToBe(By.id("name"), "Formative assessment"));
    waitForText("edit-status", "The changes are saved.");
    profile = text("profile");
    assertTrue(profile.contains("face to face"), profile);
    assertTrue(profile.contains("network of schools"), profile);
    assertTrue(profile.contains("by request"), profile);

    // A rule of the start form holds here too, and the error is said next to the form.
    chrome.expectFailedRequest("/api/v1/communities/", 422);
    name = driver.findElement(By.id("e-name"));
    name.clear();
    name.sendKeys("Formative assessment");
    ((JavascriptExecutor) driver)
        .executeScript("document.getElementById('e-subjects').value = '" + "x".repeat(61) + "'");
    driver.findElement(By.cssSelector("#edit-form button[type=submit]")).click();
    waiting()
        .until(ExpectedConditions.attributeContains(By.id("edit-status"), "class", "text-danger"));
    screenshot("edit-en");

    // By request now: Inês asks, Lúcia approves.
    enterDemoAs("Inês Carvalho");
    openCommunity("Formative assessment");
    click("//div[@id='actions']//button[.='Pedir para entrar']");
    waitForText("standing", "aguarda um dinamizador");
    enterDemoAs("Lúcia Gomes");
    openCommunity("Formative assessment");
    waitForText("requests", "Inês Carvalho");
    click("//ul[@id='requests']/li[contains(., 'Inês Carvalho')]//button[.='Approve']");
    waitForText("members", "Inês Carvalho");
    assertFalse(driver.findElement(By.id("requests-box")).isDisplayed());
  }

  @Test
  void aMemberLeavesOnlyAfterConfirmingOnAPhone() throws Exception {
    startDemo();
    startCommunity("Avaliação formativa", "open");
    enterDemoAs("Gabriela Lopes");
    driver.manage().window().setSize(new Dimension(390, 844));
    openCommunity("Avaliação formativa");
    click("//div[@id='actions']//button[.='Entrar']");
    waitForText("members", "Gabriela Lopes");
    WebElement leave = driver.findElement(By.xpath("//div[@id='actions']//button[.='Sair']"));
    assertTrue(leave.getDomAttribute("class").contains("btn-outline-danger"), "a quiet control");
    assertNoSidewaysScroll();
    ((JavascriptExecutor) driver)
        .executeScript("document.getElementById('membership').scrollIntoView()");
    screenshot("member-phone-pt");

    leave.click();
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog[open]")));
    screenshot("leave-dialog-phone-pt");
    answerDialog("Cancelar");
    assertEquals("É membro desta comunidade.", text("standing"));
    assertTrue(text("members").contains("Gabriela Lopes"), "cancelling changes nothing");
    driver.navigate().refresh();
    waitForText("members", "Gabriela Lopes");

    click("//div[@id='actions']//button[.='Sair']");
    answerDialog("Sair");
    waitForText("standing", "Não é membro");
    assertTrue(text("members").contains("visível para os membros"), text("members"));
    assertTrue(
        driver.findElement(By.xpath("//div[@id='actions']//button[.='Entrar']")).isDisplayed());
  }

  @Test
  void aPinnedThreadIsMarkedAndAQuoteKeepsWhoWroteItAndItsParagraphs() throws Exception {
    startDemo();
    startCommunity("Avaliação formativa", "open");
    openCommunity("Avaliação formativa");
    for (String title : List.of("Bilhetes de saída", "Rubricas partilhadas")) {
      driver.findElement(By.cssSelector("#new-thread-box summary")).click();
      driver.findElement(By.id("thread-title")).sendKeys(title);
      RichText.type(
          driver, "thread-body", "Usei três perguntas no fim da aula.\nO que funcionou convosco?");
      driver.findElement(By.cssSelector("#new-thread button[type=submit]")).click();
      waiting().until(ExpectedConditions.textToBe(By.id("title"), title));
      assertFalse(driver.findElement(By.id("prompt-link")).isDisplayed());
      click("//a[@id='community-link']");
      waiting().until(ExpectedConditions.textToBe(By.id("name"), "Avaliação formativa"));
    }
    // The older thread, pinned, comes first and carries its badge.
    click("//a[.='Bilhetes de saída']");
    click("//button[.='Fixar no topo']");
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("pinned-badge")));
    assertEquals("fixado", text("pinned-badge"));
    Object asked =
        ((JavascriptExecutor) driver)
            .executeScript(
                "return performance.getEntriesByType('resource')"
                    + ".some(e => e.name.includes('/prompt-openings/'))");
    assertEquals(Boolean.FALSE, asked, "a plain thread does not ask for a prompt");
    click("//a[@id='community-link']");
    waitForText("threads", "fixado");
    WebElement first = driver.findElement(By.cssSelector("#threads > li:first-child"));
    assertTrue(first.getText().contains("Bilhetes de saída"), first.getText());
    assertTrue(first.findElement(By.cssSelector(".pinned")).isDisplayed());

    // Tiago reads it in English and quotes it: the quote names Filipe and keeps both paragraphs.
    enterDemoAs("Tiago Correia");
    openCommunity("Avaliação formativa");
    click("//div[@id='actions']//button[.='Join']");
    waitForText("threads", "pinned");
    click("//a[.='Bilhetes de saída']");
    waitForText("posts", "O que funcionou convosco?");
    assertTrue(driver.findElement(By.id("pinned-badge")).isDisplayed());
    assertEquals("pinned", text("pinned-badge"));
    click("//li[contains(@class,'post')]//button[.='Quote']");
    waitForText("quote-who", "Filipe Ramos wrote:");
    RichText.type(driver, "reply-body", "I ask one open question.");
    driver.findElement(By.cssSelector("#reply button[type=submit]")).click();
    waitForText("posts", "I ask one open question.");
    WebElement reply = driver.findElement(By.cssSelector("#posts > li:nth-child(2)"));
    assertEquals("Filipe Ramos wrote:", reply.findElement(By.tagName("figcaption")).getText());
    List<WebElement> quoted = reply.findElements(By.cssSelector("blockquote p"));
    assertEquals(2, quoted.size(), reply.getText());
    assertEquals("Usei três perguntas no fim da aula.", quoted.get(0).getText());
    assertEquals("O que funcionou convosco?", quoted.get(1).getText());
    screenshot("thread-en");
    driver.manage().window().setSize(new Dimension(390, 844));
    driver.navigate().refresh();
    waitForText("posts", "I ask one open question.");
    assertNoSidewaysScroll();
    screenshot("thread-phone-en");
  }

  @Test
  void theHubSaysWhatToDoNextToAMemberOfACourseWithoutCommunities() throws Exception {
    platform = new TestPlatform();
    Map<String, String> env = env();
    env.putAll(platform.manualRegistration());
    connector =
        Connector.start(new ConfigLoader(env, dataDir.resolve("none")).load(null), List.of());
    platform.onBrowserLaunch(
        List.of(TestPlatform.LEARNER),
        claims ->
            claims.claim(
                "https://purl.imsglobal.org/spec/lti/claim/launch_presentation",
                Map.of("locale", "en", "document_target", "iframe")));
    driver = chrome.driver();
    driver.get(tool("/lti/login?" + platform.loginQuery(tool("/lti/launch"))));
    waitForText("me", "Alice Anderson");
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("empty")));
    assertTrue(text("empty-next").contains("Ask a facilitator of your course"), text("empty-next"));
    assertFalse(driver.findElement(By.id("start")).isDisplayed(), "members do not start one here");
    screenshot("hub-empty-member-en");
  }
}
