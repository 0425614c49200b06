package org.copconnector.connector.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import okhttp3.OkHttpClient;
import org.copconnector.connector.server.Connector;
import org.copconnector.plugin.session.ProductRole;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.session.SessionStore;

/**
 * The dialogue view, a prompt's page and a teacher's portfolio after two years of weekly prompts in
 * a community of 60: 100 opened prompts of 40 answers and replies each, and a teacher with 100
 * journal entries and 100 answers. Prints a Markdown table.
 */
public final class ReflectionBenchmark {

  private static final int MEMBERS = 60;
  private static final int OPENINGS = 100;
  private static final int POSTS_PER_OPENING = 40;
  private static final int WARMUP = 30;
  private static final int RUNS = 200;
  private static final double BUDGET_MS = 100;

  public static void main(String[] args) throws Exception {
    try (Connector connector = BenchServer.start("reflection")) {
      DataSource db = connector.database().dataSource();
      seed(db);
      SessionStore sessions = new SessionStore(db, Clock.systemUTC(), Duration.ofHours(1));
      String facilitator = sessions.open(session("m0", ProductRole.FACILITATOR));
      String teacher = sessions.open(session("m1", ProductRole.MEMBER));
      OkHttpClient http = new OkHttpClient();
      String api = "http://127.0.0.1:" + connector.port() + "/api/v1";
      Percentiles dialogue =
          time(http, api + "/prompt-schedules/dialogue?community=k1", facilitator, "medianWords");
      Percentiles chart =
          time(
              http, api + "/prompt-schedules/dialogue/chart.svg?community=k1", facilitator, "<svg");
      Percentiles prompt = time(http, api + "/prompt-openings/t50", facilitator, "respondents");
      Percentiles portfolio = time(http, api + "/me/reflections", teacher, "reflections");
      System.out.println("| measurement | result | budget | ratio to budget |");
      System.out.println("|---|---|---|---|");
      row(
          "dialogue view of a community (%d prompts x %d posts, %d members)"
              .formatted(OPENINGS, POSTS_PER_OPENING, MEMBERS),
          dialogue);
      row("the same as a chart (SVG)", chart);
      row("one prompt's page, with who answered (facilitator)", prompt);
      row(
          "a teacher's portfolio (%d journal entries + %d answers)".formatted(OPENINGS, OPENINGS),
          portfolio);
      System.out.printf(
          "%nmachine: %d cores, Java %s, %s; H2 embedded%n",
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"),
          System.getProperty("os.name"));
    }
    System.exit(0);
  }

  private static Session session(String id, ProductRole role) {
    return new Session(null, id, "Teacher " + id, null, "pt", "c0", "Course", role, false, null);
  }

  private static void row(String what, Percentiles p) {
    System.out.printf(
        "| %s, at the client | %s | %.0f ms | %.2f (p95) |%n",
        what, p.summary("ms"), BUDGET_MS, p.at(95) / BUDGET_MS);
  }

  private static Percentiles time(OkHttpClient http, String url, String token, String expected)
      throws Exception {
    return BenchServer.time(http, url, token, WARMUP, RUNS, body -> body.contains(expected));
  }

