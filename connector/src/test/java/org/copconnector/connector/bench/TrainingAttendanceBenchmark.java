package org.copconnector.connector.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.copconnector.connector.server.Connector;
import org.copconnector.plugin.people.Participant;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.session.ProductRole;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.session.SessionStore;

/**
 * A trainer's attendance page for a session of 30 trainees, and marking them one request each, in
 * an action of 10 sessions with earlier sessions marked. Prints a Markdown table.
 */
public final class TrainingAttendanceBenchmark {

  private static final int TRAINEES = 30;
  private static final int SESSIONS = 10;
  private static final int WARMUP = 50;
  private static final int RUNS = 200;
  private static final MediaType JSON = MediaType.get("application/json");

  public static void main(String[] args) throws Exception {
    try (Connector connector = BenchServer.start("training")) {
      DataSource db = connector.database().dataSource();
      String token = enrol(db);
      OkHttpClient http = new OkHttpClient();
      String api = "http://127.0.0.1:" + connector.port() + "/api/v1";
      String action =
          send(
                  http,
                  token,
                  "POST",
                  api + "/training-actions",
                  "{\"title\":\"Oficina\",\"modality\":\"workshop\",\"jointHours\":25}")
              .get("id")
              .getAsString();
      Instant start =
          Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofDays(SESSIONS));
      String last = null;
      for (int s = 0; s < SESSIONS; s++) {
        last =
            send(
                    http,
                    token,
                    "POST",
                    api + "/training-actions/" + action + "/sessions",
                    "{\"startsAt\":\"" + start.plus(Duration.ofDays(s)) + "\",\"minutes\":150}")
                .get("id")
                .getAsString();
        if (s < SESSIONS - 1) {
          send(
              http,
              token,
              "POST",
              api + "/training-sessions/" + last + "/attendance/all-present",
              null);
        }
      }
      send(http, token, "POST", api + "/training-sessions/" + last + "/check-in-code", null);
      String sheet = api + "/training-sessions/" + last + "/attendance";
      Percentiles empty =
          BenchServer.time(
              http, sheet, token, WARMUP, RUNS, TrainingAttendanceBenchmark::thirtyRows);
      // One request per person marked, each timed; statuses cycle through the four.
      String[] statuses = {
        "present", "late\",\"lateMinutes\":10,\"note\":\"Trânsito", "excused", "absent"
      };
      double[] marking = new double[RUNS];
      int requests = 0;
      for (int i = -WARMUP; i < RUNS; i++) {
        int n = Math.floorMod(i, TRAINEES) + 1;
        String body = "{\"status\":\"" + statuses[Math.floorMod(i, 4)] + "\"}";
        long t = System.nanoTime();
        send(http, token, "PUT", sheet + "/" + String.format("b%02d", n), body);
        requests++;
        if (i >= 0) {
          marking[i] = (System.nanoTime() - t) / 1e6;
        }
      }
      Percentiles marks = new Percentiles(marking);
      Percentiles full =
          BenchServer.time(
              http, sheet, token, WARMUP, RUNS, TrainingAttendanceBenchmark::thirtyRows);
      Percentiles summary =
          BenchServer.time(
              http,
              api + "/training-actions/" + action + "/attendance",
              token,
              WARMUP,
              RUNS,
              body -> body.contains("\"minimumMinutes\":1000"));
      Percentiles dashboard =
          BenchServer.time(
              http,
              api + "/training-actions/" + action + "/dashboard",
              token,
              WARMUP,
              RUNS,
              body -> body.contains("\"trainees\":" + TRAINEES));
      System.out.println("| measurement | result | budget | ratio to budget |");
      System.out.println("|---|---|---|---|");
      System.out.printf(
          "| attendance page of a session, %d trainees, none marked yet, at the client | %s | 100 ms | %.2f (p95) |%n",
          TRAINEES, empty.summary("ms"), empty.at(95) / 100);
      System.out.printf(
          "| the same, every trainee marked | %s | 100 ms | %.2f (p95) |%n",
          full.summary("ms"), full.at(95) / 100);
      System.out.printf(
          "| marking one trainee: one PUT, at the client (%d requests for %d marks) | %s | 100 ms | %.2f (p95) |%n",
          requests, requests, marks.summary("ms"), marks.at(95) / 100);
      System.out.printf(
          "| the action's attendance figures, %d trainees x %d sessions | %s | 100 ms | %.2f (p95) |%n",
          TRAINEES, SESSIONS, summary.summary("ms"), summary.at(95) / 100);
      System.out.printf(
          "| the trainer's dashboard of the action, %d trainees x %d sessions (one request) | %s | 100 ms | %.2f (p95) |%n",
          TRAINEES, SESSIONS, dashboard.summary("ms"), dashboard.at(95) / 100);
      System.out.printf(
          "%nmachine: %d cores, Java %s, %s; H2 embedded%n",
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"),
          System.getProperty("os.name"));
    }
    System.exit(0);
  }

  private static boolean thirtyRows(String body) {
    return body.split("\"userId\"").length - 1 == TRAINEES && body.contains("\"checkIn\"");
  }

  /** The trainer and 30 trainees in course c0, as launches record them; the trainer's token. */
  private static String enrol(DataSource db) {
    PeopleStore people = new PeopleStore(db, Clock.systemUTC());
    people.recordLaunch(
        "c0",
        "Course",
        new Participant("u0", "Trainer", null, List.of("editingteacher"), List.of()));
    for (int i = 1; i <= TRAINEES; i++) {
      people.recordLaunch(
          "c0",
          "Course",
          new Participant(
              String.format("b%02d", i), "Trainee " + i, null, List.of("student"), List.of()));
    }
    return new SessionStore(db, Clock.systemUTC(), Duration.ofHours(1))
        .open(
            new Session(
                null,
                "u0",
                "Trainer",
                null,
                "pt",
                "c0",
                "Course",
                ProductRole.FACILITATOR,
                false,
                null));
  }

  private static JsonObject send(
      OkHttpClient http, String token, String method, String url, String body) throws Exception {
    Request request =
        new Request.Builder()
            .url(url)
            .header("Cookie", "cop_session=" + token)
            .header("X-Requested-With", "cop-connector")
            .method(method, RequestBody.create(body == null ? "" : body, JSON))
            .build();
    try (Response r = http.newCall(request).execute()) {
      String text = r.body().string();
      if (r.code() / 100 != 2) {
        throw new IllegalStateException(method + " " + url + " answered " + r.code() + ": " + text);
      }
      return JsonParser.parseString(text).getAsJsonObject();
    }
  }
}
