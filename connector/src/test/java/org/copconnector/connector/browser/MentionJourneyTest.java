package org.copconnector.connector.browser;

import static org.copconnector.connector.browser.DemoJourney.click;
import static org.copconnector.connector.browser.DemoJourney.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A member mentions a colleague in a new thread through the editor's "@" suggestions: the post
 * links to the colleague in the community's member list, and the colleague is notified. In each
 * language, the Portuguese one on a phone.
 */
class MentionJourneyTest {

  @RegisterExtension final HeadlessChrome chrome = new HeadlessChrome();
  @RegisterExtension final DemoJourney demo = DemoJourney.empty(chrome);

  static Stream<Arguments> languagesAndSizes() {
    return Stream.of(
        Arguments.of(Language.ENGLISH, Viewport.DESKTOP),
        Arguments.of(Language.PORTUGUESE, Viewport.PHONE));
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("languagesAndSizes")
  void aMemberMentionsAColleagueWhoIsNotified(Language language, Viewport viewport)
      throws Exception {
    WebDriver driver = demo.startCommunity(language, viewport);
    demo.enterDemoAs(driver, "Gabriela Lopes", language);
    demo.openCommunity(driver);
    click(driver, "//button[.='" + language.text("community.join") + "']");
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("members"), "Gabriela Lopes"));

    driver.findElement(By.cssSelector("#new-thread-box summary")).click();
    driver.findElement(By.id("thread-title")).sendKeys("Bilhetes de saída");
    RichText.type(driver, "thread-body", "Obrigada ", "@fil");
    WebElement suggestion =
        waiting(driver)
            .until(
                ExpectedConditions.elementToBeClickable(
                    By.xpath(
                        "//div[contains(@class,'tox-autocompleter')]"
                            + "//div[contains(@class,'tox-collection__item')][contains(., 'Filipe Ramos')]")));
    demo.audit(driver, "mention suggestions");
    suggestion.click();
    RichText.type(driver, "thread-body", "pela ideia.");
    // A reload keeps the draft, title and all, and says so.
    driver.navigate().refresh();
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#new-thread .draft-note"), language.text("editor.restored")));
    assertEquals(
        "Bilhetes de saída", driver.findElement(By.id("thread-title")).getDomProperty("value"));
    waiting(driver).until(d -> RichText.html(d, "thread-body").contains("data-mention=\"d07\""));
    driver.findElement(By.cssSelector("#new-thread button[type=submit]")).click();
    WebElement mention =
        waiting(driver)
            .until(
                ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#posts .body a[data-mention='d07']")));
    assertEquals("@Filipe Ramos", mention.getText());
    assertTrue(driver.findElement(By.id("posts")).getText().contains("pela ideia."));

    // Filipe is told; the link leads to him in the community's members.
    assertEquals(List.of("d07"), mentioned());
    mention.click();
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#members li.mentioned"), "Filipe Ramos"));
  }

  /** Whom the notifications of mentions are queued for. */
  private List<String> mentioned() throws Exception {
    List<String> to = new ArrayList<>();
    try (Connection c = demo.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT idempotency_key FROM outbox WHERE kind = 'notify.message'"
                    + " AND idempotency_key LIKE 'mention:%'")) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String key = rs.getString(1);
          to.add(key.substring(key.lastIndexOf(':') + 1));
        }
      }
    }
    return to;
  }
}
