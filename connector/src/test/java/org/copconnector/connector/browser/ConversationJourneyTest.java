package org.copconnector.connector.browser;

import static org.copconnector.connector.browser.DemoJourney.click;
import static org.copconnector.connector.browser.DemoJourney.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Following a conversation in a real browser, in English on a laptop and in Portuguese on a phone:
 * the hub's card says what is new, the thread list's count opens the first unread post, a reply
 * nests under the post it answers, and the thread can be muted. What others write is sent through
 * the API as the pages would, to keep the journey short.
 */
class ConversationJourneyTest {

  @RegisterExtension final HeadlessChrome chrome = new HeadlessChrome();
  @RegisterExtension final DemoJourney demo = DemoJourney.empty(chrome);

  /** Calls the API from the page, as the signed-in person; answers the JSON body. */
  private static final String CALL =
      """
      const [method, path, body, done] = arguments;
      fetch(path, { method, headers: { 'X-Requested-With': 'cop-connector',
          ...(body ? { 'Content-Type': 'application/json' } : {}) }, body: body ?? undefined })
        .then(async (r) => done(r.ok ? (await r.text()) : 'HTTP ' + r.status + ' ' + await r.text()));
      """;

  static Stream<Arguments> languagesAndSizes() {
    return Stream.of(
        Arguments.of(Language.ENGLISH, Viewport.DESKTOP),
        Arguments.of(Language.PORTUGUESE, Viewport.PHONE));
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("languagesAndSizes")
  void aReplyNestsUnderWhatItAnswersAndReadingResumesAtTheFirstNewPost(
      Language language, Viewport viewport) throws Exception {
    WebDriver driver = chrome.driver(viewport);
    demo.enterDemoAs(driver, "Filipe Ramos", language);
    String course = field(call(driver, "GET", "/api/v1/hub", null), "\"course\":{\"id\":\"");
    String community =
        field(
            call(
                driver,
                "POST",
                "/api/v1/communities",
                "{\"name\":\""
                    + DemoJourney.COMMUNITY
                    + "\",\"domain\":\"Avaliação\","
                    + "\"joining\":\"open\",\"courseIds\":[\""
                    + course
                    + "\"]}"),
            "\"id\":\"");
    String thread =
        field(
            call(
                driver,
                "POST",
                "/api/v1/threads",
                "{\"communityId\":\""
                    + community
                    + "\",\"title\":\"Trabalhos de casa\","
                    + "\"body\":\"<p>Quanto tempo por semana?</p>\"}"),
            "\"id\":\"");

    demo.enterDemoAs(driver, "Gabriela Lopes", language);
    call(driver, "POST", "/api/v1/communities/" + community + "/join", null);
    call(driver, "GET", "/api/v1/threads/" + thread, null); // she has read the opening post
    String hers = reply(driver, thread, "Uma hora chega.", null);

    demo.enterDemoAs(driver, "Inês Carvalho", language);
    call(driver, "POST", "/api/v1/communities/" + community + "/join", null);
    String first = reply(driver, thread, "Depende do ano.", null);
    String answer = reply(driver, thread, "Uma hora, com pausas.", hers);

    demo.enterDemoAs(driver, "Gabriela Lopes", language);
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("community-list"), count(language, "hub.card.newPosts", 2)));
    waiting(driver)
        .until(ExpectedConditions.elementToBeClickable(By.linkText(DemoJourney.COMMUNITY)))
        .click();
    waiting(driver).until(ExpectedConditions.textToBe(By.id("name"), DemoJourney.COMMUNITY));
    click(driver, "//a[contains(@class,'unread')]");
    // Reading resumes at Inês's first post: marked new, with the keyboard there.
    waiting(driver)
        .until(d -> ("post-" + first).equals(d.switchTo().activeElement().getDomAttribute("id")));
    WebElement resumed = driver.findElement(By.id("post-" + first));
    assertTrue(resumed.getText().contains(language.text("discussion.newBadge")));
    // Her answer to Gabriela sits under Gabriela's post.
    assertEquals(
        1,
        driver
            .findElements(By.cssSelector("#post-" + hers + " > ol.replies > #post-" + answer))
            .size());

    // Gabriela answers it: her reply goes one level further in.
    driver
        .findElement(
            By.xpath(
                "//li[@id='post-"
                    + answer
                    + "']/div//button[.='"
                    + language.text("discussion.answer")
                    + "']"))
        .click();
    waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("parent-who")));
    RichText.type(driver, "reply-body", "Combinado: uma hora.");
    driver.findElement(By.cssSelector("#reply button[type=submit]")).click();
    By nested = By.cssSelector("#post-" + answer + " > ol.replies > li");
    waiting(driver).until(ExpectedConditions.textToBePresentInElementLocated(nested, "Combinado"));
    assertEquals("2", driver.findElement(nested).getDomAttribute("data-level"));

    // She mutes the thread; the choice stays.
    Select follow = new Select(driver.findElement(By.id("follow")));
    assertEquals("following", follow.getFirstSelectedOption().getDomAttribute("value"));
    follow.selectByValue("muted");
    waiting(driver)
        .until(
            ExpectedConditions.textToBe(
                By.id("follow-status"), language.text("discussion.follow.saved.muted")));
    demo.audit(driver, "a conversation with nested replies, new posts and a muted thread");
    driver.navigate().refresh();
    waiting(driver)
        .until(
            d ->
                "muted"
                    .equals(
                        new Select(d.findElement(By.id("follow")))
                            .getFirstSelectedOption()
                            .getDomAttribute("value")));
  }

  private static String reply(WebDriver driver, String thread, String text, String parentId) {
    String body =
        "{\"body\":\"<p>"
            + text
            + "</p>\""
            + (parentId == null ? "" : ",\"parentId\":\"" + parentId + "\"")
            + "}";
    return field(call(driver, "POST", "/api/v1/threads/" + thread + "/posts", body), "\"id\":\"");
  }

  private static String call(WebDriver driver, String method, String path, String body) {
    String answer =
        String.valueOf(((JavascriptExecutor) driver).executeAsyncScript(CALL, method, path, body));
    if (answer.startsWith("HTTP ")) {
      throw new AssertionError(method + " " + path + ": " + answer);
    }
    return answer;
  }

  /** The text after {@code marker} up to the next quote. */
  private static String field(String json, String marker) {
    int start = json.indexOf(marker) + marker.length();
    return json.substring(start, json.indexOf('"', start));
  }

  /** A plural text of the bundle for a count (the pages choose .one or .other the same way). */
  private static String count(Language language, String key, int count) {
    return language
        .text(key + (count == 1 ? ".one" : ".other"))
        .replace("{count}", String.valueOf(count));
  }
}
