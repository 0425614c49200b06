package org.copconnector.connector.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.copconnector.connector.config.ConfigLoader;
import org.copconnector.connector.server.Connector;
import org.copconnector.plugin.discussion.DiscussionSearch;
import org.copconnector.plugin.discussion.PostIndex;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.session.ProductRole;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.session.SessionStore;

/**
 * Search inside discussions over 200,000 posts (20 communities, the searcher a member of 6 of them)
 * on the embedded database: how long the index takes to build from the change log, queries of
 * common and rare words with and without filters, and how soon a new post is found. Prints Markdown
 * tables.
 */
public final class DiscussionSearchBenchmark {

  private static final int POSTS = 200_000;
  private static final int POSTS_PER_THREAD = 10;
  private static final int COMMUNITIES = 20;
  private static final int AUTHORS = 60;
  private static final int QUERIES = 500;
  private static final int WARMUP = 300;
  private static final double BUDGET_MS = 50;

  // Everyday words of teachers' conversations, most common first (a Zipf-like draw favours them).
  private static final String[] COMMON =
      ("aula alunos turma professor escola avaliação atividade trabalho grupo exemplo ideia"
              + " pergunta resposta tempo semana projeto leitura escrita matemática ciências ficha"
              + " teste rubrica critérios feedback objetivo aprendizagem competências planificação"
              + " estratégia experiência material recurso vídeo apresentação discussão reflexão"
              + " colegas departamento reunião calendário período trimestre notas dificuldades"
              + " motivação participação autonomia colaboração inclusão diferenciação tarefa"
              + " problema solução resultado evidência portefólio laboratório experimento dados"
              + " gráfico fração equação geometria gramática texto poema história geografia"
              + " inglês português química física biologia ambiente energia célula planeta")
          .split(" ");
  private static final String[] GLUE =
      "o a os as de da do em no na com para que e um uma mais muito também mas porque quando"
          .split(" ");
  private static final String[] SUBJECTS = {
    "Matemática", "Português", "Ciências", "História", "Inglês", "Físico-Química", "Biologia"
  };

  public static void main(String[] args) throws Exception {
    String loadBefore = load();
    Path dir = Files.createTempDirectory("cop-bench-search-");
    List<String> rare = rareWords();
    Map<String, String> env = new HashMap<>();
    env.put("COP_HTTP_HOST", "127.0.0.1");
    env.put("COP_HTTP_PORT", "0");
    env.put("COP_DATA_DIR", dir.toString());
    System.out.println("| measurement | result | budget | ratio to budget |");
    System.out.println("|---|---|---|---|");
    try (Connector connector =
        Connector.start(new ConfigLoader(env, dir.resolve("none")).load(null), List.of())) {
      DataSource db = connector.database().dataSource();
      long t0 = System.nanoTime();
      seed(db, rare);
      double seeded = (System.nanoTime() - t0) / 1e9;
      String me = session(db, "u0", ProductRole.MEMBER);
      String admin = session(db, "u1", ProductRole.ADMIN);
      OkHttpClient http = new OkHttpClient();
      String base = "http://127.0.0.1:" + connector.port();
      // The background catch-up reads the log in order: the last post found means all are in.
      long t1 = System.nanoTime();
      while (!get(http, base + "/api/v1/discussions/search?q=ultimaxpto", admin)
          .contains("\"total\":1")) {
        Thread.sleep(200);
      }
      double indexed = (System.nanoTime() - t1) / 1e9;
      System.out.printf(
          "| generating %,d posts in %,d threads (rows and change log) / indexing them from the log | %.1f s / %.1f s (%.0f posts per second) | | |%n",
          POSTS, POSTS / POSTS_PER_THREAD, seeded, indexed, POSTS / indexed);
      queries(http, base, me, rare);
      lag(http, base, me);
      rebuild(db, dir.resolve("rebuilt"));
    }
    System.out.printf(
        "%nmachine: %d cores, Java %s, %s; load average before: %s, after: %s%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        System.getProperty("os.name"),
        loadBefore,
        load());
    System.exit(0);
  }

