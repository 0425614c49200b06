package org.copconnector.connector.browser;

import static org.copconnector.connector.browser.DemoJourney.click;
import static org.copconnector.connector.browser.DemoJourney.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A training action in a real browser, in demo mode and in Portuguese: Filipe creates a workshop
 * from the course hub, adds two sessions and takes attendance with one request per click and "all
 * present"; he shows the check-in code, Gabriela checks in with it on her phone and hands in her
 * final reflection, he grades her and closes the action. Each step is audited (axe-core) and kept
 * as a screenshot under target/journeys/TrainingJourneyTest/.
 */
class TrainingJourneyTest {

  private static final Language PT = Language.PORTUGUESE;
  private static final String TITLE = "Oficina de avaliação formativa";

  /** Counts the requests the page sends by method, from now on (api.js calls window.fetch). */
  private static final String COUNT_REQUESTS =
      """
      window.sent = {};
      const original = window.fetch;
      window.fetch = (address, options) => {
        const method = options?.method ?? 'GET';
        window.sent[method] = (window.sent[method] ?? 0) + 1;
        return original(address, options);
      };
      """;

  @RegisterExtension final HeadlessChrome chrome = new HeadlessChrome();
  @RegisterExtension final DemoJourney demo = DemoJourney.empty(chrome);

