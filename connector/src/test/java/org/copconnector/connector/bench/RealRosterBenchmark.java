package org.copconnector.connector.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.copconnector.connector.config.ConfigLoader;
import org.copconnector.connector.lab.MoodleCallCounter;
import org.copconnector.connector.lab.MoodleLab;
import org.copconnector.connector.moodle.fake.FakeMoodle;
import org.copconnector.connector.moodle.fake.FakeMoodleState;
import org.copconnector.connector.server.Connector;
import org.copconnector.connector.testing.Clients;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.session.ProductRole;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.session.SessionStore;

/**
 * Roster sync of the lab's real Moodle 4.5 size-M course (1,001 people): Moodle's time per page
 * with every default user field and with only the connector's, then the connector's on-demand sync
 * (first and unchanged) over HTTP, next to the same sync against the stand-in at 20 ms per call.
 * Run with scripts/bench-roster-real.sh; prints a Markdown table.
 */
public final class RealRosterBenchmark {

  private static final int ROUNDS = 5;
  private static final int PAGE = 500;
  private static final String ENROLLED_USERS = "core_enrol_get_enrolled_users";
  private static final Map<String, String> FIELD_SETS = new LinkedHashMap<>();

  static {
    FIELD_SETS.put("every default field (before)", null);
    FIELD_SETS.put("id,fullname,email,roles,groups (after)", "id,fullname,email,roles,groups");
    // Moodle adds id and fullname to any list, so this is also what "id" alone costs.
    FIELD_SETS.put("id,fullname", "id,fullname");
    FIELD_SETS.put("id,fullname,roles,groups (no email)", "id,fullname,roles,groups");
  }

  private final OkHttpClient http = Clients.asTheUi();
  // Moodle's pages can take seconds, more when colleagues share the lab.
  private final OkHttpClient moodleHttp =
      new OkHttpClient.Builder()
          .readTimeout(Duration.ofSeconds(120))
          .callTimeout(Duration.ofSeconds(130))
          .build();

  public static void main(String[] args) throws Exception {
    new RealRosterBenchmark().run();
  }

