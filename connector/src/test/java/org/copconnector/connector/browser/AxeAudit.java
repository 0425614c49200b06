package org.copconnector.connector.browser;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core run in the page as it is now: the script comes from the axe-core Selenium jar's class
 * path (its Java API is not used) and is injected when the page does not have it yet.
 */
final class AxeAudit {

  /** One rule broken on the page: where (CSS selectors) and how badly. */
  record Violation(String id, String impact, String help, String helpUrl, List<String> targets) {

    /** Serious and critical violations fail a test; moderate and minor ones are reported. */
    boolean failsTest() {
      return "serious".equals(impact) || "critical".equals(impact);
    }

    @Override
    public String toString() {
      return id + " (" + impact + "): " + help + " — " + String.join(", ", targets) + " " + helpUrl;
    }
  }

  private static final String SCRIPT = read("/axe.min.js");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Only what a test needs of axe's results, as JSON (the full result is several megabytes). */
  private static final String RUN =
      """
      const done = arguments[arguments.length - 1];
      axe.run(document, { resultTypes: ['violations'] })
        .then((result) => done(JSON.stringify(result.violations.map((v) => ({
          id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
          targets: v.nodes.map((n) => n.target.join(' ')) })))))
        .catch((error) => done(JSON.stringify({ error: String(error) })));
      """;

  private AxeAudit() {}

  /** The violations on the current page of this driver's window. */
  static List<Violation> run(WebDriver driver) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
      js.executeScript(SCRIPT);
    }
    String result = (String) js.executeAsyncScript(RUN);
    try {
      if (result.startsWith("{")) {
        throw new IllegalStateException("axe-core could not run: " + result);
      }
      return JSON.readValue(result, new TypeReference<List<Violation>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(String resource) {
    try (InputStream in = AxeAudit.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            resource
                + " is not on the class path: the com.deque.html.axe-core:selenium jar has it");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
