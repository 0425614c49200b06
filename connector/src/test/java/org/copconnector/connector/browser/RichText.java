package org.copconnector.connector.browser;

import static org.copconnector.connector.browser.DemoJourney.waiting;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The rich-text editor over a message textarea, as a person uses it: a click into the textarea
 * brings the editor (it is not loaded with the page), typing goes into the editor's frame (Enter
 * starts a paragraph), buttons are found by their translated names.
 */
final class RichText {

  private RichText() {}

  /** Types into the editor that replaced the textarea {@code id}, after what it holds. */
  static void type(WebDriver driver, String id, CharSequence... keys) {
    ready(driver, id);
    // Keys go to what has the focus: the editor's body, not the field before it.
    ((JavascriptExecutor) driver).executeScript("tinymce.get(arguments[0]).focus()", id);
    waiting(driver).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id(id + "_ifr")));
    try {
      driver.findElement(By.id("tinymce")).sendKeys(keys);
    } finally {
      driver.switchTo().defaultContent();
    }
  }

  /** Presses the toolbar button of the editor over {@code id} named {@code label}. */
  static void press(WebDriver driver, String id, String label) {
    waiting(driver)
        .until(
            ExpectedConditions.elementToBeClickable(
                By.xpath(
                    "//textarea[@id='"
                        + id
                        + "']/following-sibling::div[contains(@class,'tox-tinymce')]"
                        + "//button[@aria-label='"
                        + label
                        + "']")))
        .click();
  }

  /**
   * Waits until the editor over {@code id} is ready for typing, clicking into its textarea first.
   */
  static void ready(WebDriver driver, String id) {
    boolean started =
        Boolean.TRUE.equals(
            ((JavascriptExecutor) driver)
                .executeScript("return Boolean(window.tinymce?.get(arguments[0]))", id));
    WebElement area = driver.findElement(By.id(id));
    if (!started && area.isDisplayed()) {
      try {
        area.click();
      } catch (ElementNotInteractableException arriving) {
        // the editor, already on its way (a text given to edit), has just hidden the textarea
      }
    }
    // The editor's script is read when the box is first used: on a busy machine that takes a while.
    Waits.upTo(driver, Duration.ofSeconds(30))
        .until(
            d ->
                Boolean.TRUE.equals(
                    ((JavascriptExecutor) d)
                        .executeScript(
                            "return Boolean(window.tinymce?.get(arguments[0])?.initialized)", id)));
  }

  /**
   * Brings the editor of every message box shown, as a person going into each would (without moving
   * the focus), and waits until they are drawn.
   */
  static void startShown(WebDriver driver) {
    ((JavascriptExecutor) driver)
        .executeScript(
            "for (const area of document.querySelectorAll('textarea')) {"
                + "  if (area.offsetParent !== null) area.dispatchEvent(new FocusEvent('focus'));"
                + "}");
    settled(driver);
  }

  /** Waits until every editor the page started is drawn (one whose script is loading too). */
  static void settled(WebDriver driver) {
    Waits.upTo(driver, Duration.ofSeconds(30))
        .until(
            d ->
                Boolean.TRUE.equals(
                    ((JavascriptExecutor) d)
                        .executeScript(
                            "if (document.querySelector('textarea[data-editor=loading]')) return false;"
                                + "const loading = document.querySelector('script[src*=\"/tinymce/\"]');"
                                + "if (!loading) return true;"
                                + "if (!window.tinymce) return false;"
                                + "const editors = tinymce.get();"
                                + "return editors.length > 0 && editors.every((e) => e.initialized"
                                + " && getComputedStyle(e.getContainer()).visibility !== 'hidden');")));
  }

  /** The editor's content as HTML. */
  static String html(WebDriver driver, String id) {
    ready(driver, id);
    return String.valueOf(
        ((JavascriptExecutor) driver)
            .executeScript("return tinymce.get(arguments[0]).getContent()", id));
  }
}