  @Test
  void aTrainerRunsAnActionAndATraineeChecksInOnHerPhone() throws Exception {
    WebDriver driver = chrome.driver(Viewport.DESKTOP);
    demo.enterDemoAs(driver, "Filipe Ramos");
    // The hub leads to the training actions in one click, and to an action in two.
    click(driver, "//a[@id='training-link']");
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("actions"), PT.text("training.none")));
    demo.audit(driver, "training actions, none yet");
    createAction(driver);
    String actionPage = driver.getCurrentUrl();

    // Two sessions: one that began five minutes ago (its check-in is open), one next week.
    addSession(driver, 5 * 60_000L, "Sala 2");
    waiting(driver)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("sessions"), "Sessão 1"));
    addSession(driver, -7 * 24 * 3_600_000L, null);
    waiting(driver)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("sessions"), "Sessão 2"));
    assertTrue(driver.findElement(By.id("sessions")).getText().contains("Sala 2"));
    assertTrue(
        driver.findElement(By.id("sessions-sum")).getText().startsWith("5 h"),
        driver.findElement(By.id("sessions-sum")).getText());
    demo.audit(driver, "action with two sessions");

    // The roster of the first session: one click, one request.
    click(driver, "(//ul[@id='sessions']//a[.='" + PT.text("training.takeAttendance") + "'])[1]");
    waiting(driver)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("rows"), "Hugo Pereira"));
    demo.audit(driver, "attendance roster");
    ((JavascriptExecutor) driver).executeScript(COUNT_REQUESTS);
    mark(driver, "Hugo Pereira", "present");
    waitForState(driver, "Hugo Pereira", PT.text("training.status.present"));
    mark(driver, "João Martins", "absent");
    waitForState(driver, "João Martins", PT.text("training.status.absent"));
    row(driver, "Inês Carvalho").findElement(By.cssSelector("input[type=number]")).sendKeys("12");
    mark(driver, "Inês Carvalho", "late");
    waitForState(driver, "Inês Carvalho", "Atraso de 12 min");
    assertEquals(3L, sent(driver, "PUT"), "one request per person marked");
    assertEquals(
        "true",
        row(driver, "João Martins")
            .findElement(By.cssSelector("button[data-status=absent]"))
            .getDomAttribute("aria-pressed"));
    demo.audit(driver, "three trainees marked");

    click(driver, "//button[@id='show-code']");
    waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("code")));
    String code = driver.findElement(By.id("code")).getText();
    assertTrue(code.matches("[A-HJ-NP-Z2-9]{6}"), code);
    demo.audit(driver, "check-in code shown");

    // Gabriela checks in on her phone with the code the trainer shows.
    chrome.driver(Viewport.PHONE);
    demo.enterDemoAs(driver, "Gabriela Lopes");
    click(driver, "//a[@id='training-link']");
    waiting(driver).until(ExpectedConditions.elementToBeClickable(By.linkText(TITLE))).click();
    waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("check-in-code")));
    assertTrue(driver.findElement(By.id("sessions")).getText().contains("Sessão 2"));
    assertFalse(driver.findElement(By.id("trainees-box")).isDisplayed(), "for trainers");
    demo.audit(driver, "trainee's action page with the check-in");
    driver.findElement(By.id("check-in-code")).sendKeys(code.toLowerCase(java.util.Locale.ROOT));
    driver.findElement(By.cssSelector("#check-in button[type=submit]")).click();
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("check-in-status"), PT.text("training.checkedIn.present")));
    // Checked in, she is no longer asked for the code.
    waiting(driver).until(ExpectedConditions.invisibilityOfElementLocated(By.id("check-in")));
    assertEquals(
        PT.text("training.checkInDone"), driver.findElement(By.id("check-in-done")).getText());
    // Her own attendance only: the hours of the first session, with its state in words.
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("my-attendance"), "2,5 h frequentadas"));
    demo.audit(driver, "trainee checked in");
    // She hands in her final reflection from the same page.
    driver.findElement(By.id("reflection-text")).sendKeys("Aprendi a dar feedback a meio.");
    driver.findElement(By.id("reflection-submit")).click();
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("reflection-status"), PT.text("training.reflectionSaved")));
    demo.audit(driver, "trainee handed in the final reflection");

    // Back at the roster, Gabriela shows as checked in; "all present" marks the rest in one go.
    chrome.driver(Viewport.DESKTOP);
    demo.enterDemoAs(driver, "Filipe Ramos");
    driver.get(actionPage);
    click(driver, "(//ul[@id='sessions']//a[.='" + PT.text("training.takeAttendance") + "'])[1]");
    waitForState(driver, "Gabriela Lopes", PT.text("training.selfCheckIn"));
    ((JavascriptExecutor) driver).executeScript(COUNT_REQUESTS);
    click(driver, "//button[@id='all-present']");
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("roster-status"), PT.text("training.allMarkedPresent")));
    assertEquals(1L, sent(driver, "POST"), "all present is one request");
    assertEquals(0L, sent(driver, "PUT"));
    assertFalse(
        driver.findElement(By.id("rows")).getText().contains(PT.text("training.notMarked")),
        "everyone is marked");
    waitForState(driver, "João Martins", PT.text("training.status.absent"));
    demo.audit(driver, "everyone marked");

    // The action's attendance table, with each state in words; the second session is cancelled.
    driver.get(actionPage);
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("attendance-table"), "Gabriela Lopes"));
    String table = driver.findElement(By.id("attendance-table")).getText();
    assertTrue(table.contains("2,5 h frequentadas") && table.contains("0 h frequentadas"), table);
    // Her grade: one input per criterion; the answer's grade and mention are shown.
    // (0.3×9 + 0.4×8.8 + 0.3×9.1 + 0.1×9) / 1.1 = 9.85 / 1.1 = 8.954… → 9.0 Excelente.
    WebElement grading =
        waiting(driver)
            .until(
                ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//ul[@id='evaluation']/li[.//span[.='Gabriela Lopes']]")));
    assertTrue(grading.getText().contains(PT.text("training.record.submitted")));
    grading.findElement(By.tagName("summary")).click();
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElement(grading, "Aprendi a dar feedback a meio."));
    for (String[] mark :
        new String[][] {
          {"participation", "9"}, {"work", "8.8"}, {"final_reflection", "9.1"}, {"Portefólio", "9"}
        }) {
      ((JavascriptExecutor) driver)
          .executeScript(
              "arguments[0].value = arguments[1]",
              grading.findElement(By.cssSelector("input[data-criterion='" + mark[0] + "']")),
              mark[1]);
    }
    grading.findElement(By.cssSelector("button[type=submit]")).click();
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElement(
                grading, "Classificação final: 9,0 (Excelente)"));
    // On its way to Moodle's gradebook (the demo has none: it then waits, saying why).
    assertEquals(
        PT.text("training.gradebook.pending"),
        grading.findElement(By.cssSelector("p.gradebook")).getText());
    assertEquals(4, driver.findElements(By.cssSelector("#records a")).size());
    demo.audit(driver, "a trainee graded");
    click(
        driver, "(//ul[@id='sessions']//button[.='" + PT.text("training.cancelSession") + "'])[2]");
    click(driver, "//dialog//button[.='" + PT.text("training.cancelSession") + "']");
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("sessions"), PT.text("training.cancelled")));
    demo.audit(driver, "action with a cancelled session");

    // Closing asks first; then nothing can change, and the page says so.
    click(driver, "//div[@id='close-actions']//button");
    click(driver, "//dialog//button[.='" + PT.text("training.close") + "']");
    waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("closed-note")));
    assertTrue(
        driver.findElements(By.cssSelector("#sessions button")).isEmpty(), "no session changes");
    assertFalse(driver.findElement(By.id("session-box")).isDisplayed());
    demo.audit(driver, "closed action");
  }

  private void createAction(WebDriver driver) throws Exception {
    driver.findElement(By.cssSelector("#new-box summary")).click();
    demo.audit(driver, "form for a new training action");
    driver.findElement(By.id("a-title")).sendKeys(TITLE);
    new Select(driver.findElement(By.id("a-modality"))).selectByValue("workshop");
    driver.findElement(By.id("a-code")).sendKeys("ACC-123");
    driver.findElement(By.id("a-joint")).sendKeys("25");
    driver.findElement(By.id("a-autonomous")).clear();
    driver.findElement(By.id("a-autonomous")).sendKeys("25");
    assertEquals("2", driver.findElement(By.id("a-numerator")).getDomProperty("value"));
    assertEquals("3", driver.findElement(By.id("a-denominator")).getDomProperty("value"));
    // The evaluation policy: Portugal's defaults, and a fourth criterion of his own.
    driver.findElement(By.cssSelector("#policy-box summary")).click();
    assertEquals(3, driver.findElements(By.cssSelector("#p-criteria [data-part]")).size());
    assertEquals(5, driver.findElements(By.cssSelector("#p-mentions [data-part]")).size());
    assertEquals(
        PT.text("training.mention.excellent"),
        driver.findElement(By.cssSelector("#p-mentions input")).getDomProperty("value"));
    driver.findElement(By.id("p-add-criterion")).click();
    WebElement added = driver.findElement(By.cssSelector("#p-criteria [data-part]:last-child"));
    added.findElements(By.tagName("input")).get(0).sendKeys("Portefólio");
    demo.audit(driver, "evaluation policy of a new action");
    driver.findElement(By.cssSelector("#new-action button[type=submit]")).click();
    waiting(driver).until(ExpectedConditions.textToBe(By.id("title"), TITLE));
    waiting(driver)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("facts"), "ACC-123"));
    assertTrue(driver.findElement(By.id("facts")).getText().contains("oficina"));
    assertTrue(
        driver
            .findElement(By.id("facts"))
            .getText()
            .contains(
                "Participação (30), Trabalho produzido (40), Reflexão crítica final (30) e Portefólio (10)"),
        driver.findElement(By.id("facts")).getText());
    demo.audit(driver, "new action");
  }

  /** Fills and sends the form for a session that starts this long ago (negative: ahead). */
  private static void addSession(WebDriver driver, long agoMillis, String place) {
    WebElement box = driver.findElement(By.id("session-box"));
    if (box.getDomAttribute("open") == null) {
      box.findElement(By.tagName("summary")).click();
    }
    ((JavascriptExecutor) driver)
        .executeScript(
            """
            const at = new Date(Date.now() - arguments[0]);
            const two = (n) => String(n).padStart(2, '0');
            document.getElementById('s-date').value =
              `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}`;
            document.getElementById('s-time').value = `${two(at.getHours())}:${two(at.getMinutes())}`;
            """,
            agoMillis);
    if (place != null) {
      driver.findElement(By.id("s-place")).clear();
      driver.findElement(By.id("s-place")).sendKeys(place);
    }
    driver.findElement(By.cssSelector("#new-session button[type=submit]")).click();
  }

  private static WebElement row(WebDriver driver, String name) {
    return waiting(driver)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.xpath("//ul[@id='rows']/li[.//span[.='" + name + "']]")));
  }

  private static void mark(WebDriver driver, String name, String status) {
    row(driver, name).findElement(By.cssSelector("button[data-status=" + status + "]")).click();
  }

  private static void waitForState(WebDriver driver, String name, String text) {
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.xpath("//ul[@id='rows']/li[.//span[.='" + name + "']]"), text));
  }

  private static long sent(WebDriver driver, String method) {
    Object count =
        ((JavascriptExecutor) driver)
            .executeScript("return window.sent[arguments[0]] ?? 0", method);
    return ((Number) count).longValue();
  }
}
