package org.copconnector.connector.browser;

import static org.copconnector.connector.browser.DemoJourney.click;
import static org.copconnector.connector.browser.DemoJourney.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Maths in a thread, in a real browser: TeX typed in a post is drawn by KaTeX (served by the
 * connector, under its content security policy), TeX that does not parse stays as typed, and
 * editing the post starts from the TeX, not from the drawing.
 */
class MathsJourneyTest {

  @RegisterExtension final HeadlessChrome chrome = new HeadlessChrome();
  @RegisterExtension final DemoJourney demo = DemoJourney.empty(chrome);

  static Stream<Arguments> languagesAndSizes() {
    return Stream.of(
        Arguments.of(Language.ENGLISH, Viewport.DESKTOP),
        Arguments.of(Language.PORTUGUESE, Viewport.PHONE));
  }

  /** The TeX of each drawn formula, as KaTeX keeps it for screen readers. */
  private static List<String> drawnTex(WebDriver driver) {
    return driver
        .findElements(By.cssSelector("#posts .body annotation[encoding='application/x-tex']"))
        .stream()
        .map(a -> a.getDomProperty("textContent"))
        .toList();
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("languagesAndSizes")
  void anEquationIsDrawnAndEditedAsTyped(Language language, Viewport viewport) throws Exception {
    WebDriver driver = demo.startCommunity(language, viewport);
    demo.openCommunity(driver);
    driver.findElement(By.cssSelector("#new-thread-box summary")).click();
    driver.findElement(By.id("thread-title")).sendKeys("½ + ⅓");
    RichText.type(
        driver,
        "thread-body",
        "\\(\\frac{1}{2} + \\frac{1}{3} = \\frac{5}{6}\\)",
        Keys.ENTER,
        "$$x^2 < 2$$",
        Keys.ENTER,
        "\\(\\frac{1}{\\)");
    driver.findElement(By.cssSelector("#new-thread button[type=submit]")).click();
    waiting(driver).until(ExpectedConditions.textToBe(By.id("title"), "½ + ⅓"));
    waiting(driver).until(d -> drawnTex(d).size() == 2);
    assertEquals(
        List.of("\\frac{1}{2} + \\frac{1}{3} = \\frac{5}{6}", "x^2 < 2"), drawnTex(driver));
    WebElement body = driver.findElement(By.cssSelector("#posts > li:first-child .body"));
    assertEquals(1, body.findElements(By.cssSelector(".katex-display")).size(), "$$ on its line");
    assertTrue(body.getText().contains("\\(\\frac{1}{\\)"), "unparsed TeX as typed");
    demo.audit(driver, "a post with maths");

    click(
        driver,
        "//li[contains(@class,'post')]//button[.='" + language.text("discussion.edit") + "']");
    WebElement area =
        waiting(driver)
            .until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#posts textarea")));
    assertEquals(
        "\\(\\frac{1}{2} + \\frac{1}{3} = \\frac{5}{6}\\)\n\n$$x^2 < 2$$\n\n\\(\\frac{1}{\\)",
        area.getDomProperty("value"), "the edit starts from the TeX");
    area.clear();
    area.sendKeys("\\(\\frac{1}{2} + \\frac{1}{4} = \\frac{3}{4}\\)");
    click(driver, "//button[.='" + language.text("discussion.save") + "']");
    waiting(driver)
        .until(d -> drawnTex(d).equals(List.of("\\frac{1}{2} + \\frac{1}{4} = \\frac{3}{4}")));
    assertTrue(
        driver
            .findElement(By.cssSelector("#posts > li:first-child"))
            .getText()
            .contains(language.text("discussion.edited")));
  }
}