  private static void seed(DataSource db) throws Exception {
    Random random = new Random(6);
    Instant start = Instant.parse("2024-09-02T17:00:00Z");
    Timestamp then = Timestamp.from(start);
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO community (id, name, domain, cycles, subjects, sharing, framework, context, focus, joining, created_by, created_at)"
                  + " VALUES ('k1', 'Bench', 'Bench', '', '', 'BOTH', 'INFORMAL', 'ONE_SCHOOL', '', 'OPEN', 'm0', ?)")) {
        ps.setTimestamp(1, then);
        ps.executeUpdate();
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO community_member (community_id, lms_user_id, role, status, since) VALUES ('k1', ?, ?, 'ACTIVE', ?)")) {
        for (int m = 0; m < MEMBERS; m++) {
          ps.setString(1, "m" + m);
          ps.setString(2, m == 0 ? "FACILITATOR" : "MEMBER");
          ps.setTimestamp(3, then);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO prompt_schedule (id, community_id, title, body, repeat_every, first_date, local_time, time_zone,"
                  + " open_days, until_date, created_by, next_opening_at, created_at, asks_evidence)"
                  + " VALUES ('s1', 'k1', 'After the lesson', '<p>What did a student learn?</p>', 'WEEKLY', ?, '17:00', 'UTC',"
                  + " 7, NULL, 'm0', NULL, ?, FALSE)")) {
        ps.setDate(1, java.sql.Date.valueOf(LocalDate.parse("2024-09-02")));
        ps.setTimestamp(2, then);
        ps.executeUpdate();
      }
      String words =
          "the students compared their drafts and one of them noticed that the second argument"
              + " needed evidence from the text so we stopped and looked for quotations together";
      try (PreparedStatement thread =
              c.prepareStatement(
                  "INSERT INTO thread (id, community_id, title, author_id, author_name, pinned, post_count, created_at, last_post_at)"
                      + " VALUES (?, 'k1', 'After the lesson', 'm0', 'Teacher m0', FALSE, ?, ?, ?)");
          PreparedStatement opening =
              c.prepareStatement(
                  "INSERT INTO prompt_opening (schedule_id, occurrence_date, thread_id, opened_at, closes_at, reminded)"
                      + " VALUES ('s1', ?, ?, ?, ?, TRUE)");
          PreparedStatement post =
              c.prepareStatement(
                  "INSERT INTO post (id, thread_id, seq, parent_id, author_id, author_name, body, quote_post_id, quote_text,"
                      + " origin, helped_count, hidden, created_at, edited_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, 'HUB', 0, FALSE, ?, NULL)");
          PreparedStatement journal =
              c.prepareStatement(
                  "INSERT INTO reflection (id, thread_id, author_id, body, evidence_resource_id, evidence_link, post_id,"
                      + " created_at, updated_at, shared_at) VALUES (?, ?, 'm1', ?, NULL, 'https://school.example/plan', NULL, ?, ?, NULL)")) {
        for (int o = 0; o < OPENINGS; o++) {
          String t = "t" + o;
          Instant opened = start.plus(Duration.ofDays(7L * o));
          thread.setString(1, t);
          thread.setInt(2, POSTS_PER_OPENING + 1);
          thread.setTimestamp(3, Timestamp.from(opened));
          thread.setTimestamp(4, Timestamp.from(opened.plus(Duration.ofDays(3))));
          thread.addBatch();
          opening.setDate(1, java.sql.Date.valueOf(LocalDate.parse("2024-09-02").plusWeeks(o)));
          opening.setString(2, t);
          opening.setTimestamp(3, Timestamp.from(opened));
          opening.setTimestamp(4, Timestamp.from(opened.plus(Duration.ofDays(7))));
          opening.addBatch();
          List<String> ids = new ArrayList<>();
          for (int seq = 1; seq <= POSTS_PER_OPENING + 1; seq++) {
            String id = t + "-p" + seq;
            String author =
                seq == 1 ? "m0" : seq == 2 ? "m1" : "m" + (1 + random.nextInt(MEMBERS - 1));
            String parent =
                seq > 3 && random.nextInt(10) < 3
                    ? ids.get(1 + random.nextInt(ids.size() - 1))
                    : null;
            post.setString(1, id);
            post.setString(2, t);
            post.setInt(3, seq);
            post.setString(4, parent);
            post.setString(5, author);
            post.setString(6, "Teacher " + author);
            post.setString(
                7, "<p>" + words.substring(0, 40 + random.nextInt(words.length() - 40)) + "</p>");
            post.setTimestamp(8, Timestamp.from(opened.plus(Duration.ofMinutes(seq * 30L))));
            post.addBatch();
            ids.add(id);
          }
          journal.setString(1, "j" + o);
          journal.setString(2, t);
          journal.setString(3, "<p>" + words + "</p>");
          journal.setTimestamp(4, Timestamp.from(opened.plus(Duration.ofHours(2))));
          journal.setTimestamp(5, Timestamp.from(opened.plus(Duration.ofHours(2))));
          journal.addBatch();
        }
        thread.executeBatch();
        opening.executeBatch();
        post.executeBatch();
        journal.executeBatch();
      }
      c.commit();
    }
  }
}
