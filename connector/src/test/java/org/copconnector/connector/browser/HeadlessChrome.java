package org.copconnector.connector.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.bidi.browsingcontext.BrowsingContext;
import org.openqa.selenium.bidi.browsingcontext.CaptureScreenshotParameters;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven headless through its chromedriver (installed by
 * scripts/install-test-deps.sh), for one test at a time. A test fails on what a person would see as
 * broken in any of its pages: a console error (a missing translation logs one), an uncaught error,
 * an answer of 400 or more or a request without answer, unless the test said it expects it; and on
 * any serious or critical accessibility violation found by {@link #audit}. Each audited step leaves
 * a screenshot in target/journeys/&lt;class&gt;/&lt;test&gt;/, and a failed test a screenshot of
 * every open window.
 *
 * <p>Starting Chromium costs seconds on a busy machine, so a browser whose test passed is kept for
 * the next test of the same JVM, in a new tab, with its cookies, storage and cache cleared; a test
 * that failed gives its browser up.
 */
public final class HeadlessChrome
    implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

  private static final File CHROMIUM = new File("/usr/bin/chromium");
  private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
  private static final Path JOURNEYS = Path.of("target", "journeys");

  /** Whether the page is wider than the window (a phone would scroll it sideways), and by what. */
  private static final String SIDEWAYS =
      """
      const root = document.documentElement;
      if (root.scrollWidth <= root.clientWidth + 1) return null;
      const name = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
        + (typeof e.className === 'string' && e.className.trim()
          ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
      const wide = [...document.body.querySelectorAll('*')]
        .filter((e) => e.getBoundingClientRect().right > root.clientWidth + 1);
      return 'the page is ' + root.scrollWidth + ' px wide in a window of ' + root.clientWidth
        + ' px (wider: ' + wide.slice(-5).map(name).join(', ') + ')';
      """;

  /** A browser whose test passed, waiting for the next test (one JVM runs one test at a time). */
  private static Kept kept;

  private static final AtomicBoolean KEPT_AT_EXIT = new AtomicBoolean();

  private record Kept(ChromeDriver driver, Path profile) {}

  private ChromeDriver driver;
  private Path profile;
  private PageProblems problems;
  private Path folder;
  private int steps;
  private boolean passed;

  /** The browser, its page area 1280 x 900 unless the test chose another size. */
  public WebDriver driver() {
    return driver;
  }

  /** The browser with its page area at this size (for the windows it opens next, too). */
  public WebDriver driver(Viewport viewport) {
    resize(driver, viewport);
    return driver;
  }

  /** The browser at a phone's size, 390 x 844. */
  public WebDriver phone() {
    return driver(Viewport.PHONE);
  }

  /**
   * Checks the page as it is now with axe-core and takes its screenshot as the journey's next step.
   * Serious and critical violations fail the test (all of them are listed at its end); moderate and
   * minor ones go to axe-report.md beside the screenshots.
   */
  public void audit(WebDriver driver, String step) throws IOException {
    Path shot = screenshot(driver, step);
    String sideways = (String) ((JavascriptExecutor) driver).executeScript(SIDEWAYS);
    if (sideways != null) {
      problems.add(
          "layout", "step \"" + step + "\" at " + driver.getCurrentUrl() + ": " + sideways);
    }
    List<AxeAudit.Violation> violations = AxeAudit.run(driver);
    List<String> lines = new ArrayList<>();
    for (AxeAudit.Violation v : violations) {
      lines.add("- " + (v.failsTest() ? "**" + v.impact() + "** " : "") + v);
      if (v.failsTest()) {
        problems.add(
            "accessibility", "step \"" + step + "\" at " + driver.getCurrentUrl() + ": " + v);
      }
    }
    String report =
        "## "
            + shot.getFileName()
            + " "
            + driver.getCurrentUrl()
            + "\n\n"
            + (lines.isEmpty() ? "No violations." : String.join("\n", lines))
            + "\n\n";
    Files.writeString(
        folder.resolve("axe-report.md"),
        report,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  /** Saves the whole page of the current window as the journey's next step; gives the file. */
  public Path screenshot(WebDriver driver, String step) throws IOException {
    steps++;
    Path file = folder.resolve("%02d-%s.png".formatted(steps, slug(step)));
    Files.write(file, wholePage(driver));
    return file;
  }

  /**
   * Declares a refusal the test provokes on purpose: an answer with this status (0: no answer) to
   * an address containing urlPart does not fail it.
   */
  public void expectFailedRequest(String urlPart, int status) {
    problems.expectFailedRequest(urlPart, status);
  }

  /** Declares a console error the test provokes on purpose, by a part of its text. */
  public void expectConsoleError(String textPart) {
    problems.expectConsoleError(textPart);
  }

  /**
   * Checks only requests and scripts at addresses starting with this (the connector's), for
   * journeys through another site's pages (a real Moodle's).
   */
  public void checkOnly(String urlPrefix) {
    problems.checkOnly(urlPrefix);
  }

  /**
   * A new headless Chromium at the desktop size, with WebDriver BiDi when asked (needed for the
   * checks); the caller quits it.
   */
  public static ChromeDriver launch(Path profile, boolean bidi) {
    if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
      throw new IllegalStateException(
          "Chromium and chromedriver are needed: run scripts/install-test-deps.sh");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    // Flags for a closed network and a root user: no sandbox, no background calls home.
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--lang=en-GB",
        // Bootstrap scrolls smoothly unless motion is reduced; a click must land where it aims.
        "--force-prefers-reduced-motion",
        // Phones draw scroll bars over the page: the page keeps its whole width, as there.
        "--hide-scrollbars",
        "--window-size=1280,900",
        "--user-data-dir=" + profile);
    if (bidi) {
      options.setCapability("webSocketUrl", true);
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER)
            .usingAnyFreePort()
            .build();
    ChromeDriver chrome = new ChromeDriver(service, options);
    chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
    chrome.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    resize(chrome, Viewport.DESKTOP);
    return chrome;
  }

  /**
   * Sets the window so that the page area has the viewport's size: headless Chromium counts a
   * browser frame in the window's height.
   */
  @SuppressWarnings("unchecked")
  private static void resize(ChromeDriver chrome, Viewport viewport) {
    chrome.manage().window().setSize(new Dimension(viewport.width(), viewport.height()));
    List<Long> inner =
        (List<Long>) chrome.executeScript("return [window.innerWidth, window.innerHeight]");
    int width = viewport.width() + (viewport.width() - inner.get(0).intValue());
    int height = viewport.height() + (viewport.height() - inner.get(1).intValue());
    if (width != viewport.width() || height != viewport.height()) {
      chrome.manage().window().setSize(new Dimension(width, height));
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    folder =
        JOURNEYS.resolve(context.getRequiredTestClass().getSimpleName()).resolve(name(context));
    if (Files.exists(folder)) {
      delete(folder);
    }
    Files.createDirectories(folder);
    steps = 0;
    passed = false;
    Kept browser = take();
    if (browser == null) {
      profile = Files.createTempDirectory("cop-chromium-");
      driver = launch(profile, true);
    } else {
      profile = browser.profile();
      driver = browser.driver();
    }
    problems = new PageProblems(driver);
  }

  private static synchronized Kept take() {
    Kept browser = kept;
    kept = null;
    return browser;
  }

  /** Keeps the browser for the next test; false when one is kept already. */
  private static synchronized boolean keep(ChromeDriver driver, Path profile) {
    if (kept != null) {
      return false;
    }
    if (KEPT_AT_EXIT.compareAndSet(false, true)) {
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    Kept last = take();
                    if (last != null) {
                      last.driver().quit();
                      deleteQuietly(last.profile());
                    }
                  },
                  "chromium-quit"));
    }
    kept = new Kept(driver, profile);
    return true;
  }

  /**
   * Leaves the browser as a new one would be: one new tab (a tab keeps its session storage) on a
   * blank page at the desktop size, no cookies, nothing stored by the origins the test visited, an
   * empty cache; false when the browser does not answer as expected.
   */
  private static boolean reset(ChromeDriver driver, Set<String> origins) {
    try {
      List<String> old = new ArrayList<>(driver.getWindowHandles());
      driver.switchTo().newWindow(WindowType.TAB);
      String fresh = driver.getWindowHandle();
      for (String window : old) {
        driver.switchTo().window(window);
        driver.close();
      }
      driver.switchTo().window(fresh);
      driver.get("about:blank");
      driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
      driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
      for (String origin : origins) {
        if (!origin.startsWith("http")) {
          continue;
        }
        driver.executeCdpCommand(
            "Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
      }
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
      driver.manage().timeouts().implicitlyWait(Duration.ZERO);
      resize(driver, Viewport.DESKTOP);
      return driver.getWindowHandles().size() == 1;
    } catch (WebDriverException e) {
      return false;
    }
  }

  /** The test method's name, and for a parameterized test its parameters ("en-phone"). */
  private static String name(ExtensionContext context) {
    String method = context.getRequiredTestMethod().getName();
    String display = context.getDisplayName();
    return display.startsWith(method + "(") ? method : method + "-" + slug(display);
  }

  @Override
  public void afterTestExecution(ExtensionContext context) throws Exception {
    if (driver == null) {
      return;
    }
    List<String> unexpected = problems.unexpected();
    if (context.getExecutionException().isPresent() || !unexpected.isEmpty()) {
      screenshotEveryWindow();
    } else {
      passed = true;
    }
    if (!unexpected.isEmpty()) {
      throw new AssertionError(
          unexpected.size()
              + " thing(s) a person would see as broken:\n  "
              + String.join("\n  ", unexpected)
              + "\n(screenshots in "
              + folder.toAbsolutePath()
              + ")");
    }
  }

  private void screenshotEveryWindow() {
    try {
      String current = driver.getWindowHandle();
      int n = 0;
      for (String window : driver.getWindowHandles()) {
        driver.switchTo().window(window);
        Path file = folder.resolve("failure-" + (++n) + ".png");
        Files.write(file, wholePage(driver));
        System.err.println(
            "screenshot at the failure: "
                + file.toAbsolutePath()
                + " of "
                + driver.getCurrentUrl());
      }
      driver.switchTo().window(current);
    } catch (IOException | WebDriverException e) {
      System.err.println("no screenshot of the failure: " + e);
    }
  }

  /** The whole page, beyond the window's height, as PNG. */
  private static byte[] wholePage(WebDriver driver) {
    try {
      String png =
          new BrowsingContext(driver, driver.getWindowHandle())
              .captureScreenshot(
                  new CaptureScreenshotParameters()
                      .origin(CaptureScreenshotParameters.Origin.DOCUMENT));
      return Base64.getDecoder().decode(png);
    } catch (WebDriverException | IllegalArgumentException e) {
      return ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    }
  }

  /** Lower-case words joined by hyphens, for file names. */
  private static String slug(String text) {
    String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    Set<String> origins = Set.of();
    if (problems != null) {
      origins = problems.origins();
      problems.close();
    }
    if (driver != null
        && passed
        && context.getExecutionException().isEmpty()
        && reset(driver, origins)
        && keep(driver, profile)) {
      return;
    }
    if (driver != null) {
      driver.quit();
    }
    if (profile != null) {
      delete(profile);
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      delete(path);
    } catch (IOException | RuntimeException e) {
      // a temporary folder left behind at exit harms nothing
    }
  }

  private static void delete(Path path) throws IOException {
    try (var paths = Files.walk(path)) {
      paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }
}
