package org.copconnector.connector.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.copconnector.connector.config.ConfigLoader;
import org.copconnector.connector.lab.MoodleLab;
import org.copconnector.connector.server.Connector;
import org.copconnector.plugin.people.Participant;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.session.ProductRole;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.session.SessionStore;

/**
 * The same reads from the lab's real Moodle 4.5 and from the connector, on the same data: Moodle's
 * size-M test course (PERF-M: 1,001 people, a forum of 100 discussions and 500 posts), which the
 * connector syncs and imports first. Each round makes every read once on each side, the side that
 * goes first alternating, so that a busy moment of the machine falls on both alike; warm-up rounds
 * are not counted. Pages are read as a browser whose cache holds the scripts and styles gets them:
 * the HTML, then (the connector's) the data request the page starts from its head. Prints a
 * Markdown table for BENCHMARKS.md.
 *
 * <p>Needs the lab with its size-M course: {@code bash scripts/real-moodle.sh start --perf}, then
 * {@code -Dside.rounds=50 -Dside.warmup=5}; {@code -Dside.alone=200} then times the connector's
 * reads by themselves, back to back.
 */
public final class MoodleSideBySideBenchmark {

  private static final MediaType JSON = MediaType.get("application/json");

  /** One read on both sides. */
  private record Read(String name, Side moodle, Side connector) {}

  private interface Side {
    void read() throws IOException;
  }

  public static void main(String[] args) throws Exception {
    int rounds = Integer.getInteger("side.rounds", 50);
    int warmup = Integer.getInteger("side.warmup", 5);
    MoodleLab lab = MoodleLab.get();
    if (!lab.hasCourse("PERF-M")) {
      throw new IllegalStateException("the lab has no PERF-M course: start it with --perf");
    }
    String course = Long.toString(lab.courseId("PERF-M"));
    long forum = lab.forumId("PERF-M", 0);
    long forumCmid = forumCmid(lab, forum);
    Path dir = Files.createTempDirectory("cop-bench-side-");
    Map<String, String> env = new HashMap<>(lab.connectorEnvironment(dir));
    env.put("COP_FORUM_IMPORT_INTERVAL_SECONDS", "10");
    OkHttpClient http =
        new OkHttpClient.Builder()
            .readTimeout(Duration.ofMinutes(2))
            .followRedirects(false)
            .build();
    try (Connector connector =
        Connector.start(new ConfigLoader(env, dir.resolve("none")).load(null), List.of())) {
      String base = "http://127.0.0.1:" + connector.port();
      String session = adminSession(connector.database().dataSource(), lab, course);
      Hub hub = new Hub(http, base, session);
      String community = prepare(hub, course, forum);
      JsonObject firstThread =
          hub.get("/api/v1/threads?community=" + community + "&page=0")
              .getAsJsonArray("threads")
              .get(0)
              .getAsJsonObject()
              .getAsJsonObject("thread");
      String thread = firstThread.get("id").getAsString();
      long discussion = discussionNamed(lab, forum, firstThread.get("title").getAsString());

      OkHttpClient browser = moodleBrowser(http, lab);
      String moodle = lab.url();
      String token = lab.token();
      String communityReads =
          reads(
              "/api/v1/hub",
              "/api/v1/communities/" + community,
              "/api/v1/threads?community=" + community + "&page=0",
              "/api/v1/notifications/" + community);
      String threadReads = reads("/api/v1/hub", "/api/v1/threads/" + thread);
      List<Read> reads =
          List.of(
              new Read(
                  "a course's people (Moodle's full list vs the hub, with the course's count)",
                  () ->
                      ws(http, moodle, token, "core_enrol_get_enrolled_users", "courseid", course),
                  () -> hub.text("/api/v1/hub")),
              new Read(
                  "a forum's discussion list (30)",
                  () ->
                      ws(
                          http,
                          moodle,
                          token,
                          "mod_forum_get_forum_discussions",
                          "forumid",
                          Long.toString(forum),
                          "page",
                          "0",
                          "perpage",
                          "30"),
                  () -> hub.text("/api/v1/threads?community=" + community + "&page=0")),
              new Read(
                  "one discussion's posts (5)",
                  () ->
                      ws(
                          http,
                          moodle,
                          token,
                          "mod_forum_get_discussion_posts",
                          "discussionid",
                          Long.toString(discussion)),
                  () -> hub.text("/api/v1/threads/" + thread)),
              new Read(
                  "Moodle's forum page vs the community page",
                  () -> page(browser, moodle + "/mod/forum/view.php?id=" + forumCmid),
                  () -> {
                    hub.text("/community?id=" + community);
                    hub.text(communityReads);
                  }),
              new Read(
                  "Moodle's discussion page vs the thread page",
                  () -> page(browser, moodle + "/mod/forum/discuss.php?d=" + discussion),
                  () -> {
                    hub.text("/thread?id=" + thread);
                    hub.text(threadReads);
                  }));
      Map<Read, List<double[]>> times = new LinkedHashMap<>();
      reads.forEach(r -> times.put(r, new ArrayList<>()));
      for (int round = 0; round < warmup + rounds; round++) {
        for (Read r : reads) {
          boolean moodleFirst = round % 2 == 0;
          double first = timed(moodleFirst ? r.moodle() : r.connector());
          double second = timed(moodleFirst ? r.connector() : r.moodle());
          if (round >= warmup) {
            times
                .get(r)
                .add(moodleFirst ? new double[] {first, second} : new double[] {second, first});
          }
        }
      }
      if (rounds > 0) {
        print(times, rounds);
      }
      int alone = Integer.getInteger("side.alone", 0);
      if (alone > 0) {
        printAlone(reads, alone);
      }
    }
  }

