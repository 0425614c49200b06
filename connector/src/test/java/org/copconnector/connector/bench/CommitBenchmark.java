package org.copconnector.connector.bench;

import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.copconnector.connector.config.ConfigLoader;
import org.copconnector.connector.server.Connector;
import org.copconnector.connector.testing.Clients;
import org.copconnector.plugin.people.Participant;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.session.ProductRole;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.session.SessionStore;

/**
 * What durable commits cost on the embedded H2 database: a reply posted over HTTP (one transaction:
 * the post, its unread marks, its outbox message), on the default database (every commit written
 * before it returns) and on H2's own default (commits kept in memory up to 0.5 s), interleaved so
 * that machine noise hits both. Prints a Markdown table for BENCHMARKS.md.
 */
public final class CommitBenchmark {

  private static final MediaType JSON = MediaType.get("application/json");
  private static final int WARMUP = 200;
  private static final int RUNS = 2000;

  public static void main(String[] args) throws Exception {
    Path durableDir = Files.createTempDirectory("cop-bench-commit-durable-");
    Path delayedDir = Files.createTempDirectory("cop-bench-commit-delayed-");
    String delayedUrl =
        "jdbc:h2:file:" + delayedDir.resolve("cop-connector") + ";DB_CLOSE_ON_EXIT=FALSE";
    try (Connector durable = start(durableDir, Map.of());
        Connector delayed = start(delayedDir, Map.of("COP_DB_URL", delayedUrl))) {
      OkHttpClient http = Clients.asTheUi();
      Target a = Target.of(durable, http);
      Target b = Target.of(delayed, http);
      double[] durableMillis = new double[RUNS];
      double[] delayedMillis = new double[RUNS];
      for (int i = -WARMUP; i < RUNS; i++) {
        double x = a.reply(http, i);
        double y = b.reply(http, i);
        if (i >= 0) {
          durableMillis[i] = x;
          delayedMillis[i] = y;
        }
      }
      Percentiles d = new Percentiles(durableMillis);
      Percentiles l = new Percentiles(delayedMillis);
      System.out.println("| reply posted (HTTP, one transaction) | p50 | p95 | p99 |");
      System.out.println("|---|---|---|---|");
      System.out.printf(
          "| H2, every commit written (default) | %.2f ms | %.2f ms | %.2f ms |%n",
          d.at(50), d.at(95), d.at(99));
      System.out.printf(
          "| H2, commits delayed up to 0.5 s (H2's default) | %.2f ms | %.2f ms | %.2f ms |%n",
          l.at(50), l.at(95), l.at(99));
      System.out.printf(
          "| ratio | %.2fx | %.2fx | %.2fx |%n",
          d.at(50) / l.at(50), d.at(95) / l.at(95), d.at(99) / l.at(99));
      System.out.printf("(%d replies each after %d warm-up, interleaved)%n", RUNS, WARMUP);
    }
  }

  private static Connector start(Path dir, Map<String, String> extra) throws Exception {
    Map<String, String> env = new java.util.HashMap<>(extra);
    env.putAll(
        Map.of("COP_HTTP_HOST", "127.0.0.1", "COP_HTTP_PORT", "0", "COP_DATA_DIR", dir.toString()));
    return Connector.start(new ConfigLoader(env, dir.resolve("none")).load(null), List.of());
  }

  /** A connector with a facilitator signed in and one thread to reply to. */
  private record Target(String base, String session, String thread) {

    static Target of(Connector connector, OkHttpClient http) throws Exception {
      PeopleStore people = new PeopleStore(connector.database().dataSource(), Clock.systemUTC());
      people.recordLaunch(
          "2", "Bench", new Participant("4", "Alice", null, List.of("editingteacher"), List.of()));
      String session =
          new SessionStore(
                  connector.database().dataSource(), Clock.systemUTC(), Duration.ofHours(1))
              .open(
                  new Session(
                      null,
                      "4",
                      "Alice",
                      null,
                      "en",
                      "2",
                      "Bench",
                      ProductRole.FACILITATOR,
                      false,
                      null));
      String base = "http://127.0.0.1:" + connector.port();
      String community =
          post(
              http,
              base,
              session,
              "/api/v1/communities",
              "{\"name\":\"Bench\",\"domain\":\"Commits\",\"courseIds\":[\"2\"]}");
      String thread =
          post(
              http,
              base,
              session,
              "/api/v1/threads",
              "{\"communityId\":\"" + community + "\",\"title\":\"T\",\"body\":\"<p>x</p>\"}");
      return new Target(base, session, thread);
    }

    double reply(OkHttpClient http, int i) throws Exception {
      long t = System.nanoTime();
      post(
          http,
          base,
          session,
          "/api/v1/threads/" + thread + "/posts",
          "{\"body\":\"<p>Reply " + i + "</p>\"}");
      return (System.nanoTime() - t) / 1e6;
    }

    private static String post(
        OkHttpClient http, String base, String session, String path, String json) throws Exception {
      Request request =
          new Request.Builder()
              .url(base + path)
              .header("Cookie", "cop_session=" + session)
              .post(RequestBody.create(json, JSON))
              .build();
      try (Response r = http.newCall(request).execute()) {
        String body = r.body().string();
        if (r.code() != 201) {
          throw new IllegalStateException(path + " answered " + r.code() + ": " + body);
        }
        return JsonParser.parseString(body).getAsJsonObject().get("id").getAsString();
      }
    }
  }
}
