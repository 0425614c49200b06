package org.copconnector.connector.browser;

import static org.copconnector.connector.browser.DemoJourney.click;
import static org.copconnector.connector.browser.DemoJourney.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The community's resource bank in a real browser, in demo mode: a document added, used in class,
 * then found by the words inside it. Each step is audited (axe-core) and kept as a screenshot under
 * target/journeys/BankJourneyTest/.
 */
class BankJourneyTest {

  @RegisterExtension final HeadlessChrome chrome = new HeadlessChrome();
  @RegisterExtension final DemoJourney demo = DemoJourney.empty(chrome);
  @TempDir Path dataDir;

  @Test
  void aTeacherAddsADocumentToTheBankAndFindsTheWordsInsideIt() throws Exception {
    WebDriver driver = demo.startCommunity();
    demo.openCommunity(driver);
    click(driver, "//a[.='Banco de recursos']");
    waiting(driver)
        .until(
            ExpectedConditions.textToBe(
                By.id("heading"), "Banco de recursos de Avaliação formativa"));
    demo.audit(driver, "resource bank");
    java.nio.file.Path pdf = dataDir.resolve("grelha.pdf");
    java.nio.file.Files.write(
        pdf,
        org.copconnector.connector.bank.Documents.pdf(
            "Grelha de observacao com criterios de metacognicao"));
    driver.findElement(By.cssSelector("#add-box summary")).click();
    demo.audit(driver, "form to add a resource");
    driver.findElement(By.id("r-file")).sendKeys(pdf.toString());
    driver.findElement(By.id("r-title")).clear();
    driver.findElement(By.id("r-title")).sendKeys("Grelha de observação de aulas");
    driver.findElement(By.id("r-subjects")).sendKeys("Biologia");
    driver.findElement(By.cssSelector("#add button[type=submit]")).click();
    waiting(driver)
        .until(ExpectedConditions.textToBe(By.id("title"), "Grelha de observação de aulas"));
    assertTrue(driver.findElement(By.id("versions")).getText().contains("grelha.pdf"));
    demo.audit(driver, "new resource");
    click(driver, "//button[.='Usar isto na aula' or .='Usei isto na aula']");
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("counts"), "usado na aula por 1 pessoa"));
    demo.audit(driver, "resource used in class");

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
    demo.audit(driver, "search results");
  }
}
