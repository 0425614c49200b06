package org.copconnector.connector.browser;

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

/**
 * Search inside discussions in a real browser, in demo mode: Filipe writes in a community (through
 * the API, as his page would), Gabriela, a member, searches a word of his post from the hub,
 * without its accent, and opens the post in its thread; in English on a laptop and in Portuguese on
 * a phone. The results page is audited (axe-core).
 */
class DiscussionSearchJourneyTest {

  @RegisterExtension final HeadlessChrome chrome = new HeadlessChrome();
  @RegisterExtension final DemoJourney demo = DemoJourney.empty(chrome);

  static Stream<Arguments> languagesAndSizes() {
    return Stream.of(
        Arguments.of(Language.ENGLISH, Viewport.DESKTOP),
        Arguments.of(Language.PORTUGUESE, Viewport.PHONE));
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("languagesAndSizes")
  void aMemberFindsAColleaguesPostAndOpensIt(Language language, Viewport viewport)
      throws Exception {
    WebDriver driver = chrome.driver(viewport);
    demo.enterDemoAs(driver, "Filipe Ramos", language);
    String community =
        api(
            driver,
            "POST",
            "/api/v1/communities",
            "{\"name\":\"Laboratório\",\"domain\":\"Ciências\"}");
    String thread =
        api(
            driver,
            "POST",
            "/api/v1/threads",
            "{\"communityId\":\""
                + community
                + "\",\"title\":\"Sementes\",\"body\":\"<p>Primeira mensagem.</p>\"}");
    api(
        driver,
        "POST",
        "/api/v1/threads/" + thread + "/posts",
        "{\"body\":\"<p>A germinação do feijão em algodão resulta sempre.</p>\"}");

    demo.enterDemoAs(driver, "Gabriela Lopes", language);
    api(driver, "POST", "/api/v1/communities/" + community + "/join", null);
    driver.get(demo.tool("/hub"));
    WebElement box =
        waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("discussion-q")));
    box.sendKeys("germinacao feijao");
    driver.findElement(By.cssSelector("#discussion-search button[type=submit]")).click();
    WebElement result =
        waiting(driver)
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#results .search-result")));
    assertEquals(
        language.text("search.total.one").replace("{count}", "1"),
        driver.findElement(By.id("total")).getText());
    assertEquals(
        "germinação",
        result.findElement(By.cssSelector(".snippet mark")).getText(),
        "the word asked for is marked, with its accent");
    assertTrue(result.getText().contains("Laboratório"), result.getText());
    assertTrue(result.getText().contains("Filipe Ramos"), result.getText());
    demo.audit(driver, "search results");

    result.findElement(By.tagName("a")).click();
    WebElement post =
        waiting(driver)
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#posts .linked-post")));
    assertTrue(post.getText().contains("A germinação do feijão em algodão"), post.getText());
    assertEquals("Sementes", driver.findElement(By.id("title")).getText());
  }

  /** Calls the API from the page, with its session, as the page's own scripts do; returns "id". */
  private static String api(WebDriver driver, String method, String path, String body) {
    Object id =
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "const [method, path, body, done] = arguments;"
                    + "fetch(path, {method, credentials: 'same-origin', headers: {'X-Requested-With':"
                    + " 'cop-connector', 'Content-Type': 'application/json'}, body: body ?? undefined})"
                    + ".then(async (r) => { const data = await r.json().catch(() => null);"
                    + " done(r.ok ? (data?.id ?? '') : 'failed ' + r.status + ' ' + JSON.stringify(data)); });",
                method,
                path,
                body);
    assertTrue(!String.valueOf(id).startsWith("failed"), path + ": " + id);
    return String.valueOf(id);
  }
}