  /**
   * The connector's reads by themselves, one after another with nothing else asking the machine for
   * work between them: what is left of each read without Moodle's requests beside it.
   */
  private static void printAlone(List<Read> reads, int rounds) throws IOException {
    Map<Read, double[]> times = new LinkedHashMap<>();
    Map<Read, Long> processor = new LinkedHashMap<>();
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    reads.forEach(r -> times.put(r, new double[rounds]));
    for (int round = -rounds / 10; round < rounds; round++) {
      for (Read r : reads) {
        long cpu = os.getProcessCpuTime();
        double t = timed(r.connector());
        if (round >= 0) {
          times.get(r)[round] = t;
          processor.merge(r, os.getProcessCpuTime() - cpu, Long::sum);
        }
      }
    }
    System.out.println();
    System.out.println(
        "| the connector alone, back to back | p50 | p95 | processor time per read (client"
            + " included) |");
    System.out.println("|---|---|---|---|");
    times.forEach(
        (read, t) -> {
          Percentiles p = new Percentiles(t);
          System.out.printf(
              "| %s | %.2f ms | %.2f ms | %.2f ms |%n",
              read.name(), p.at(50), p.at(95), processor.get(read) / 1e6 / rounds);
        });
    System.out.printf("%n%d rounds; load average %s%n", rounds, loadAverage());
  }

  /** The lab's administrator, signed in to the connector from PERF-M as an administrator. */
  private static String adminSession(DataSource dataSource, MoodleLab lab, String course) {
    String id = Long.toString(lab.userId("admin"));
    String name = lab.fullName("admin");
    new PeopleStore(dataSource, Clock.systemUTC())
        .recordLaunch(
            course, "PERF-M", new Participant(id, name, null, List.of("manager"), List.of()));
    return new SessionStore(dataSource, Clock.systemUTC(), Duration.ofHours(4))
        .open(
            new Session(
                null, id, name, null, "en", course, "PERF-M", ProductRole.ADMIN, false, null));
  }

