package org.copconnector.connector.browser;

import static org.copconnector.connector.browser.DemoJourney.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The demo's start page in a real browser: anyone enters as a sample person, by keyboard too, and
 * lands on a course hub with its sample communities. Each step is audited (axe-core) and kept as a
 * screenshot under target/journeys/DemoStartTest/.
 */
class DemoStartTest {

  @RegisterExtension final HeadlessChrome chrome = new HeadlessChrome();
  @RegisterExtension final DemoJourney demo = DemoJourney.withSamples(chrome);

  @Test
  void theDemoStartPageLetsAnyoneIn() throws Exception {
    WebDriver driver = chrome.driver();
    driver.get(demo.tool("/"));
    assertEquals(demo.tool("/demo"), driver.getCurrentUrl(), "the root leads to the start page");
    assertTrue(driver.findElement(By.className("demo-banner")).isDisplayed(), "marked as demo");
    waiting(driver)
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#courses button")));
    demo.audit(driver, "demo start page");
    // Keyboard first: the skip link is the first stop.
    driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
    assertTrue(driver.switchTo().activeElement().getDomAttribute("class").contains("skip"));
    WebElement enter =
        waiting(driver)
            .until(
                ExpectedConditions.elementToBeClickable(
                    By.xpath("//button[contains(., 'Filipe Ramos')]")));
    enter.click();
    waiting(driver)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("me"), "Filipe Ramos"));
    assertTrue(
        driver.findElement(By.id("demo-banner")).isDisplayed(), "the hub is marked as demo too");
    assertEquals(
        "Ciências Experimentais — ES do Rio", driver.findElement(By.id("course-title")).getText());
    // No language was picked on the start page: Filipe enters in his own, Portuguese.
    assertEquals("pt", driver.findElement(By.tagName("html")).getDomAttribute("lang"));
    assertTrue(
        driver.findElement(By.id("status")).getText().matches("\\d+ participantes? .*"),
        driver.findElement(By.id("status")).getText());
    // The course's sample communities are there from the start.
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("community-list"), "Trabalho laboratorial investigativo"));
    assertTrue(
        driver.findElement(By.id("community-list")).getText().contains("Science in English"));
    demo.audit(driver, "hub of a demo course");
  }
}