  private static void queries(OkHttpClient http, String base, String me, List<String> rare)
      throws Exception {
    Random random = new Random(7);
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    String quarter = LocalDate.now(ZoneOffset.UTC).minusDays(90).toString();
    String[] kinds = {
      "one common word",
      "two common words",
      "one rare word",
      "common word, community filter",
      "common word, author filter",
      "common word, last 90 days",
      "rare word, community and days"
    };
    List<List<Double>> byKind = new ArrayList<>();
    for (int k = 0; k < kinds.length; k++) {
      byKind.add(new ArrayList<>());
    }
    List<Double> all = new ArrayList<>();
    long withResults = 0;
    long cpuBefore = 0;
    for (int i = -WARMUP; i < QUERIES * kinds.length; i++) {
      if (i == 0) {
        cpuBefore = processCpuNanos();
      }
      int kind = Math.floorMod(i, kinds.length);
      String common = COMMON[random.nextInt(30)];
      String query =
          switch (kind) {
            case 0 -> "q=" + enc(common);
            case 1 -> "q=" + enc(common + " " + COMMON[random.nextInt(COMMON.length)]);
            case 2 -> "q=" + enc(rare.get(random.nextInt(rare.size())));
            case 3 -> "q=" + enc(common) + "&community=k" + (random.nextInt(6) * 3);
            case 4 -> "q=" + enc(common) + "&author=" + enc("Autor " + random.nextInt(AUTHORS));
            case 5 -> "q=" + enc(common) + "&from=" + quarter + "&to=" + today;
            default ->
                "q="
                    + enc(rare.get(random.nextInt(rare.size())))
                    + "&community=k"
                    + (random.nextInt(6) * 3)
                    + "&from=2020-01-01&to="
                    + today;
          };
      long t = System.nanoTime();
      String body = get(http, base + "/api/v1/discussions/search?" + query, me);
      double ms = (System.nanoTime() - t) / 1e6;
      if (i >= 0) {
        byKind.get(kind).add(ms);
        all.add(ms);
        withResults += body.contains("\"results\":[]") ? 0 : 1;
      }
    }
    for (int k = 0; k < kinds.length; k++) {
      Percentiles p = percentiles(byKind.get(k));
      System.out.printf(
          "| %s | %s | p95 %.0f ms | %.2f (p95) |%n",
          kinds[k], p.summary("ms"), BUDGET_MS, p.at(95) / BUDGET_MS);
    }
    // The whole process's processor time (server and client) per query: what a busy machine's
    // other work cannot inflate, unlike the times at the client.
    double cpuPerQuery = (processCpuNanos() - cpuBefore) / 1e6 / all.size();
    System.out.printf(
        "| processor time per query, server and client together (all queries) | %.2f ms | | |%n",
        cpuPerQuery);
    Percentiles p = percentiles(all);
    System.out.printf(
        "| all queries (%,d of %,d with results), at the client over loopback | %s | p95 %.0f ms | %.2f (p95) |%n",
        withResults, all.size(), p.summary("ms"), BUDGET_MS, p.at(95) / BUDGET_MS);
  }

  /** A reply posted over HTTP, then searched for until found: how soon it is. */
  private static void lag(OkHttpClient http, String base, String me) throws Exception {
    double[] millis = new double[50];
    for (int i = 0; i < millis.length; i++) {
      String word = "recemchegada" + i;
      String json = "{\"body\":\"<p>Uma palavra nova: " + word + ".</p>\"}";
      try (Response r =
          http.newCall(
                  new Request.Builder()
                      .url(base + "/api/v1/threads/t000000/posts")
                      .header("Cookie", "cop_session=" + me)
                      .header("X-Requested-With", "cop-connector")
                      .post(RequestBody.create(json, MediaType.get("application/json")))
                      .build())
              .execute()) {
        if (r.code() != 201) {
          throw new IllegalStateException("reply answered " + r.code() + ": " + r.body().string());
        }
      }
      long t = System.nanoTime();
      while (!get(http, base + "/api/v1/discussions/search?q=" + word, me)
          .contains("\"total\":1")) {
        Thread.sleep(1);
      }
      millis[i] = (System.nanoTime() - t) / 1e6;
    }
    System.out.printf(
        "| a new reply: from its 201 answer until a search finds it | %s | | |%n",
        new Percentiles(millis).summary("ms"));
  }

