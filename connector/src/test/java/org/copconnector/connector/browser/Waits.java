package org.copconnector.connector.browser;

import java.time.Duration;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Waits for what a page shows, looking again every 100 ms: Selenium's default of 500 ms is mostly
 * waited out whenever the first look fails.
 */
final class Waits {

  private static final Duration POLL = Duration.ofMillis(100);

  private Waits() {}

  /** A wait of at most {@code timeout}. */
  static WebDriverWait upTo(WebDriver driver, Duration timeout) {
    return new WebDriverWait(driver, timeout, POLL);
  }
}
