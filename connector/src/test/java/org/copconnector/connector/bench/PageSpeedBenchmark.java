package org.copconnector.connector.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.copconnector.connector.bank.Documents;
import org.copconnector.connector.browser.HeadlessChrome;
import org.copconnector.connector.server.Connector;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * How long each page takes in headless Chromium to show its content: from the start of the
 * navigation until the page marks itself ready (ui.js: the "page-ready" performance mark and body
 * data-ready, once the page's API requests have answered and the next frame is painted). A demo
 * connector, its administrator's community of 20 threads, 5 bank files and an opened prompt with an
 * answer, a training action of three sessions with attendance marked, one warm browser (assets
 * cached as a person's browser has them after the first page). Prints a Markdown table.
 */
public final class PageSpeedBenchmark {

  private static final int WARMUP = 5;
  private static final int RUNS = Integer.getInteger("pages.runs", 30);
  private static final double BUDGET_MS = 300;

  /** The content a person would look at, made through the API as the pages would. */
  private static final String SEED =
      """
      const [pdf, done] = [arguments[0], arguments[arguments.length - 1]];
      const call = async (method, path, body, headers = {}) => {
        const options = { method, headers: { 'X-Requested-With': 'cop-connector', ...headers } };
        if (body instanceof Blob) {
          options.body = body;
        } else if (body !== undefined) {
          options.headers['Content-Type'] = 'application/json';
          options.body = JSON.stringify(body);
        }
        const response = await fetch(path, options);
        const text = await response.text();
        if (!response.ok) throw new Error(method + ' ' + path + ' ' + response.status + ' ' + text);
        return text ? JSON.parse(text) : null;
      };
      (async () => {
        const hub = await call('GET', '/api/v1/hub');
        const community = await call('POST', '/api/v1/communities', {
          name: 'Avaliação formativa', domain: 'Como usamos a avaliação para ajudar a aprender',
          profile: { subjects: ['Biologia', 'Geologia'], cycles: ['3.º ciclo'], focus: [],
            sharing: 'both', framework: 'informal', context: 'one_school' },
          joining: 'open', courseIds: [hub.course.id] });
        let thread;
        for (let i = 1; i <= 20; i++) {
          const created = await call('POST', '/api/v1/threads', { communityId: community.id,
            title: 'Bilhetes de saída ' + i, body: '<p>Usei três perguntas no fim da aula ' + i + '.</p>' });
          thread = thread ?? created;
        }
        for (let i = 1; i <= 10; i++) {
          await call('POST', '/api/v1/threads/' + thread.id + '/posts',
            { body: '<p>Resposta ' + i + ': uma só pergunta aberta também resulta.</p>' });
        }
        let resource;
        const bytes = Uint8Array.from(atob(pdf), (c) => c.charCodeAt(0));
        for (let i = 1; i <= 5; i++) {
          const upload = await call('POST', '/api/v1/uploads', new Blob([bytes]),
            { 'Content-Type': 'application/octet-stream', 'X-File-Name': 'grelha-' + i + '.pdf' });
          const created = await call('POST', '/api/v1/resources', { communityId: community.id,
            title: 'Grelha de observação ' + i, description: 'Critérios de metacognição',
            kind: 'evaluation_instrument', subjects: ['Biologia'], cycles: [], tags: [], language: 'pt',
            licence: 'cc_by_sa', visibility: 'community', uploadId: upload.uploadId });
          resource = resource ?? created;
        }
        await call('POST', '/api/v1/prompt-schedules', { communityId: community.id,
          title: 'Depois da aula', body: '<p>O que mudou na sua aula esta semana?</p>',
          repeat: 'once', localTime: '09:00', asksEvidence: false, openNow: true });
        const openings = await call('GET', '/api/v1/prompt-schedules/dialogue?community=' + community.id);
        const prompt = openings[0].threadId;
        await call('POST', '/api/v1/reflections', { threadId: prompt, shared: true,
          body: '<p>Os alunos fizeram mais perguntas do que antes.</p>' });
        const day = 24 * 60 * 60 * 1000;
        const at = (days) => new Date(Math.floor(Date.now() / 3600000) * 3600000 + days * day).toISOString();
        const training = await call('POST', '/api/v1/training-actions', {
          title: 'Oficina de avaliação formativa', modality: 'workshop', code: 'ACC-123',
          jointHours: 9, autonomousHours: 6,
          startsOn: at(-14).slice(0, 10), endsOn: at(14).slice(0, 10) });
        const sessions = [];
        for (const [days, place] of [[-7, 'Sala 2'], [-1, 'Sala 5'], [3, null]]) {
          sessions.push(await call('POST', '/api/v1/training-actions/' + training.id + '/sessions',
            { startsAt: at(days), minutes: 180, place }));
        }
        const roster = await call('POST', '/api/v1/training-sessions/' + sessions[0].id + '/attendance/all-present');
        const trainee = roster.rows[0].userId;
        await call('PUT', '/api/v1/training-sessions/' + sessions[1].id + '/attendance/' + trainee,
          { status: 'late', lateMinutes: 20, note: 'Trânsito' });
        return { community: community.id, thread: thread.id, resource: resource.id, prompt,
          course: hub.course.id, training: training.id, session: sessions[0].id, trainee };
      })().then(done, (error) => done({ error: String(error) }));
      """;

  public static void main(String[] args) throws Exception {
    String loadBefore = loadAverage();
    Path profile = Files.createTempDirectory("cop-bench-pages-chromium-");
    try (Connector connector = BenchServer.startDemo("pages")) {
      String base = "http://127.0.0.1:" + connector.port();
      ChromeDriver chrome = HeadlessChrome.launch(profile, false);
      try {
        Map<String, String> pages = seed(chrome, base);
        Map<String, List<Load>> loads = new LinkedHashMap<>();
        pages.keySet().forEach(page -> loads.put(page, new ArrayList<>()));
        // Round by round over all pages, so a busy moment of the machine falls on each alike.
        for (int round = -WARMUP; round < RUNS; round++) {
          for (Map.Entry<String, String> page : pages.entrySet()) {
            Load load = open(chrome, base + page.getValue());
            if (round >= 0) {
              loads.get(page.getKey()).add(load);
            }
            if (round == RUNS - 1 && Boolean.getBoolean("pages.waterfall")) {
              System.out.println(page.getKey() + ":\n" + waterfall(chrome));
            }
          }
        }
        System.out.println(
            "| page | API requests | navigation start to content ready"
                + " | first API request sent (p50) | budget | ratio to budget |");
        System.out.println("|---|---|---|---|---|---|");
        for (Map.Entry<String, List<Load>> page : loads.entrySet()) {
          List<Load> all = page.getValue();
          Percentiles ready = new Percentiles(all.stream().mapToDouble(Load::ready).toArray());
          Percentiles firstApi =
              new Percentiles(all.stream().mapToDouble(Load::firstRequest).toArray());
          System.out.printf(
              "| %s (%s) | %d | %s | %.1f ms | %.0f ms | %.2f (p95) |%n",
              page.getKey(),
              pages.get(page.getKey()).replaceAll("\\?.*", ""),
              all.get(all.size() - 1).requests(),
              ready.summary("ms"),
              firstApi.at(50),
              BUDGET_MS,
              ready.at(95) / BUDGET_MS);
        }
        System.out.printf(
            "%nmachine: %d cores, Java %s, %s; %s; load average %s before, %s after%n",
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            System.getProperty("os.name"),
            chrome.getCapabilities().getBrowserName()
                + " "
                + chrome.getCapabilities().getBrowserVersion(),
            loadBefore,
            loadAverage());
      } finally {
        chrome.quit();
      }
    }
    System.exit(0);
  }

  /** Enters the demo as its administrator, makes the content and gives each page's address. */
  @SuppressWarnings("unchecked")
  private static Map<String, String> seed(ChromeDriver chrome, String base) throws Exception {
    chrome.get(base + "/demo");
    new WebDriverWait(chrome, Duration.ofSeconds(20))
        .until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//button[contains(., 'Rui Nogueira')]")))
        .click();
    new WebDriverWait(chrome, Duration.ofSeconds(20))
        .until(
            d -> d.findElement(By.id("me")).getDomProperty("textContent").contains("Rui Nogueira"));
    String pdf =
        Base64.getEncoder()
            .encodeToString(Documents.pdf("Grelha de observacao com criterios de metacognicao"));
    Map<String, Object> ids =
        (Map<String, Object>) ((JavascriptExecutor) chrome).executeAsyncScript(SEED, pdf);
    if (ids.containsKey("error")) {
      throw new IllegalStateException("could not make the content: " + ids.get("error"));
    }
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("hub", "/hub");
    pages.put("community", "/community?id=" + ids.get("community"));
    pages.put("thread (11 posts)", "/thread?id=" + ids.get("thread"));
    pages.put("bank (5 files)", "/bank?community=" + ids.get("community"));
    pages.put("resource", "/resource?id=" + ids.get("resource"));
    pages.put("reflection", "/reflection?community=" + ids.get("community"));
    pages.put("prompt", "/prompt?thread=" + ids.get("prompt"));
    pages.put("portfolio", "/portfolio");
    pages.put("training actions", "/training?course=" + ids.get("course"));
    pages.put("training action", "/training-action?id=" + ids.get("training"));
    pages.put("training session", "/training-session?id=" + ids.get("session"));
    pages.put(
        "training portfolio",
        "/training-portfolio?id=" + ids.get("training") + "&user=" + ids.get("trainee"));
    if (exists(base + "/admin")) {
      pages.put("admin", "/admin");
    } else {
      System.out.println("(no /admin page yet: not measured)");
    }
    return pages;
  }

  /** The last minute's load average (Linux), to tell a quiet machine from a busy one. */
  private static String loadAverage() throws Exception {
    Path proc = Path.of("/proc/loadavg");
    return Files.exists(proc) ? Files.readString(proc).split(" ")[0] : "unknown";
  }

  private static boolean exists(String url) throws Exception {
    try (Response r =
        new OkHttpClient().newCall(new Request.Builder().url(url).build()).execute()) {
      return r.code() == 200;
    }
  }

  /**
   * One page load, in milliseconds from navigation start: until the page's ready mark, and until
   * its first API request was sent (what comes before is the same on every page: the HTML, styles
   * and scripts); and how many API requests it sent before it was ready.
   */
  private record Load(double ready, double firstRequest, int requests) {}

  private static final String TIMES =
      """
      const mark = performance.getEntriesByName('page-ready')[0];
      if (!mark) return null;
      const api = performance.getEntriesByType('resource')
        .filter((e) => e.name.includes('/api/') && e.startTime < mark.startTime);
      const first = api.length ? Math.min(...api.map((e) => e.startTime)) : mark.startTime;
      return [mark.startTime, first, api.length];
      """;

  /**
   * What the last load did, in order (-Dpages.waterfall=true): the document's own milestones and
   * every request with its start and end, to see where a page's time goes.
   */
  private static String waterfall(ChromeDriver chrome) {
    return (String)
        ((JavascriptExecutor) chrome)
            .executeScript(
                """
                const nav = performance.getEntriesByType('navigation')[0];
                const rows = [
                  ['document answered', 0, nav.responseEnd],
                  ['DOM interactive', 0, nav.domInteractive],
                  ['DOMContentLoaded', nav.domContentLoadedEventStart, nav.domContentLoadedEventEnd],
                  ...performance.getEntriesByType('resource').map((e) =>
                    [new URL(e.name).pathname + new URL(e.name).search + ' (' + e.transferSize + ' B)',
                     e.startTime, e.responseEnd]),
                  ['page-ready', 0, performance.getEntriesByName('page-ready')[0]?.startTime ?? -1],
                ].sort((a, b) => a[1] - b[1]);
                return rows.map(([n, s, e]) =>
                  '  ' + s.toFixed(1).padStart(7) + ' → ' + e.toFixed(1).padStart(7) + '  ' + n).join('\\n');
                """);
  }

  /** Opens the page and waits for its ready mark. */
  @SuppressWarnings("unchecked")
  private static Load open(ChromeDriver chrome, String url) {
    chrome.get(url);
    List<Number> times;
    try {
      times =
          (List<Number>)
              new WebDriverWait(chrome, Duration.ofSeconds(20))
                  .pollingEvery(Duration.ofMillis(20))
                  .until(d -> ((JavascriptExecutor) d).executeScript(TIMES));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new IllegalStateException(
          url
              + " was not ready within 20 s; it shows: "
              + chrome.findElement(org.openqa.selenium.By.tagName("body")).getText(),
          e);
    }
    return new Load(
        times.get(0).doubleValue(), times.get(1).doubleValue(), times.get(2).intValue());
  }
}
