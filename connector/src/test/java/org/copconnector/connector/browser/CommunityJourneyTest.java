package org.copconnector.connector.browser;

import static org.copconnector.connector.browser.DemoJourney.click;
import static org.copconnector.connector.browser.DemoJourney.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A community's first days in a real browser, in demo mode: Filipe starts it from the hub, a
 * colleague joins, and members discuss in a thread. Each step is audited (axe-core) and kept as a
 * screenshot under target/journeys/CommunityJourneyTest/.
 */
class CommunityJourneyTest {

  @RegisterExtension final HeadlessChrome chrome = new HeadlessChrome();
  @RegisterExtension final DemoJourney demo = DemoJourney.empty(chrome);

  static Stream<Arguments> languagesAndSizes() {
    return Stream.of(
        Arguments.of(Language.ENGLISH, Viewport.DESKTOP),
        Arguments.of(Language.PORTUGUESE, Viewport.PHONE));
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("languagesAndSizes")
  void aFacilitatorStartsACommunityAndAColleagueJoinsIt(Language language, Viewport viewport)
      throws Exception {
    WebDriver driver = demo.startCommunity(language, viewport);
    demo.enterDemoAs(driver, "Gabriela Lopes", language);
    demo.openCommunity(driver);
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
    demo.audit(driver, "community after joining");
  }

  @Test
  void membersDiscussInAThreadQuoteEachOtherAndSayWhatHelped() throws Exception {
    WebDriver driver = demo.startCommunity();
    demo.openCommunity(driver);
    driver.findElement(By.cssSelector("#new-thread-box summary")).click();
    driver.findElement(By.id("thread-title")).sendKeys("Bilhetes de saída 🎟️");
    RichText.type(
        driver, "thread-body", "Usei três perguntas no fim da aula.\nO que funcionou convosco?");
    driver.findElement(By.cssSelector("#new-thread button[type=submit]")).click();
    waiting(driver).until(ExpectedConditions.textToBe(By.id("title"), "Bilhetes de saída 🎟️"));
    demo.audit(driver, "new thread");

    demo.enterDemoAs(driver, "Gabriela Lopes");
    demo.openCommunity(driver);
    click(driver, "//button[.='Entrar']");
    waiting(driver)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("threads"), "1 nova"));
    demo.audit(driver, "community with a new thread");
    waiting(driver)
        .until(ExpectedConditions.elementToBeClickable(By.linkText("Bilhetes de saída 🎟️")))
        .click();
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("posts"), "Usei três perguntas no fim da aula."));
    demo.audit(driver, "thread");
    click(driver, "//li[contains(@class,'post')]//button[.='Citar']");
    waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("quote-preview")));
    demo.audit(driver, "quoting a post");
    RichText.type(driver, "reply-body", "Eu uso uma só pergunta <b>aberta</b>.");
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
    demo.audit(driver, "thread with a reply");

    // What she types survives a reload, with a note saying so; then she formats and sends it.
    RichText.type(driver, "reply-body", "Três ideias");
    driver.navigate().refresh();
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".draft-note"), "O seu rascunho por enviar foi recuperado."));
    waiting(driver).until(d -> RichText.html(d, "reply-body").contains("Três ideias"));
    demo.audit(driver, "a draft restored");
    // A heading (Alt+Shift+3), a bulleted list and bold words from the toolbar.
    RichText.type(driver, "reply-body", Keys.chord(Keys.CONTROL, Keys.END));
    RichText.type(driver, "reply-body", Keys.chord(Keys.ALT, Keys.SHIFT, "3"));
    RichText.type(driver, "reply-body", Keys.END, Keys.ENTER);
    RichText.press(driver, "reply-body", "Lista com marcadores");
    RichText.type(driver, "reply-body", "perguntas abertas", Keys.ENTER, "tempo de espera");
    RichText.type(driver, "reply-body", Keys.ENTER, Keys.ENTER, "Isto é ");
    RichText.press(driver, "reply-body", "Negrito");
    RichText.type(driver, "reply-body", "essencial");
    demo.audit(driver, "a formatted reply");
    driver.findElement(By.cssSelector("#reply button[type=submit]")).click();
    waiting(driver)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#posts > li:nth-child(3) .body h3")));
    WebElement formatted = driver.findElement(By.cssSelector("#posts > li:nth-child(3) .body"));
    assertEquals("Três ideias", formatted.findElement(By.tagName("h3")).getText());
    assertEquals(
        List.of("perguntas abertas", "tempo de espera"),
        formatted.findElements(By.cssSelector("ul > li")).stream()
            .map(WebElement::getText)
            .toList());
    assertEquals("essencial", formatted.findElement(By.tagName("strong")).getText());
    assertTrue(driver.findElements(By.cssSelector(".draft-note")).isEmpty(), "sent: no draft");
    driver.navigate().refresh();
    // The page comes with the plain box; the editor comes when she goes into it, with what she
    // had typed in the box meanwhile.
    WebElement box =
        waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("reply-body")));
    assertEquals("", box.getDomProperty("value"), "the sent draft is gone");
    assertTrue(driver.findElements(By.id("reply-body_ifr")).isEmpty(), "no editor before use");
    assertTrue(driver.findElements(By.cssSelector(".draft-note")).isEmpty());
    ((JavascriptExecutor) driver)
        .executeScript(
            "arguments[0].value = 'Antes do editor\\n\\nDois parágrafos';"
                + "arguments[0].dispatchEvent(new Event('input'));",
            box);
    String handedOver = RichText.html(driver, "reply-body");
    assertTrue(
        handedOver.contains("<p>Antes do editor</p>")
            && handedOver.contains("<p>Dois parágrafos</p>"),
        handedOver);
    ((JavascriptExecutor) driver).executeScript("tinymce.get('reply-body').setContent('')");
    demo.audit(driver, "thread with a formatted reply");

    demo.enterDemoAs(driver, "Filipe Ramos");
    demo.openCommunity(driver);
    waiting(driver)
        .until(ExpectedConditions.elementToBeClickable(By.linkText("Bilhetes de saída 🎟️")))
        .click();
    click(driver, "//li[contains(@class,'post')][2]//button[.='Isto ajudou-me']");
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#posts > li:nth-child(2) .helped"), "ajudou 1"));
    demo.audit(driver, "a post that helped");
    click(driver, "//button[.='Fixar no topo']");
    waiting(driver)
        .until(ExpectedConditions.elementToBeClickable(By.xpath("//button[.='Desafixar']")));
    demo.audit(driver, "pinned thread");
  }
}