  private void run() throws Exception {
    MoodleLab lab = MoodleLab.get();
    String course = Long.toString(lab.courseId("PERF-M"));
    int enrolled = lab.enrolled("PERF-M");
    List<String> rows = new ArrayList<>();

    // 1. Moodle's own time: the whole course read in pages of 500, each field set in turn, rounds
    // interleaved so that a busy moment of the machine falls on every set alike.
    Map<String, List<Double>> reads = new LinkedHashMap<>();
    Map<String, List<Double>> fullPages = new LinkedHashMap<>();
    Map<String, Integer> bytes = new LinkedHashMap<>();
    FIELD_SETS.keySet().forEach(k -> reads.put(k, new ArrayList<>()));
    FIELD_SETS.keySet().forEach(k -> fullPages.put(k, new ArrayList<>()));
    for (int round = 0; round < ROUNDS; round++) {
      for (Map.Entry<String, String> set : FIELD_SETS.entrySet()) {
        double total = 0;
        int people = 0;
        int size = 0;
        for (int from = 0; ; from += PAGE) {
          long t = System.nanoTime();
          String body = page(lab, course, from, set.getValue());
          double ms = (System.nanoTime() - t) / 1e6;
          total += ms;
          size += body.length();
          int count = JsonParser.parseString(body).getAsJsonArray().size();
          people += count;
          if (count < PAGE) {
            break;
          }
          fullPages.get(set.getKey()).add(ms);
        }
        if (people != enrolled) {
          throw new IllegalStateException(set.getKey() + ": read " + people + " of " + enrolled);
        }
        reads.get(set.getKey()).add(total);
        bytes.put(set.getKey(), size);
      }
    }
    Percentiles before = percentiles(reads.get("every default field (before)"));
    Percentiles after = percentiles(reads.get("id,fullname,email,roles,groups (after)"));
    for (String set : FIELD_SETS.keySet()) {
      rows.add(
          String.format(
              "| Moodle: %,d people in 3 calls, userfields %s (%,d bytes of JSON) | %s |",
              enrolled, set, bytes.get(set), percentiles(reads.get(set)).summary("ms")));
    }
    for (String set :
        List.of("every default field (before)", "id,fullname,email,roles,groups (after)")) {
      rows.add(
          String.format(
              "| Moodle: one page of 500, userfields %s | %s |",
              set, percentiles(fullPages.get(set)).summary("ms")));
    }
    rows.add(
        String.format(
            "| Moodle time after / before (p50; p95) | %.2f; %.2f |",
            after.at(50) / before.at(50), after.at(95) / before.at(95)));

    System.out.println("| measurement | result |");
    System.out.println("|---|---|");
    rows.forEach(System.out::println);
    System.out.flush();
    rows.clear();

    // 2. The connector's on-demand sync against the real Moodle, through a call-counting forwarder.
    Path work = Files.createTempDirectory("cop-bench-roster-real-");
    SyncRuns real;
    try (MoodleCallCounter moodle = new MoodleCallCounter(lab.url()).start()) {
      Map<String, String> env = lab.connectorEnvironment(work);
      env.put("COP_MOODLE_URL", moodle.url());
      // The lab is shared: a page can queue behind colleagues' requests for longer than the
      // default 30 s, which would end the run instead of measuring it.
      env.put("COP_MOODLE_TIMEOUT_SECONDS", "120");
      real =
          syncRuns(
              env,
              work,
              course,
              enrolled,
              () -> moodle.calls(ENROLLED_USERS).size(),
              () -> readAll(lab, course, "id,fullname,email,roles,groups"));
    }

    // 3. The same against the stand-in at 20 ms per call, with as many people.
    FakeMoodleState state = FakeMoodleState.seeded();
    state.enrolments.get(3L).clear();
    for (long id = 10_000; id < 10_000 + enrolled; id++) {
      state.addUser(
          new FakeMoodleState.User(
              id, "t" + id, "Teacher", "N" + id, "t" + id + "@school.example"));
      state.enrol(3, id, id % 40 == 0 ? "editingteacher" : "student");
    }
    SyncRuns standIn;
    Path fakeWork = Files.createTempDirectory("cop-bench-roster-fake-");
    try (FakeMoodle fake = new FakeMoodle(state).start()) {
      fake.latency(Duration.ofMillis(20));
      Map<String, String> env = new LinkedHashMap<>();
      env.put("COP_HTTP_HOST", "127.0.0.1");
      env.put("COP_HTTP_PORT", "0");
      env.put("COP_DATA_DIR", fakeWork.toString());
      env.put("COP_MOODLE_URL", fake.urlString());
      env.put("COP_MOODLE_TOKEN", FakeMoodle.TOKEN);
      standIn =
          syncRuns(env, fakeWork, "3", enrolled, () -> fake.calls(ENROLLED_USERS).size(), null);
    }

    rows.add(
        String.format(
            "| connector, real Moodle: web-service calls per sync of %,d people | %d |",
            enrolled, real.calls));
    rows.add(
        "| connector, real Moodle: first sync (all written) | " + real.first.summary("ms") + " |");
    rows.add(
        "| connector, real Moodle: re-sync, nothing changed | "
            + real.unchanged.summary("ms")
            + " |");
    rows.add(
        "| Moodle alone, the same 3 calls read by the benchmark just before each first sync | "
            + real.moodleAlone.summary("ms")
            + " |");
    rows.add(
        String.format(
            "| connector, real Moodle: first sync / Moodle alone (p50) | %.2f |",
            real.first.at(50) / real.moodleAlone.at(50)));
    rows.add(
        String.format(
            "| connector, real Moodle: re-sync / first sync (p50) | %.2f |",
            real.unchanged.at(50) / real.first.at(50)));
    rows.add(
        "| connector, real Moodle: on-demand request answered (202) | "
            + real.answered.summary("ms")
            + " |");
    rows.add(
        "| connector, real Moodle: hub data request while the sync runs | "
            + real.hub.summary("ms")
            + " |");
    rows.add(
        String.format(
            "| connector, stand-in at 20 ms per call: calls per sync of %,d people | %d |",
            enrolled, standIn.calls));
    rows.add("| connector, stand-in: first sync | " + standIn.first.summary("ms") + " |");
    rows.add(
        "| connector, stand-in: re-sync, nothing changed | "
            + standIn.unchanged.summary("ms")
            + " |");
    rows.add(
        String.format(
            "| real Moodle / stand-in, first sync (p50; p95) | %.1f; %.1f |",
            real.first.at(50) / standIn.first.at(50), real.first.at(95) / standIn.first.at(95)));

    rows.forEach(System.out::println);
    System.out.printf(
        "%n%d rounds; machine: %d cores, Java %s, %s; load average at the end %.2f%n",
        ROUNDS,
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        System.getProperty("os.name"),
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private record SyncRuns(
      Percentiles first,
      Percentiles unchanged,
      Percentiles answered,
      Percentiles hub,
      Percentiles moodleAlone,
      int calls) {}

  /** Moodle's time for the 3 calls alone, straight from the client; for timing beside a sync. */
  private interface Read {
    double millis() throws Exception;
  }

  private double readAll(MoodleLab lab, String course, String fields) throws Exception {
    long t = System.nanoTime();
    for (int from = 0; ; from += PAGE) {
      if (JsonParser.parseString(page(lab, course, from, fields)).getAsJsonArray().size() < PAGE) {
        return (System.nanoTime() - t) / 1e6;
      }
    }
  }

  /** Rounds of: empty the copy, sync on demand (all written), sync on demand again (unchanged). */
  private SyncRuns syncRuns(
      Map<String, String> env,
      Path work,
      String course,
      int enrolled,
      IntSupplier calls,
      Read moodleAlone)
      throws Exception {
    List<Double> alone = new ArrayList<>();
    List<Double> first = new ArrayList<>();
    List<Double> unchanged = new ArrayList<>();
    List<Double> answered = new ArrayList<>();
    List<Double> hub = new ArrayList<>();
    int callsPerSync = -1;
    try (Connector connector =
        Connector.start(new ConfigLoader(env, work.resolve("none")).load(null), List.of())) {
      String base = "http://127.0.0.1:" + connector.port();
      PeopleStore people = new PeopleStore(connector.database().dataSource(), Clock.systemUTC());
      String session =
          new SessionStore(
                  connector.database().dataSource(), Clock.systemUTC(), Duration.ofHours(1))
              .open(
                  new Session(
                      null,
                      "2",
                      "Admin User",
                      null,
                      "en",
                      course,
                      "PERF-M",
                      ProductRole.ADMIN,
                      false,
                      null));
      String sync = base + "/api/v1/courses/" + course + "/roster/sync";
      // One round unmeasured: the first requests of a new JVM load classes and compile.
      syncOnce(sync, base, session, new ArrayList<>(), new ArrayList<>());
      for (int round = 0; round < ROUNDS; round++) {
        if (moodleAlone != null) {
          alone.add(moodleAlone.millis());
        }
        people.replaceRoster(course, List.of()); // empty the copy: the next sync writes everyone
        int before = calls.getAsInt();
        JsonObject all = syncOnce(sync, base, session, answered, hub);
        callsPerSync = calls.getAsInt() - before;
        expect(all, "added", enrolled);
        first.add(millis(all));
        JsonObject none = syncOnce(sync, base, session, answered, hub);
        expect(none, "unchanged", enrolled);
        unchanged.add(millis(none));
      }
    }
    return new SyncRuns(
        percentiles(first),
        percentiles(unchanged),
        percentiles(answered),
        percentiles(hub),
        alone.isEmpty() ? null : percentiles(alone),
        callsPerSync);
  }

  private JsonObject syncOnce(
      String sync, String base, String session, List<Double> answered, List<Double> hub)
      throws Exception {
    long t = System.nanoTime();
    String started = send(post(sync, session), 202);
    answered.add((System.nanoTime() - t) / 1e6);
    String state = JsonParser.parseString(started).getAsJsonObject().get("state").getAsString();
    if (!state.equals("queued") && !state.equals("running")) {
      throw new IllegalStateException("the request waited for the sync: " + started);
    }
    long h = System.nanoTime();
    send(get(base + "/api/v1/hub", session), 200);
    hub.add((System.nanoTime() - h) / 1e6);
    while (true) {
      JsonObject status = JsonParser.parseString(send(get(sync, session), 200)).getAsJsonObject();
      String now = status.get("state").getAsString();
      if (now.equals("done")) {
        return status;
      }
      if (now.equals("failed")) {
        throw new IllegalStateException("sync failed: " + status);
      }
      Thread.sleep(20);
    }
  }

  private static void expect(JsonObject status, String count, int expected) {
    if (status.getAsJsonObject("change").get(count).getAsInt() != expected) {
      throw new IllegalStateException("expected " + expected + " " + count + ": " + status);
    }
  }

  private static double millis(JsonObject status) {
    return Duration.between(
                Instant.parse(status.get("startedAt").getAsString()),
                Instant.parse(status.get("finishedAt").getAsString()))
            .toNanos()
        / 1e6;
  }

  private static Request get(String url, String session) {
    return new Request.Builder().url(url).header("Cookie", "cop_session=" + session).build();
  }

  private static Request post(String url, String session) {
    return new Request.Builder()
        .url(url)
        .header("Cookie", "cop_session=" + session)
        .post(RequestBody.create(new byte[0]))
        .build();
  }

  private String send(Request request, int expected) throws Exception {
    return send(http, request, expected);
  }

  private static String send(OkHttpClient client, Request request, int expected) throws Exception {
    try (Response r = client.newCall(request).execute()) {
      String body = r.body().string();
      if (r.code() != expected) {
        throw new IllegalStateException(request.url() + " answered " + r.code() + ": " + body);
      }
      return body;
    }
  }

  /** One page of participants straight from Moodle; {@code fields} null for Moodle's default. */
  private String page(MoodleLab lab, String course, int from, String fields) throws Exception {
    FormBody.Builder form =
        new FormBody.Builder()
            .add("wstoken", lab.token())
            .add("moodlewsrestformat", "json")
            .add("wsfunction", ENROLLED_USERS)
            .add("courseid", course)
            .add("options[0][name]", "limitfrom")
            .add("options[0][value]", Integer.toString(from))
            .add("options[1][name]", "limitnumber")
            .add("options[1][value]", Integer.toString(PAGE));
    if (fields != null) {
      form.add("options[2][name]", "userfields").add("options[2][value]", fields);
    }
    Request request =
        new Request.Builder()
            .url(lab.url() + "/webservice/rest/server.php")
            .post(form.build())
            .build();
    return send(moodleHttp, request, 200);
  }

  private static Percentiles percentiles(List<Double> values) {
    return new Percentiles(values.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
