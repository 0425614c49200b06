package org.copconnector.connector.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import okhttp3.OkHttpClient;
import org.copconnector.connector.server.Connector;
import org.copconnector.plugin.session.ProductRole;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.session.SessionStore;

/** A survey round's report over 5,000 respondents and 13 statements. Prints a Markdown table. */
public final class SurveyBenchmark {

  private static final int RESPONDENTS = 5000;
  private static final int ITEMS = 13;
  private static final int WARMUP = 50;
  private static final int RUNS = 200;

  public static void main(String[] args) throws Exception {
    try (Connector connector = BenchServer.start("survey")) {
      DataSource db = connector.database().dataSource();
      seed(db);
      String token =
          new SessionStore(db, Clock.systemUTC(), Duration.ofHours(1))
              .open(
                  new Session(
                      null,
                      "u0",
                      "Teacher",
                      null,
                      "pt",
                      "c0",
                      "Course",
                      ProductRole.ADMIN,
                      false,
                      null));
      OkHttpClient http = new OkHttpClient();
      String base = "http://127.0.0.1:" + connector.port() + "/api/v1/surveys/s1/rounds/r1/report";
      Percentiles j = time(http, base, token);
      Percentiles c = time(http, base + ".csv", token);
      System.out.println("| measurement | result | budget | ratio to budget |");
      System.out.println("|---|---|---|---|");
      System.out.printf(
          "| report (JSON) of a round with %,d respondents x %d statements, at the client | %s | 100 ms | %.2f (p95) |%n",
          RESPONDENTS, ITEMS, j.summary("ms"), j.at(95) / 100);
      System.out.printf(
          "| the same as CSV | %s | 100 ms | %.2f (p95) |%n", c.summary("ms"), c.at(95) / 100);
      System.out.printf(
          "%nmachine: %d cores, Java %s, %s; H2 embedded%n",
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"),
          System.getProperty("os.name"));
    }
    System.exit(0);
  }

  private static Percentiles time(OkHttpClient http, String url, String token) throws Exception {
    return BenchServer.time(
        http,
        url,
        token,
        WARMUP,
        RUNS,
        body ->
            body.contains("\"respondents\":" + RESPONDENTS) || body.contains("\"Statement 13\""));
  }

  private static void seed(DataSource db) throws Exception {
    Random random = new Random(5);
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      exec(
          c,
          "INSERT INTO community (id, name, domain, cycles, subjects, sharing, framework, context, focus, joining, created_by, created_at)"
              + " VALUES ('k1', 'Bench', 'Bench', '', '', 'BOTH', 'INFORMAL', 'ONE_SCHOOL', '', 'OPEN', 'u0', CURRENT_TIMESTAMP)");
      exec(
          c,
          "INSERT INTO survey (id, community_id, template, title, created_by, created_at) VALUES ('s1', 'k1', 'CUSTOM', 'Bench', 'u0', CURRENT_TIMESTAMP)");
      for (int i = 1; i <= ITEMS; i++) {
        exec(
            c,
            "INSERT INTO survey_item (survey_id, position, text) VALUES ('s1', "
                + i
                + ", 'Statement "
                + i
                + "')");
      }
      exec(
          c,
          "INSERT INTO survey_round (id, survey_id, opens_at, closes_at, min_respondents, created_at)"
              + " VALUES ('r1', 's1', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 3, CURRENT_TIMESTAMP)");
      try (PreparedStatement who =
              c.prepareStatement(
                  "INSERT INTO survey_participation (round_id, lms_user_id) VALUES ('r1', ?)");
          PreparedStatement what =
              c.prepareStatement(
                  "INSERT INTO survey_answer (id, round_id, position, agreement) VALUES (?, 'r1', ?, ?)")) {
        for (int p = 0; p < RESPONDENTS; p++) {
          who.setString(1, "p" + p);
          who.addBatch();
          for (int i = 1; i <= ITEMS; i++) {
            if (random.nextInt(20) == 0) {
              continue; // a skipped statement
            }
            what.setString(1, UUID.randomUUID().toString());
            what.setInt(2, i);
            what.setInt(3, 1 + Math.min(4, (int) Math.abs(random.nextGaussian() * 1.2 + 2.5)));
            what.addBatch();
          }
          if (p % 500 == 499) {
            who.executeBatch();
            what.executeBatch();
          }
        }
        who.executeBatch();
        what.executeBatch();
      }
      c.commit();
    }
  }

  private static void exec(Connection c, String sql) throws Exception {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.executeUpdate();
    }
  }
}
