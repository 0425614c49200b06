package org.copconnector.connector.browser;

import static org.copconnector.connector.browser.DemoJourney.click;
import static org.copconnector.connector.browser.DemoJourney.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Reflection in a real browser, in demo mode: the facilitator runs the mirror survey and schedules
 * prompts; a teacher keeps an answer in her journal, then shares it with its evidence. Each step is
 * audited (axe-core) and kept as a screenshot under target/journeys/ReflectionJourneyTest/.
 */
class ReflectionJourneyTest {

  @RegisterExtension final HeadlessChrome chrome = new HeadlessChrome();
  @RegisterExtension final DemoJourney demo = DemoJourney.empty(chrome);

  @Test
  void aFacilitatorRunsTheMirrorAndSchedulesAPrompt() throws Exception {
    WebDriver driver = demo.startCommunity();
    demo.openCommunity(driver);
    click(driver, "//a[.='Reflexão']");
    waiting(driver)
        .until(ExpectedConditions.textToBe(By.id("heading"), "Reflexão em Avaliação formativa"));
    demo.audit(driver, "reflection page");
    driver.findElement(By.cssSelector("#survey-box summary")).click();
    demo.audit(driver, "form to start a survey");
    driver.findElement(By.cssSelector("#new-survey button[type=submit]")).click();
    click(driver, "//button[.='Abrir uma ronda']");
    waiting(driver)
        .until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector(".survey-card form input[type=radio][value='4']")))
        .click();
    demo.audit(driver, "survey round open");
    driver.findElement(By.cssSelector(".survey-card form button[type=submit]")).click();
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("surveys"), "Já respondeu a esta ronda."));
    assertTrue(
        driver.findElement(By.id("surveys")).getText().contains("Responderam menos de 3 pessoas"),
        "no results below the minimum");
    demo.audit(driver, "survey answered");

    driver.findElement(By.cssSelector("#schedule-box summary")).click();
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("p-library")))
        .selectByIndex(1);
    assertEquals("Depois da aula", driver.findElement(By.id("p-title")).getDomProperty("value"));
    demo.audit(driver, "form to schedule a prompt");
    ((org.openqa.selenium.JavascriptExecutor) driver)
        .executeScript(
            "document.getElementById('p-date').value ="
                + " new Date(Date.now() + 7 * 86400000).toISOString().slice(0, 10)");
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("p-repeat")))
        .selectByValue("weekly");
    driver.findElement(By.cssSelector("#schedule button[type=submit]")).click();
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("schedules"), "todas as semanas"));
    assertTrue(driver.findElement(By.id("schedules")).getText().contains("Depois da aula"));
    demo.audit(driver, "prompt scheduled");
    click(driver, "//ul[@id='schedules']//button[.='Parar este agendamento']");
    // Stopping asks first.
    click(driver, "//dialog//button[.='Parar este agendamento']");
    waiting(driver)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("schedules"), "parado"));
    demo.audit(driver, "schedule stopped");
  }

  @Test
  void aTeacherKeepsAnAnswerInHerJournalThenSharesItWithEvidence() throws Exception {
    WebDriver driver = demo.startCommunity();
    demo.enterDemoAs(driver, "Gabriela Lopes");
    demo.openCommunity(driver);
    click(driver, "//button[.='Entrar']");
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("members"), "Gabriela Lopes"));

    // Filipe writes a prompt of his own that asks for evidence, and opens it at once.
    demo.enterDemoAs(driver, "Filipe Ramos");
    demo.openCommunity(driver);
    click(driver, "//a[.='Reflexão']");
    click(driver, "//details[@id='write-box']/summary");
    demo.audit(driver, "form to write a prompt");
    driver.findElement(By.id("w-title")).sendKeys("Observação entre pares");
    // The prompt is written in the posts' editor, with its formatting.
    RichText.type(driver, "w-text", "O que viu na aula de um colega que ");
    RichText.press(driver, "w-text", "Negrito");
    RichText.type(driver, "w-text", "vai experimentar");
    RichText.press(driver, "w-text", "Negrito");
    RichText.type(driver, "w-text", "?");
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("w-characteristic")))
        .selectByValue("deprivatised_practice");
    driver.findElement(By.id("w-evidence")).click();
    driver.findElement(By.cssSelector("#write button[type=submit]")).click();
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("written"), "Observação entre pares"));
    assertEquals(
        "vai experimentar",
        driver.findElement(By.cssSelector("#written strong")).getText(),
        "the prompt is listed with its formatting");
    demo.audit(driver, "prompt written");
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
    demo.audit(driver, "prompt opened");

    // Gabriela answers privately first: nobody else sees it.
    demo.enterDemoAs(driver, "Gabriela Lopes");
    demo.openCommunity(driver);
    click(driver, "//a[.='Reflexão']");
    click(driver, "//ul[@id='openings']//a[.='Observação entre pares']");
    waiting(driver).until(ExpectedConditions.textToBe(By.id("title"), "Observação entre pares"));
    assertEquals(
        "vai experimentar",
        driver.findElement(By.cssSelector("#prompt strong")).getText(),
        "the opened prompt keeps its formatting");
    demo.audit(driver, "prompt page");
    RichText.type(driver, "a-body", "Vi a Inês usar cartões de cores para as dúvidas.");
    driver.findElement(By.id("a-private")).click();
    driver.findElement(By.cssSelector("#answer button[type=submit]")).click();
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("journal"), "cartões de cores"));
    assertTrue(driver.findElement(By.id("answers")).getText().contains("Ainda ninguém"));
    demo.audit(driver, "private answer in the journal");

    // Sharing needs the evidence the prompt asks for: she adds a link, then shares.
    chrome.expectFailedRequest("/share", 422);
    click(driver, "//ol[@id='journal']//button[.='Partilhar com a comunidade']");
    waiting(driver)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("journal-status"), "evid"));
    demo.audit(driver, "sharing refused without evidence");
    click(driver, "//ol[@id='journal']//button[.='Editar']");
    driver.findElement(By.id("a-link")).sendKeys("https://escola.example/cartoes");
    driver.findElement(By.cssSelector("#answer button[type=submit]")).click();
    waiting(driver)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.xpath("//ol[@id='journal']//a[@href='https://escola.example/cartoes']")));
    demo.audit(driver, "answer with evidence");
    click(driver, "//ol[@id='journal']//button[.='Partilhar com a comunidade']");
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("answers"), "cartões de cores"));
    assertFalse(driver.findElement(By.id("journal-box")).isDisplayed(), "no longer private");
    assertFalse(driver.findElement(By.id("respondents-box")).isDisplayed(), "for facilitators");
    demo.audit(driver, "answer shared");

    // Her portfolio holds it, ready to print or download.
    driver.get(demo.tool("/portfolio"));
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
    demo.audit(driver, "portfolio");

    // Filipe sees who has answered, and the community's numbers as a chart.
    demo.enterDemoAs(driver, "Filipe Ramos");
    demo.openCommunity(driver);
    click(driver, "//a[.='Reflexão']");
    waiting(driver)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("openings"), "1 de 2"));
    assertTrue(driver.findElement(By.id("chart")).isDisplayed());
    demo.audit(driver, "reflection page with the chart");
    click(driver, "//ul[@id='openings']//a[.='Observação entre pares']");
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("respondents"), "Gabriela Lopes"));
    String who = driver.findElement(By.id("respondents")).getText();
    assertTrue(who.contains("respondeu") && who.contains("ainda não"), who);
    demo.audit(driver, "who answered the prompt");

    // The prompt's thread leads back to its prompt page.
    click(driver, "//a[@id='thread-link']");
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("posts"), "cartões de cores"));
    waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("prompt-page")));
    demo.audit(driver, "the prompt's thread");
  }
}
