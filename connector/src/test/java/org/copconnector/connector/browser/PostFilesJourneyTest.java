package org.copconnector.connector.browser;

import static org.copconnector.connector.browser.DemoJourney.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.copconnector.plugin.testing.Photos;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A thread with a pasted picture and an attached file, in a real browser: the picture is shown in
 * the post, the file is listed under it and downloads, and it can be saved into the bank.
 */
class PostFilesJourneyTest {

  @RegisterExtension final HeadlessChrome chrome = new HeadlessChrome();
  @RegisterExtension final DemoJourney demo = DemoJourney.empty(chrome);
  @TempDir Path files;

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = Language.class,
      names = {"ENGLISH", "PORTUGUESE"})
  void aPostWithAPastedPictureAndAnAttachedFile(Language language) throws Exception {
    WebDriver driver = demo.startCommunity(language, Viewport.DESKTOP);
    demo.openCommunity(driver);
    driver.findElement(By.cssSelector("#new-thread-box summary")).click();
    driver.findElement(By.id("thread-title")).sendKeys("Rotina ver-pensar-perguntar");
    RichText.type(driver, "thread-body", "O quadro no fim da aula:");
    paste(driver, "thread-body", Photos.jpeg(2400, 1200), "image/jpeg", "quadro.jpg");
    // Sent, made smaller and kept before it is shown (the first picture also loads the detector).
    Waits.upTo(driver, java.time.Duration.ofSeconds(60))
        .until(d -> RichText.html(d, "thread-body").contains("/api/v1/post-files/"));

    Path plan = files.resolve("Plano de aula.txt");
    Files.writeString(plan, "Ver, pensar, perguntar.", StandardCharsets.UTF_8);
    WebElement attach = driver.findElement(By.id("thread-files-input"));
    assertEquals(
        language.text("post.attach"),
        driver.findElement(By.cssSelector("label[for=thread-files-input]")).getText());
    attach.sendKeys(plan.toString());
    waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#thread-files .attachment-choices"), "Plano de aula.txt"));
    driver.findElement(By.cssSelector("#new-thread button[type=submit]")).click();

    // The thread: the picture shown (made 1600 px wide), the file listed and downloadable.
    WebElement picture =
        waiting(driver)
            .until(
                ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#posts .body img[src^='/api/v1/post-files/']")));
    waiting(driver)
        .until(
            d ->
                ((Number) script(d, "return arguments[0].naturalWidth", picture)).intValue()
                    == 1600);
    WebElement link = driver.findElement(By.cssSelector("#posts .attachments a[download]"));
    assertTrue(link.getText().startsWith("Plano de aula.txt ("), link.getText());
    Object downloaded =
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "const done = arguments[1];"
                    + "fetch(arguments[0].href).then(async (r) =>"
                    + " done(r.status + ' ' + r.headers.get('content-disposition').split(';')[0]"
                    + " + ' ' + await r.text()));",
                link);
    assertEquals("200 attachment Ver, pensar, perguntar.", downloaded);
    demo.audit(driver, "a post with a picture and an attached file");

    // Saved into the community's bank from the post.
    driver
        .findElement(
            By.xpath(
                "//div[contains(@class,'attachments')]//button[.='"
                    + language.text("post.saveToBank")
                    + "']"))
        .click();
    waiting(driver)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.xpath(
                    "//div[contains(@class,'attachments')]//a[.='"
                        + language.text("post.inBank")
                        + "']")));
  }

  /** Pastes a file into the editor over {@code id}, as the browser does from the clipboard. */
  private static void paste(WebDriver driver, String id, byte[] content, String type, String name) {
    RichText.ready(driver, id);
    script(
        driver,
        "const bytes = Uint8Array.from(atob(arguments[1]), (c) => c.charCodeAt(0));"
            + "const data = new DataTransfer();"
            + "data.items.add(new File([bytes], arguments[3], { type: arguments[2] }));"
            + "tinymce.get(arguments[0]).getBody().dispatchEvent(new ClipboardEvent('paste',"
            + " { clipboardData: data, bubbles: true, cancelable: true }));",
        id,
        Base64.getEncoder().encodeToString(content),
        type,
        name);
  }

  private static Object script(WebDriver driver, String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }
}
