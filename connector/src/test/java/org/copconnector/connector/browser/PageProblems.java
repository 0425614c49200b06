package org.copconnector.connector.browser;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.bidi.log.BaseLogEntry;
import org.openqa.selenium.bidi.log.LogLevel;
import org.openqa.selenium.bidi.log.StackTrace;
import org.openqa.selenium.bidi.module.LogInspector;
import org.openqa.selenium.bidi.module.Network;
import org.openqa.selenium.bidi.network.FetchError;
import org.openqa.selenium.bidi.network.ResponseDetails;

/**
 * What a person would see as broken, as the browser reports it over WebDriver BiDi in every window
 * and frame: console errors (a missing translation is one), uncaught errors and unhandled
 * rejections, answers of 400 and above and requests that got no answer.
 */
final class PageProblems implements AutoCloseable {

  /** One thing that went wrong: its kind, the address it concerns, the answer's status, what. */
  private record Problem(String kind, String url, int status, String text) {

    @Override
    public String toString() {
      return switch (kind) {
        case "request" -> "failed request: " + status + " " + text + " " + url;
        case "no answer" -> "request without answer: " + text + " " + url;
        default -> kind + ": " + text + (url.isEmpty() ? "" : " (" + url + ")");
      };
    }
  }

  /** Chromium's word for a request the page gave up itself (it went to another page). */
  private static final String ABORTED = "net::ERR_ABORTED";

  /** What the page logs when the test ends, so that events still on their way are waited for. */
  private static final String MARK = "cop-connector-test-end";

  private final WebDriver driver;
  private final List<Problem> seen = new ArrayList<>();
  private final Set<String> inFlight = new HashSet<>();

  /** Requests whose answer was reported before their start (events may come out of order). */
  private final Set<String> answeredFirst = new HashSet<>();

  private final Set<String> origins = new HashSet<>();
  private boolean marked;
  private final List<Predicate<Problem>> expected = new ArrayList<>();
  private final LogInspector logs;
  private final Network network;
  private String checkedPrefix = "";
  private long lastEvent = System.nanoTime();
  private boolean recording = true;

  PageProblems(WebDriver driver) {
    this.driver = driver;
    logs = new LogInspector(driver);
    network = new Network(driver);
    logs.onConsoleEntry(
        entry -> {
          if (MARK.equals(entry.getText())) {
            mark();
          } else if (entry.getLevel() == LogLevel.ERROR) {
            record(new Problem("console error", sourceOf(entry), 0, entry.getText()));
          }
        });
    logs.onJavaScriptException(
        entry -> record(new Problem("uncaught error", sourceOf(entry), 0, entry.getText())));
    network.onBeforeRequestSent(
        request -> started(request.getRequest().getRequestId(), request.getRequest().getUrl()));
    network.onResponseCompleted(this::answered);
    network.onFetchError(this::unanswered);
  }

  private synchronized void started(String request, String url) {
    origins.add(originOf(url));
    lastEvent = System.nanoTime();
    // A data: address (Bootstrap's icons) is announced but never answered: only requests that can
    // be answered are waited for.
    if (url.startsWith("http") && !answeredFirst.remove(request)) {
      inFlight.add(request);
    }
  }

  private synchronized void finished(String request) {
    if (!inFlight.remove(request)) {
      answeredFirst.add(request);
    }
  }

  private synchronized void mark() {
    marked = true;
  }

  private void answered(ResponseDetails response) {
    finished(response.getRequest().getRequestId());
    int status = response.getResponseData().getStatus();
    if (status >= 400) {
      record(new Problem("request", response.getRequest().getUrl(), status, method(response)));
    } else {
      touch();
    }
  }

  private void unanswered(FetchError error) {
    finished(error.getRequest().getRequestId());
    if (ABORTED.equals(error.getErrorText())) {
      touch();
      return;
    }
    record(new Problem("no answer", error.getRequest().getUrl(), 0, error.getErrorText()));
  }

  private static String method(ResponseDetails response) {
    return response.getRequest().getMethod();
  }

  /** The script's address where the entry came from, when the browser says. */
  private static String sourceOf(BaseLogEntry entry) {
    return Optional.ofNullable(entry.getStackTrace())
        .map(StackTrace::getCallFrames)
        .filter(frames -> !frames.isEmpty())
        .map(frames -> frames.get(0).getUrl())
        .orElse("");
  }

  private synchronized void touch() {
    lastEvent = System.nanoTime();
  }

  private synchronized void record(Problem problem) {
    lastEvent = System.nanoTime();
    if (recording) {
      seen.add(problem);
    }
  }

  /** Adds a problem the test found (an accessibility violation). */
  synchronized void add(String kind, String text) {
    seen.add(new Problem(kind, "", 0, text));
  }

  /** A refusal the test provokes on purpose: an answer with this status to an address with this. */
  synchronized void expectFailedRequest(String urlPart, int status) {
    expected.add(
        p ->
            (p.kind().equals("request") && p.status() == status
                    || p.kind().equals("no answer") && status == 0)
                && p.url().contains(urlPart));
  }

  /** A console error the test provokes on purpose, by a part of its text. */
  synchronized void expectConsoleError(String textPart) {
    expected.add(p -> p.kind().equals("console error") && p.text().contains(textPart));
  }

  /**
   * Checks only what happens at addresses starting with this (the connector's), for journeys that
   * go through other sites' pages (a real Moodle's).
   */
  synchronized void checkOnly(String urlPrefix) {
    checkedPrefix = urlPrefix;
  }

  /**
   * Waits (at most 5 s) until the page's requests have answered, a mark logged now has come through
   * (the events before it have too) and the browser has been quiet for a moment; then stops
   * recording and gives what was not expected.
   */
  List<String> unexpected() throws InterruptedException {
    try {
      ((JavascriptExecutor) driver).executeScript("console.log(arguments[0])", MARK);
    } catch (WebDriverException e) {
      mark();
    }
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < deadline) {
      synchronized (this) {
        if (marked && inFlight.isEmpty() && System.nanoTime() - lastEvent > 300_000_000L) {
          break;
        }
      }
      Thread.sleep(50);
    }
    synchronized (this) {
      recording = false;
      return seen.stream()
          .filter(p -> p.url().isEmpty() || p.url().startsWith(checkedPrefix))
          .filter(p -> expected.stream().noneMatch(e -> e.test(p)))
          .map(Problem::toString)
          .distinct()
          .toList();
    }
  }

  /** Every origin the pages sent a request to ("http://127.0.0.1:4711"), to clear its storage. */
  synchronized Set<String> origins() {
    return Set.copyOf(origins);
  }

  private static String originOf(String url) {
    try {
      URI uri = URI.create(url);
      return uri.getScheme()
          + "://"
          + uri.getHost()
          + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  @Override
  public void close() {
    network.close();
    logs.close();
  }
}
