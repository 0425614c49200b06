package org.copconnector.connector.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.copconnector.connector.config.ConfigLoader;
import org.copconnector.connector.moodle.Backoff;
import org.copconnector.connector.moodle.Moodle;
import org.copconnector.connector.moodle.MoodleClient;
import org.copconnector.connector.moodle.MoodleLms;
import org.copconnector.connector.moodle.fake.FakeMoodle;
import org.copconnector.connector.moodle.fake.FakeMoodleState;
import org.copconnector.connector.server.Connector;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.people.RosterChange;
import org.copconnector.plugin.people.RosterSync;
import org.copconnector.plugin.session.ProductRole;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.session.SessionStore;

/**
 * Roster sync of a 2,000-participant course against the Moodle stand-in at 20 ms per call, and the
 * hub's data request for that course. Run with scripts/bench-roster.sh; prints a Markdown table.
 */
public final class RosterBenchmark {

  private static final int PARTICIPANTS = 2000;
  private static final Duration LATENCY = Duration.ofMillis(20);
  private static final int SYNC_RUNS = 7;
  private static final int HUB_WARMUP = 300;
  private static final int HUB_REQUESTS = 2000;

  public static void main(String[] args) throws Exception {
    Path work = Files.createTempDirectory("cop-bench-");
    FakeMoodleState state = FakeMoodleState.seeded();
    for (long id = 10_000; id < 10_000 + PARTICIPANTS; id++) {
      state.addUser(
          new FakeMoodleState.User(
              id, "t" + id, "Teacher", "N" + id, "t" + id + "@school.example"));
      state.enrol(3, id, id % 40 == 0 ? "editingteacher" : "student");
    }
    state.enrolments.get(3L).keySet().removeIf(id -> id < 10_000);
    Map<String, String> env =
        Map.of("COP_HTTP_HOST", "127.0.0.1", "COP_HTTP_PORT", "0", "COP_DATA_DIR", work.toString());
    try (FakeMoodle fake = new FakeMoodle(state).start();
        Connector connector =
            Connector.start(new ConfigLoader(env, work.resolve("none")).load(null), List.of())) {
      fake.latency(LATENCY);
      Moodle moodle =
          new Moodle(
              new MoodleClient(
                  new OkHttpClient(), fake.url(), FakeMoodle.TOKEN, 0, 1000, Backoff.none()));
      PeopleStore people = new PeopleStore(connector.database().dataSource(), Clock.systemUTC());
      RosterSync sync =
          new RosterSync(
              new MoodleLms(moodle, 500, moodle.site(), Clock.systemUTC(), Duration.ofMinutes(1)),
              people,
              Clock.systemUTC(),
              Duration.ofHours(1),
              Runnable::run);

      double[] firstSync = new double[SYNC_RUNS];
      double[] resync = new double[SYNC_RUNS];
      int callsPerSync = 0;
      for (int run = 0; run < SYNC_RUNS; run++) {
        String course = "3";
        if (run > 0) {
          people.replaceRoster(
              course, List.of()); // empty the copy: the next sync writes all 2,000 again
        }
        int before = fake.calls("core_enrol_get_enrolled_users").size();
        long t0 = System.nanoTime();
        RosterChange change = sync.syncCourse(course);
        firstSync[run] = (System.nanoTime() - t0) / 1e6;
        callsPerSync = fake.calls("core_enrol_get_enrolled_users").size() - before;
        if (change.added() != PARTICIPANTS) {
          throw new IllegalStateException("expected " + PARTICIPANTS + " added, got " + change);
        }
        long t1 = System.nanoTime();
        RosterChange again = sync.syncCourse(course);
        resync[run] = (System.nanoTime() - t1) / 1e6;
        if (again.unchanged() != PARTICIPANTS) {
          throw new IllegalStateException("expected nothing to change, got " + again);
        }
      }

      SessionStore sessions =
          new SessionStore(
              connector.database().dataSource(), Clock.systemUTC(), Duration.ofHours(1));
      String token =
          sessions.open(
              new Session(
                  null,
                  "10040",
                  "Teacher N10040",
                  null,
                  "pt",
                  "3",
                  "Language Department",
                  ProductRole.FACILITATOR,
                  false,
                  null));
      OkHttpClient http = new OkHttpClient();
      Request hub =
          new Request.Builder()
              .url("http://127.0.0.1:" + connector.port() + "/api/v1/hub")
              .header("Cookie", "cop_session=" + token)
              .build();
      for (int i = 0; i < HUB_WARMUP; i++) {
        call(http, hub);
      }
      double[] hubMillis = new double[HUB_REQUESTS];
      for (int i = 0; i < HUB_REQUESTS; i++) {
        long t = System.nanoTime();
        String body = call(http, hub);
        hubMillis[i] = (System.nanoTime() - t) / 1e6;
        if (!body.contains("\"participants\":" + PARTICIPANTS)) {
          throw new IllegalStateException("unexpected hub answer: " + body);
        }
      }

      Percentiles first = new Percentiles(firstSync);
      Percentiles unchanged = new Percentiles(resync);
      Percentiles hubTimes = new Percentiles(hubMillis);
      double networkFloor = callsPerSync * LATENCY.toMillis();
      System.out.println("| measurement | result | budget | ratio to budget |");
      System.out.println("|---|---|---|---|");
      System.out.printf(
          "| web-service calls per sync of %d participants | %d | 5 | %.2f |%n",
          PARTICIPANTS, callsPerSync, callsPerSync / 5.0);
      System.out.printf(
          "| first sync (2,000 written), %d runs | %s | 5000 ms | %.3f (p95) |%n",
          SYNC_RUNS, first.summary("ms"), first.at(95) / 5000);
      System.out.printf(
          "| re-sync, nothing changed, %d runs | %s | 5000 ms | %.3f (p95) |%n",
          SYNC_RUNS, unchanged.summary("ms"), unchanged.at(95) / 5000);
      System.out.printf(
          "| first sync p50 / pure network time (%d calls x %d ms) | %.2f | | |%n",
          callsPerSync, LATENCY.toMillis(), first.at(50) / networkFloor);
      System.out.printf(
          "| hub data request, measured at the client over loopback | %s | 100 ms | %.3f (p95) |%n",
          hubTimes.summary("ms"), hubTimes.at(95) / 100);
      System.out.printf(
          "%nmachine: %d cores, Java %s, %s%n",
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"),
          System.getProperty("os.name"));
    }
  }

  private static String call(OkHttpClient http, Request request) throws Exception {
    try (Response response = http.newCall(request).execute()) {
      if (response.code() != 200) {
        throw new IllegalStateException("hub answered " + response.code());
      }
      return response.body().string();
    }
  }
}
