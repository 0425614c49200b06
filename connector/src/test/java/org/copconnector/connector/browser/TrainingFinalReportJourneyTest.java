package org.copconnector.connector.browser;

import static org.copconnector.connector.browser.DemoJourney.click;
import static org.copconnector.connector.browser.DemoJourney.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The end of a training action in a real browser, in English: Filipe opens the trainees'
 * satisfaction questionnaire, Gabriela answers it on her phone and two colleagues answer too; he
 * closes it and reads the totals, then closes the action; Rui, an administrator, corrects an
 * attendance mark and a grade, saying why, and the log shows them, at desktop and phone width. Each
 * step is audited (axe-core) and kept as a screenshot under target/journeys/.
 */
class TrainingFinalReportJourneyTest {

  private static final Language EN = Language.ENGLISH;

  @RegisterExtension final HeadlessChrome chrome = new HeadlessChrome();
  @RegisterExtension final DemoJourney demo = DemoJourney.empty(chrome);

  @Test
  void traineesAnswerTheSatisfactionQuestionnaireAndAnAdministratorCorrectsTheClosedAction()
      throws Exception {
    WebDriver driver = chrome.driver(Viewport.DESKTOP);
    demo.enterDemoAs(driver, "Filipe Ramos", EN);
    String actionPage = demo.tool("/training-action?id=" + action(driver));
    driver.get(actionPage);
    click(driver, "//button[@id='satisfaction-open']");
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("satisfaction-progress"), "0 of 5 trainees answered (0.0%)"));
    demo.audit(driver, "satisfaction questionnaire opened");

    // Gabriela answers on her phone, with a comment; two colleagues answer as well.
    chrome.driver(Viewport.PHONE);
    answer(driver, actionPage, "Gabriela Lopes", 4, "More time for practice, please.");
    chrome.driver(Viewport.DESKTOP);
    answer(driver, actionPage, "Hugo Pereira", 3, null);
    answer(driver, actionPage, "Inês Carvalho", 4, null);

    demo.enterDemoAs(driver, "Filipe Ramos", EN);
    driver.get(actionPage);
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("satisfaction-progress"), "3 of 5 trainees answered (60.0%)"));
    assertTrue(driver.findElements(By.id("satisfaction-table")).isEmpty(), "no totals while open");
    click(
        driver,
        "//div[@id='satisfaction']//button[.='" + EN.text("training.satisfaction.close") + "']");
    click(driver, "//dialog//button[.='" + EN.text("training.satisfaction.close") + "']");
    WebElement table =
        waiting(driver)
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("satisfaction-table")));
    String firstRow = table.findElement(By.cssSelector("tbody tr")).getText();
    assertTrue(
        firstRow.contains("1. The action's objectives were met.")
            && firstRow.contains("1 (33.3%)")
            && firstRow.contains("2 (66.7%)")
            && firstRow.endsWith(" 66.7%"),
        firstRow);
    assertTrue(
        driver.findElement(By.id("satisfaction")).getText().contains("More time for practice"));
    demo.audit(driver, "satisfaction totals once closed");
    click(driver, "//div[@id='close-actions']//button");
    click(driver, "//dialog//button[.='" + EN.text("training.close") + "']");
    waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("closed-note")));
    assertFalse(driver.findElement(By.id("correct-box")).isDisplayed(), "for administrators");

    // Rui corrects an attendance mark and a grade; each needs a reason and is logged.
    demo.enterDemoAs(driver, "Rui Nogueira", EN);
    driver.get(actionPage);
    WebElement box =
        waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("correct-box")));
    box.findElement(By.tagName("summary")).click();
    demo.audit(driver, "closed action, an administrator's correction form");
    new Select(driver.findElement(By.id("correct-trainee"))).selectByVisibleText("Gabriela Lopes");
    new Select(driver.findElement(By.id("correct-status"))).selectByValue("late");
    driver.findElement(By.id("correct-late")).clear();
    driver.findElement(By.id("correct-late")).sendKeys("15");
    driver.findElement(By.id("correct-reason")).sendKeys("Paper attendance sheet");
    driver.findElement(By.cssSelector("#correct-attendance button[type=submit]")).click();
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("corrections"), "Attendance of Gabriela Lopes at the session of"));
    String log = driver.findElement(By.id("corrections")).getText();
    assertTrue(log.contains("not marked yet → Late, 15 min"), log);
    assertTrue(log.contains("Reason: Paper attendance sheet"), log);
    assertTrue(log.contains("By Rui Nogueira"), log);
    WebElement grading =
        driver.findElement(By.xpath("//ul[@id='evaluation']/li[.//span[.='Gabriela Lopes']]"));
    for (String[] mark :
        new String[][] {{"participation", "8"}, {"work", "7"}, {"final_reflection", "9"}}) {
      WebElement input =
          grading.findElement(By.cssSelector("input[data-criterion=" + mark[0] + "]"));
      input.clear();
      input.sendKeys(mark[1]);
    }
    grading.findElement(By.cssSelector("input[id^=reason-]")).sendKeys("Marks sent late");
    grading.findElement(By.cssSelector("button[type=submit]")).click();
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("corrections"), "Grade of Gabriela Lopes: not graded yet → 7.9 (Good)"));
    demo.audit(driver, "closed action with two logged corrections");

    // Filipe reads the log; on a phone too.
    chrome.driver(Viewport.PHONE);
    demo.enterDemoAs(driver, "Filipe Ramos", EN);
    driver.get(actionPage);
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("corrections"), "Reason: Marks sent late"));
    assertFalse(driver.findElement(By.id("correct-box")).isDisplayed(), "for administrators");
    demo.audit(driver, "the trainer reads the corrections on a phone");
  }

  /** Makes the action and a session held yesterday with the page's own API client. */
  private static String action(WebDriver driver) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Object id =
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                """
                const done = arguments[arguments.length - 1];
                const call = (path, body) => fetch(path, {
                  method: 'POST', credentials: 'same-origin',
                  headers: { 'X-Requested-With': 'cop-connector', 'Content-Type': 'application/json' },
                  body: JSON.stringify(body),
                }).then((r) => r.json());
                call('/api/v1/training-actions', {
                  title: 'Formative feedback workshop', modality: 'workshop', jointHours: 6,
                  startsOn: arguments[0], endsOn: arguments[1],
                }).then((action) => call(`/api/v1/training-actions/${action.id}/sessions`, {
                  startsAt: new Date(Date.now() - 86400000).toISOString(), minutes: 180,
                }).then(() => done(action.id)));
                """,
                today.minusDays(3).toString(),
                today.toString());
    return (String) id;
  }

  /** Enters as {@code name} and answers every statement with the same point (1 to 5). */
  private void answer(WebDriver driver, String page, String name, int point, String comment)
      throws Exception {
    demo.enterDemoAs(driver, name, EN);
    driver.get(page);
    WebElement form =
        waiting(driver)
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("satisfaction-answers")));
    List<WebElement> sets = form.findElements(By.tagName("fieldset"));
    assertEquals(6, sets.size());
    for (int i = 0; i < sets.size(); i++) {
      driver
          .findElement(By.cssSelector("label[for='satisfaction-" + i + "-" + (point - 1) + "']"))
          .click();
    }
    if (comment != null) {
      driver.findElement(By.id("satisfaction-comment")).sendKeys(comment);
      demo.audit(driver, "a trainee answers the satisfaction questionnaire");
    }
    form.findElement(By.cssSelector("button[type=submit]")).click();
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("satisfaction"), EN.text("training.satisfaction.answeredByMe")));
    if (comment != null) {
      demo.audit(driver, "a trainee has answered");
    }
  }
}
