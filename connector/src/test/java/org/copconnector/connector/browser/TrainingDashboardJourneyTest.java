package org.copconnector.connector.browser;

import static org.copconnector.connector.browser.DemoJourney.click;
import static org.copconnector.connector.browser.DemoJourney.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.copconnector.connector.testing.SessionPromptRounds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The trainers' dashboard and the trainees' portfolios in a real browser: a workshop two sessions
 * into its course (set up over the API from the signed-in page), the prompts opened after them, a
 * trainee's answers. Filipe reads the dashboard on a laptop in Portuguese and on his phone in
 * English, opens Gabriela's portfolio; Gabriela opens her own on her phone. Each step is audited
 * (axe-core) and kept as a screenshot under target/journeys/TrainingDashboardJourneyTest/.
 */
class TrainingDashboardJourneyTest {

  private static final Language PT = Language.PORTUGUESE;
  private static final Language EN = Language.ENGLISH;
  private static final String TITLE = "Oficina de avaliação formativa";

  @RegisterExtension final HeadlessChrome chrome = new HeadlessChrome();
  @RegisterExtension final DemoJourney demo = DemoJourney.empty(chrome);

  @Test
  void aTrainerFollowsUpOnTheDashboardAndATraineeReadsHerPortfolio() throws Exception {
    WebDriver driver = chrome.driver(Viewport.DESKTOP);
    demo.enterDemoAs(driver, "Filipe Ramos");
    String id = workshopTwoSessionsIn(driver);
    SessionPromptRounds.on(demo.dataSource(), Clock.systemUTC()).openDue();
    JsonObject board = api(driver, "GET", "/api/v1/training-actions/" + id + "/dashboard", null);
    String thread =
        board.getAsJsonArray("reflections").get(1).getAsJsonObject().get("threadId").getAsString();

    // Gabriela answers the second session's prompt and hands in her final reflection.
    demo.enterDemoAs(driver, "Gabriela Lopes");
    api(
        driver,
        "POST",
        "/api/v1/reflections",
        "{\"threadId\":\""
            + thread
            + "\",\"body\":\"<p>Vou experimentar o semáforo com o 8.º A.</p>\",\"shared\":true}");
    api(
        driver,
        "PUT",
        "/api/v1/training-actions/" + id + "/final-reflection",
        "{\"body\":\"<p>Aprendi a dar feedback a meio.</p>\"}");

    // Filipe's summary on the list of actions, then the whole dashboard on the action's page.
    demo.enterDemoAs(driver, "Filipe Ramos");
    click(driver, "//a[@id='training-link']");
    waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("summary-box")));
    // Across his open actions: Inês and João at risk, three not reflected after session 2, the
    // three final reflections missing due in three days, four to grade.
    assertEquals("2", figure(driver, "at-risk"));
    assertEquals("3", figure(driver, "reflections"));
    assertEquals("3", figure(driver, "finals"));
    assertEquals("4", figure(driver, "to-grade"));
    String card = driver.findElement(By.cssSelector("#actions [data-dashboard]")).getText();
    assertTrue(card.contains("Sessão 2"), card);
    assertTrue(
        card.contains(
            PT.text("training.dashboard.graded").replace("{graded}", "0").replace("{total}", "4")),
        card);
    demo.audit(driver, "summary of the actions he trains");
    click(driver, "//ul[@id='actions']//a[.='" + TITLE + "']");
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("dash-at-risk"), "Inês Carvalho"));
    String reflections = driver.findElement(By.id("dash-reflections")).getText();
    assertTrue(reflections.contains("Sessão 2"), reflections);
    assertTrue(
        reflections.contains("3 de 4"), "Gabriela reflected after session 2: " + reflections);
    assertTrue(reflections.contains("4 de 4"), "nobody after session 1: " + reflections);
    String upcoming = driver.findElement(By.id("dash-upcoming")).getText();
    assertTrue(upcoming.contains("Sala 3"), upcoming);
    demo.audit(driver, "dashboard of the action");

    // Gabriela's portfolio from the trainees' list.
    click(
        driver,
        "//ul[@id='trainees']//a[@aria-label='"
            + PT.text("training.portfolio.openOf").replace("{name}", "Gabriela Lopes")
            + "']");
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("sessions"), "Vou experimentar o semáforo"));
    assertEquals(
        PT.text("training.portfolio.of").replace("{name}", "Gabriela Lopes"),
        driver.findElement(By.id("title")).getText());
    assertTrue(
        driver.findElement(By.id("final")).getText().contains("Aprendi a dar feedback a meio."));
    assertEquals(
        PT.text("training.record.notGraded"), driver.findElement(By.id("grade")).getText());
    demo.audit(driver, "a trainee's portfolio, as her trainer");

    // On his phone, in English.
    chrome.driver(Viewport.PHONE);
    demo.enterDemoAs(driver, "Filipe Ramos", EN);
    driver.get(demo.tool("/training-action?id=" + id));
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("dash-reflections"), "3 of 4 trainees have not reflected yet"));
    assertTrue(
        driver
            .findElement(By.id("dash-at-risk"))
            .getText()
            .contains(EN.text("training.state.lost")));
    demo.audit(driver, "dashboard on a phone in English");
    driver.get(demo.tool("/training"));
    waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("summary-box")));
    demo.audit(driver, "summary on a phone in English");

    // Gabriela, on her phone: her own portfolio, one click from the action's page.
    demo.enterDemoAs(driver, "Gabriela Lopes");
    driver.get(demo.tool("/training-action?id=" + id));
    click(driver, "//a[@id='portfolio-link']");
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("sessions"), "Vou experimentar o semáforo"));
    assertEquals(PT.text("training.portfolio.mine"), driver.findElement(By.id("title")).getText());
    String sessions = driver.findElement(By.id("sessions")).getText();
    assertTrue(sessions.contains(PT.text("training.portfolio.answer")), "session 1: " + sessions);
    assertTrue(
        sessions.contains(PT.text("training.portfolio.afterSession")), "session 3: " + sessions);
    assertFalse(
        driver.findElements(By.id("dashboard-box")).stream().anyMatch(e -> e.isDisplayed()));
    demo.audit(driver, "her own portfolio on her phone");
  }

  private static String figure(WebDriver driver, String name) {
    return driver.findElement(By.cssSelector("#summary [data-figure=" + name + "] span")).getText();
  }

  /**
   * As Filipe: a workshop of four trainees ending in three days, two sessions held (Gabriela and
   * Hugo at both, Inês at neither, João late to the first) and one next week.
   */
  private String workshopTwoSessionsIn(WebDriver driver) {
    String endsOn = LocalDate.now(ZoneOffset.UTC).plusDays(3).toString();
    JsonObject action =
        api(
            driver,
            "POST",
            "/api/v1/training-actions",
            "{\"title\":\""
                + TITLE
                + "\",\"modality\":\"workshop\",\"jointHours\":8,\"endsOn\":\""
                + endsOn
                + "\",\"traineeIds\":[\"d08\",\"d09\",\"d10\",\"d11\"]}");
    String id = action.get("id").getAsString();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    String first = session(driver, id, now.minus(Duration.ofDays(3)), "Sala 2");
    String second = session(driver, id, now.minus(Duration.ofDays(1)), "Sala 2");
    session(driver, id, now.plus(Duration.ofDays(6)), "Sala 3");
    for (String s : new String[] {first, second}) {
      mark(driver, s, "d08", "present");
      mark(driver, s, "d09", "present");
      mark(driver, s, "d10", "absent");
    }
    api(
        driver,
        "PUT",
        "/api/v1/training-sessions/" + first + "/attendance/d11",
        "{\"status\":\"late\",\"lateMinutes\":30}");
    return id;
  }

  private static String session(WebDriver driver, String action, Instant start, String place) {
    return api(
            driver,
            "POST",
            "/api/v1/training-actions/" + action + "/sessions",
            "{\"startsAt\":\"" + start + "\",\"minutes\":150,\"place\":\"" + place + "\"}")
        .get("id")
        .getAsString();
  }

  private static void mark(WebDriver driver, String session, String who, String status) {
    api(
        driver,
        "PUT",
        "/api/v1/training-sessions/" + session + "/attendance/" + who,
        "{\"status\":\"" + status + "\"}");
  }

  /** A request from the signed-in page, as its scripts send them; fails unless it succeeds. */
  private static JsonObject api(WebDriver driver, String method, String path, String body) {
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    String answer =
        (String)
            ((JavascriptExecutor) driver)
                .executeAsyncScript(
                    """
                    const [method, path, body, done] = arguments;
                    fetch(path, {
                      method,
                      credentials: 'same-origin',
                      headers: { 'X-Requested-With': 'cop-connector', 'Content-Type': 'application/json' },
                      body: body ?? undefined,
                    }).then(async (r) => done(JSON.stringify({ status: r.status, text: await r.text() })),
                      (e) => done(JSON.stringify({ status: 0, text: String(e) })));
                    """,
                    method,
                    path,
                    body);
    JsonObject result = JsonParser.parseString(answer).getAsJsonObject();
    int status = result.get("status").getAsInt();
    assertTrue(status >= 200 && status < 300, method + " " + path + ": " + answer);
    return JsonParser.parseString(result.get("text").getAsString()).getAsJsonObject();
  }
}
