package org.copconnector.connector.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A real Moodle driven through its own pages in the browser: sign in, sign out, screenshots. */
final class MoodleSite {

  private final WebDriver driver;
  private final String url;
  private final Path screenshots;
  private int shots;

  MoodleSite(WebDriver driver, String url, Path screenshots) {
    this.driver = driver;
    this.url = url;
    this.screenshots = screenshots;
  }

  /** Waits long enough for Moodle's pages on a busy two-core machine. */
  WebDriverWait waiting() {
    return Waits.upTo(driver, Duration.ofSeconds(60));
  }

  void open(String path) {
    driver.get(url + path);
  }

  /**
   * Signs in through Moodle's login form. Tried up to three times: on this busy shared machine the
   * form is sometimes drawn again while being filled in, or Moodle no longer knows the form's
   * one-time login token.
   */
  void logIn(String username, String password) {
    for (int attempt = 1; ; attempt++) {
      try {
        if (tryLogIn(username, password)) {
          return;
        }
        if (attempt == 3) {
          throw new IllegalStateException(
              username
                  + " cannot sign in to Moodle: "
                  + driver.findElement(By.id("loginerrormessage")).getText());
        }
      } catch (WebDriverException e) {
        if (attempt == 3) {
          throw e;
        }
      }
      driver.manage().deleteAllCookies();
    }
  }

  private boolean tryLogIn(String username, String password) {
    open("/login/index.php");
    waiting().until(ExpectedConditions.elementToBeClickable(By.id("password")));
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.id("loginbtn")).click();
    waiting()
        .until(
            ExpectedConditions.or(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector(".usermenu")),
                ExpectedConditions.presenceOfElementLocated(By.id("loginerrormessage"))));
    return !driver.findElements(By.cssSelector(".usermenu")).isEmpty();
  }

  /**
   * Forgets everyone: Moodle and the connector share the host 127.0.0.1, and cookies do not tell
   * ports apart, so both sessions go.
   */
  void logOut() {
    driver.switchTo().defaultContent();
    open("/login/index.php");
    driver.manage().deleteAllCookies();
  }

  /**
   * Deletes an activity through the course's own confirmation page (it goes to Moodle's recycle
   * bin), so that runs do not pile activities up in the shared lab's course.
   */
  void deleteActivity(long cmid) {
    open("/course/mod.php?delete=" + cmid);
    waiting()
        .until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("form[action$='/course/mod.php'] [type='submit']")))
        .click();
    waiting().until(ExpectedConditions.urlContains("/course/view.php"));
  }

  /** Saves what the browser shows now as {@code NN-name.png}. */
  Path screenshot(String name) throws IOException {
    Files.createDirectories(screenshots);
    Path file = screenshots.resolve(String.format("%02d-%s.png", ++shots, name));
    Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    return file;
  }
}