  /** What a new instance does: its own index, built from the whole log and written to disk. */
  private static void rebuild(DataSource db, Path folder) throws Exception {
    try (PostIndex fresh = new PostIndex(folder)) {
      DiscussionSearch search =
          new DiscussionSearch(
              db, fresh, new PeopleStore(db, Clock.systemUTC()), ZoneOffset.UTC, Clock.systemUTC());
      long t = System.nanoTime();
      search.run();
      double seconds = (System.nanoTime() - t) / 1e9;
      System.out.printf(
          "| a new instance's index: all %,d posts read from the log and the database, indexed and written to disk | %.1f s (%.0f posts per second) | | |%n",
          POSTS + 50, seconds, (POSTS + 50) / seconds);
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static Percentiles percentiles(List<Double> values) {
    return new Percentiles(values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (Exception e) {
      return "unknown";
    }
  }

  private static String session(DataSource db, String user, ProductRole role) {
    return new SessionStore(db, Clock.systemUTC(), Duration.ofHours(8))
        .open(
            new Session(
                null,
                user,
                "Autor " + user.substring(1),
                null,
                "pt",
                "c0",
                "Course",
                role,
                false,
                null));
  }

  private static String get(OkHttpClient http, String url, String token) throws Exception {
    try (Response r =
        http.newCall(
                new Request.Builder().url(url).header("Cookie", "cop_session=" + token).build())
            .execute()) {
      String body = r.body().string();
      if (r.code() != 200) {
        throw new IllegalStateException(url + " answered " + r.code() + ": " + body);
      }
      return body;
    }
  }

  /** Made-up words, each in a handful of posts: the rare words of the queries. */
  private static List<String> rareWords() {
    Random random = new Random(1);
    String[] syllables = {"ca", "de", "li", "mo", "ra", "se", "ti", "vo", "nha", "gra", "pe", "zu"};
    List<String> words = new ArrayList<>();
    while (words.size() < 20_000) {
      StringBuilder w = new StringBuilder();
      for (int i = 0; i < 4; i++) {
        w.append(syllables[random.nextInt(syllables.length)]);
      }
      if (!words.contains(w.toString())) {
        words.add(w.toString());
      }
    }
    return words;
  }

  /**
   * A post of 20 to 120 words: sentences of common words, glue words and now and then a rare one.
   */
  private static String body(Random random, List<String> rare) {
    StringBuilder text = new StringBuilder("<p>");
    int words = 20 + random.nextInt(100);
    for (int i = 0; i < words; i++) {
      double draw = random.nextDouble();
      String word =
          draw < 0.45
              ? GLUE[random.nextInt(GLUE.length)]
              : draw < 0.97
                  ? COMMON[
                      (int)
                          Math.min(
                              COMMON.length - 1, Math.pow(COMMON.length, random.nextDouble()) - 1)]
                  : rare.get(random.nextInt(rare.size()));
      text.append(i % 12 == 0 ? capital(word) : word).append(i % 12 == 11 ? ". " : " ");
    }
    return text.append("</p>").toString();
  }

  private static String capital(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  private static void seed(DataSource db, List<String> rare) throws Exception {
    Random random = new Random(42);
    Instant now = Instant.now();
    Timestamp ts = Timestamp.from(now);
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      exec(
          c,
          "INSERT INTO lms_course (course_id, title, first_seen_at) VALUES ('c0', 'Course', CURRENT_TIMESTAMP)");
      try (PreparedStatement person =
              c.prepareStatement(
                  "INSERT INTO lms_person (lms_user_id, display_name, updated_at) VALUES (?, ?, CURRENT_TIMESTAMP)");
          PreparedStatement inCourse =
              c.prepareStatement(
                  "INSERT INTO lms_course_member (course_id, lms_user_id, roles, group_names) VALUES ('c0', ?, 'editingteacher', '')")) {
        for (int u = 0; u < AUTHORS; u++) {
          person.setString(1, "u" + u);
          person.setString(2, "Autor " + u);
          person.addBatch();
          inCourse.setString(1, "u" + u);
          inCourse.addBatch();
        }
        person.executeBatch();
        inCourse.executeBatch();
      }
      try (PreparedStatement community =
              c.prepareStatement(
                  "INSERT INTO community (id, name, domain, cycles, subjects, sharing, framework, context, focus, joining, created_by, created_at)"
                      + " VALUES (?, ?, 'Bench', '', '', 'BOTH', 'INFORMAL', 'ONE_SCHOOL', '', 'REQUEST', 'u1', ?)");
          PreparedStatement anchor =
              c.prepareStatement(
                  "INSERT INTO community_anchor (id, community_id, course_id) VALUES (?, ?, 'c0')");
          PreparedStatement member =
              c.prepareStatement(
                  "INSERT INTO community_member (community_id, lms_user_id, role, status, since) VALUES (?, ?, ?, 'ACTIVE', ?)")) {
        for (int i = 0; i < COMMUNITIES; i++) {
          community.setString(1, "k" + i);
          community.setString(2, SUBJECTS[i % SUBJECTS.length] + " " + i);
          community.setTimestamp(3, ts);
          community.addBatch();
          anchor.setString(1, "a" + i);
          anchor.setString(2, "k" + i);
          anchor.addBatch();
          for (int u = 0; u < AUTHORS; u++) {
            // u0 (the searcher) is in every third community (6 of 20), facilitating the first.
            boolean in = u == 0 ? i % 3 == 0 && i < 18 : (u + i) % 4 == 0;
            if (in) {
              member.setString(1, "k" + i);
              member.setString(2, "u" + u);
              member.setString(3, u == 0 && i == 0 ? "FACILITATOR" : "MEMBER");
              member.setTimestamp(4, ts);
              member.addBatch();
            }
          }
        }
        community.executeBatch();
        anchor.executeBatch();
        member.executeBatch();
      }
      try (PreparedStatement thread =
              c.prepareStatement(
                  "INSERT INTO thread (id, community_id, title, author_id, author_name, pinned, post_count, created_at, last_post_at)"
                      + " VALUES (?, ?, ?, ?, ?, FALSE, ?, ?, ?)");
          PreparedStatement post =
              c.prepareStatement(
                  "INSERT INTO post (id, thread_id, seq, parent_id, author_id, author_name, body, quote_post_id, quote_text, origin,"
                      + " helped_count, hidden, created_at, edited_at) VALUES (?, ?, ?, NULL, ?, ?, ?, NULL, NULL, 'HUB', 0, ?, ?, NULL)");
          PreparedStatement change =
              c.prepareStatement("INSERT INTO post_change (post_id) VALUES (?)")) {
        int threads = POSTS / POSTS_PER_THREAD;
        for (int t = 0; t < threads; t++) {
          String threadId = String.format("t%06d", t);
          // Threads spread over two years, the newest last.
          Instant started = now.minus(Duration.ofMinutes((long) (threads - t) * 52));
          int author = random.nextInt(AUTHORS);
          thread.setString(1, threadId);
          thread.setString(2, "k" + (t % COMMUNITIES));
          thread.setString(
              3,
              capital(COMMON[random.nextInt(COMMON.length)])
                  + " e "
                  + COMMON[random.nextInt(COMMON.length)]
                  + " no "
                  + (1 + random.nextInt(12))
                  + ".º ano");
          thread.setString(4, "u" + author);
          thread.setString(5, "Autor " + author);
          thread.setInt(6, POSTS_PER_THREAD);
          thread.setTimestamp(7, Timestamp.from(started));
          thread.setTimestamp(8, Timestamp.from(started.plus(Duration.ofMinutes(50))));
          thread.addBatch();
          for (int s = 1; s <= POSTS_PER_THREAD; s++) {
            int n = t * POSTS_PER_THREAD + s - 1;
            String postId = String.format("p%07d", n);
            int by = s == 1 ? author : random.nextInt(AUTHORS);
            post.setString(1, postId);
            post.setString(2, threadId);
            post.setInt(3, s);
            post.setString(4, "u" + by);
            post.setString(5, "Autor " + by);
            post.setString(6, n == POSTS - 1 ? "<p>A última: ultimaxpto.</p>" : body(random, rare));
            post.setBoolean(7, random.nextInt(100) == 0);
            post.setTimestamp(8, Timestamp.from(started.plus(Duration.ofMinutes(5L * s))));
            post.addBatch();
            change.setString(1, postId);
            change.addBatch();
          }
          if (t % 100 == 99) {
            thread.executeBatch();
            post.executeBatch();
            change.executeBatch();
            c.commit();
          }
        }
        thread.executeBatch();
        post.executeBatch();
        change.executeBatch();
        c.commit();
      }
    }
  }

  private static void exec(Connection c, String sql) throws Exception {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.executeUpdate();
    }
  }
}