  /** Syncs the course's people, makes a community there on the forum and waits for its import. */
  private static String prepare(Hub hub, String course, long forum) throws Exception {
    hub.send("POST", "/api/v1/courses/" + course + "/roster/sync", null);
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (true) {
      String state =
          hub.get("/api/v1/courses/" + course + "/roster/sync").get("state").getAsString();
      if (state.equals("done")) {
        break;
      }
      if (state.equals("failed") || System.nanoTime() > deadline) {
        throw new IllegalStateException("the roster sync did not finish: " + state);
      }
      Thread.sleep(500);
    }
    JsonObject created =
        hub.send("POST", "/api/v1/communities", "{\"name\":\"PERF-M\",\"domain\":\"Benchmark\"}");
    String community = created.get("id").getAsString();
    hub.send(
        "PUT",
        "/api/v1/communities/" + community + "/courses/" + course + "/forum",
        "{\"forumId\":\"" + forum + "\"}");
    while (hub.get("/api/v1/threads?community=" + community + "&page=0").get("total").getAsInt()
        < 100) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the forum import did not bring the 100 discussions");
      }
      Thread.sleep(1000);
    }
    System.err.println("prepared: roster synced, 100 discussions imported");
    return community;
  }

  private static long forumCmid(MoodleLab lab, long forum) {
    for (var f :
        lab.ids().getAsJsonObject("courses").getAsJsonObject("PERF-M").getAsJsonArray("forums")) {
      if (f.getAsJsonObject().get("id").getAsLong() == forum) {
        return f.getAsJsonObject().get("cmid").getAsLong();
      }
    }
    throw new IllegalStateException("no cmid for forum " + forum);
  }

  private static long discussionNamed(MoodleLab lab, long forum, String title) {
    return ((Number)
            lab.query(
                    "SELECT id FROM mdl_forum_discussions WHERE forum = ? AND name = ? ORDER BY id LIMIT 1",
                    forum,
                    title)
                .get(0)
                .get("id"))
        .longValue();
  }

  /** A client signed in to Moodle's pages as the lab's administrator. */
  private static OkHttpClient moodleBrowser(OkHttpClient http, MoodleLab lab) throws IOException {
    Map<String, Cookie> jar = new HashMap<>();
    OkHttpClient browser =
        http.newBuilder()
            .followRedirects(true)
            .cookieJar(
                new CookieJar() {
                  @Override
                  public void saveFromResponse(HttpUrl url, List<Cookie> cookies) {
                    cookies.forEach(c -> jar.put(c.name(), c));
                  }

                  @Override
                  public List<Cookie> loadForRequest(HttpUrl url) {
                    return List.copyOf(jar.values());
                  }
                })
            .build();
    String login = lab.url() + "/login/index.php";
    String form;
    try (Response r = browser.newCall(new Request.Builder().url(login).build()).execute()) {
      form = r.body().string();
    }
    Matcher token = Pattern.compile("name=\"logintoken\" value=\"([^\"]+)\"").matcher(form);
    FormBody.Builder body =
        new FormBody.Builder().add("username", "admin").add("password", lab.password("admin"));
    if (token.find()) {
      body.add("logintoken", token.group(1));
    }
    try (Response r =
        browser.newCall(new Request.Builder().url(login).post(body.build()).build()).execute()) {
      if (r.request().url().encodedPath().endsWith("/login/index.php")) {
        throw new IllegalStateException("Moodle refused the administrator's sign-in");
      }
    }
    return browser;
  }

  private static void ws(
      OkHttpClient http, String moodle, String token, String function, String... fields)
      throws IOException {
    FormBody.Builder form =
        new FormBody.Builder()
            .add("wstoken", token)
            .add("wsfunction", function)
            .add("moodlewsrestformat", "json");
    for (int i = 0; i < fields.length; i += 2) {
      form.add(fields[i], fields[i + 1]);
    }
    try (Response r =
        http.newCall(
                new Request.Builder()
                    .url(moodle + "/webservice/rest/server.php")
                    .post(form.build())
                    .build())
            .execute()) {
      String text = r.body().string();
      if (r.code() != 200 || text.contains("\"exception\"")) {
        throw new IllegalStateException(
            function + " failed: " + text.substring(0, Math.min(300, text.length())));
      }
    }
  }

  private static void page(OkHttpClient browser, String url) throws IOException {
    try (Response r = browser.newCall(new Request.Builder().url(url).build()).execute()) {
      String text = r.body().string();
      if (r.code() != 200 || text.contains("id=\"login\"")) {
        throw new IllegalStateException(url + " answered " + r.code());
      }
    }
  }

  private static String reads(String... paths) {
    StringBuilder query = new StringBuilder("/api/v1/page-reads?");
    for (String p : paths) {
      query
          .append(query.charAt(query.length() - 1) == '?' ? "" : "&")
          .append("get=")
          .append(URLEncoder.encode(p, StandardCharsets.UTF_8));
    }
    return query.toString();
  }

  private static double timed(Side side) throws IOException {
    long start = System.nanoTime();
    side.read();
    return (System.nanoTime() - start) / 1e6;
  }

  private static void print(Map<Read, List<double[]>> times, int rounds) {
    System.out.println(
        "| read | Moodle | connector | ratio Moodle / connector (p50) | ratio (p95) |");
    System.out.println("|---|---|---|---|---|");
    times.forEach(
        (read, pairs) -> {
          Percentiles moodle = new Percentiles(pairs.stream().mapToDouble(p -> p[0]).toArray());
          Percentiles hub = new Percentiles(pairs.stream().mapToDouble(p -> p[1]).toArray());
          System.out.printf(
              "| %s | %s | %s | %.0fx | %.0fx |%n",
              read.name(),
              moodle.summary("ms"),
              hub.summary("ms"),
              moodle.at(50) / hub.at(50),
              moodle.at(95) / hub.at(95));
        });
    System.out.printf(
        "%n%d rounds after warm-up; machine: %d cores, Java %s; load average %s%n",
        rounds,
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        loadAverage());
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** The connector's API as the signed-in administrator. */
  private record Hub(OkHttpClient http, String base, String session) {

    String text(String path) throws IOException {
      try (Response r =
          http.newCall(
                  new Request.Builder()
                      .url(base + path)
                      .header("Cookie", "cop_session=" + session)
                      .header("X-Requested-With", "cop-connector")
                      .build())
              .execute()) {
        String text = r.body().string();
        if (r.code() != 200) {
          throw new IllegalStateException(path + " answered " + r.code() + ": " + text);
        }
        return text;
      }
    }

    JsonObject get(String path) throws IOException {
      return JsonParser.parseString(text(path)).getAsJsonObject();
    }

    JsonObject send(String method, String path, String body) throws IOException {
      try (Response r =
          http.newCall(
                  new Request.Builder()
                      .url(base + path)
                      .header("Cookie", "cop_session=" + session)
                      .header("X-Requested-With", "cop-connector")
                      .method(method, RequestBody.create(body == null ? "" : body, JSON))
                      .build())
              .execute()) {
        String text = r.body().string();
        if (r.code() >= 300) {
          throw new IllegalStateException(
              method + " " + path + " answered " + r.code() + ": " + text);
        }
        return JsonParser.parseString(text).getAsJsonObject();
      }
    }
  }

  private MoodleSideBySideBenchmark() {}
}
