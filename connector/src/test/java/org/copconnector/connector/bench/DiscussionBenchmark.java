package org.copconnector.connector.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.copconnector.connector.moodle.Backoff;
import org.copconnector.connector.moodle.Moodle;
import org.copconnector.connector.moodle.MoodleClient;
import org.copconnector.connector.moodle.MoodleLms;
import org.copconnector.connector.moodle.fake.FakeMoodle;
import org.copconnector.connector.moodle.fake.FakeMoodleState;
import org.copconnector.connector.server.Connector;
import org.copconnector.plugin.community.GroupMirror;
import org.copconnector.plugin.discussion.DiscussionLimits;
import org.copconnector.plugin.discussion.Discussions;
import org.copconnector.plugin.discussion.ForumImport;
import org.copconnector.plugin.discussion.Notifier;
import org.copconnector.plugin.outbox.LmsMappings;
import org.copconnector.plugin.outbox.Outbox;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.session.ProductRole;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.session.SessionStore;

/**
 * The community page and the thread page under 100 concurrent clients, over a database of 500
 * communities, 5,000 teachers and 200,000 posts; and the web-service calls of an incremental forum
 * import of an unchanged course. Prints a Markdown table for BENCHMARKS.md.
 */
public final class DiscussionBenchmark {

  private static final int COURSES = 50;
  private static final int TEACHERS = 5000;
  private static final int COMMUNITIES = 500;
  private static final int MEMBERS_PER_COMMUNITY = 40;
  private static final int THREADS_PER_COMMUNITY = 40;
  private static final int POSTS_PER_THREAD = 10;
  private static final int CLIENTS = 100;
  private static final Duration WARMUP = Duration.ofSeconds(15);
  private static final Duration MEASURE = Duration.ofSeconds(30);

  /** A teacher's pause between pages: reading takes seconds (0.5 to 1.5 s, 1 s on average). */
  private static final int THINK_MS = 1000;

  private record Timed(String page, double millis) {}

  public static void main(String[] args) throws Exception {
    try (Connector connector = BenchServer.start("discussions")) {
      DataSource db = connector.database().dataSource();
      long t0 = System.nanoTime();
      seed(db);
      System.err.printf("seeded in %.1f s%n", (System.nanoTime() - t0) / 1e9);

      SessionStore sessions = new SessionStore(db, Clock.systemUTC(), Duration.ofHours(8));
      List<String[]> clients = new ArrayList<>(); // session token, community id, thread ids prefix
      for (int i = 0; i < CLIENTS; i++) {
        int community = (i * 37) % COMMUNITIES;
        int course = community % COURSES;
        String teacher =
            "u" + (course + COURSES * memberSlot(community, i % MEMBERS_PER_COMMUNITY));
        String token =
            sessions.open(
                new Session(
                    null,
                    teacher,
                    "Teacher " + teacher,
                    null,
                    "pt",
                    "c" + course,
                    "Course " + course,
                    ProductRole.MEMBER,
                    false,
                    null));
        clients.add(new String[] {token, "k" + community});
      }
      String base = "http://127.0.0.1:" + connector.port();
      Dispatcher dispatcher = new Dispatcher();
      dispatcher.setMaxRequests(CLIENTS * 2);
      dispatcher.setMaxRequestsPerHost(CLIENTS * 2);
      OkHttpClient http =
          new OkHttpClient.Builder()
              .dispatcher(dispatcher)
              .connectionPool(new ConnectionPool(CLIENTS * 2, 5, TimeUnit.MINUTES))
              .build();

      run(http, base, clients, WARMUP, null, false);
      System.out.println("| measurement | result | budget | ratio to budget |");
      System.out.println("|---|---|---|---|");
      for (boolean pausing : List.of(true, false)) {
        ConcurrentLinkedQueue<Timed> timings = new ConcurrentLinkedQueue<>();
        AtomicInteger requests = run(http, base, clients, MEASURE, timings, pausing);
        String how = pausing ? "pausing ~1 s between pages" : "no pause (saturation)";
        for (String page :
            List.of("community page", "community details", "thread list", "thread page")) {
          double[] values =
              timings.stream()
                  .filter(t -> t.page().equals(page))
                  .mapToDouble(Timed::millis)
                  .toArray();
          Percentiles p = new Percentiles(values);
          System.out.printf(
              "| %s, %d clients %s | %s | p99 50 ms | %.2f (p99) |%n",
              page, CLIENTS, how, p.summary("ms"), p.at(99) / 50);
        }
        System.out.printf(
            "| requests served, %d clients %s | %.0f requests/s over %d s | | |%n",
            CLIENTS, how, requests.get() / (double) MEASURE.toSeconds(), MEASURE.toSeconds());
      }
      importCalls(System.out);
      System.out.printf(
          "%nmachine: %d cores, Java %s, %s; data: %d communities, %d teachers, %d threads, %d posts%n",
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"),
          System.getProperty("os.name"),
          COMMUNITIES,
          TEACHERS,
          COMMUNITIES * THREADS_PER_COMMUNITY,
          COMMUNITIES * THREADS_PER_COMMUNITY * POSTS_PER_THREAD);
    }
  }

  /**
   * Each client in a loop: the community page (its details and its thread list, as the page loads
   * them), then a thread page of that community. Times each page from the first request to the last
   * answer.
   */
  private static AtomicInteger run(
      OkHttpClient http,
      String base,
      List<String[]> clients,
      Duration length,
      ConcurrentLinkedQueue<Timed> timings,
      boolean pausing)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(clients.size());
    long end = System.nanoTime() + length.toNanos();
    AtomicInteger requests = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(clients.size());
    for (int c = 0; c < clients.size(); c++) {
      String[] client = clients.get(c);
      Random random = new Random(c);
      pool.submit(
          () -> {
            try {
              if (pausing) {
                Thread.sleep(random.nextInt(THINK_MS)); // people do not all click at once
              }
              while (System.nanoTime() < end) {
                long t = System.nanoTime();
                get(http, base + "/api/v1/communities/" + client[1], client[0]);
                long t1 = System.nanoTime();
                get(http, base + "/api/v1/threads?community=" + client[1], client[0]);
                double community = (System.nanoTime() - t) / 1e6;
                if (timings != null) {
                  timings.add(new Timed("community details", (t1 - t) / 1e6));
                  timings.add(new Timed("thread list", (System.nanoTime() - t1) / 1e6));
                }
                if (pausing) {
                  Thread.sleep(THINK_MS / 2 + random.nextInt(THINK_MS));
                }
                String thread = threadId(client[1], random.nextInt(THREADS_PER_COMMUNITY));
                long t2 = System.nanoTime();
                get(http, base + "/api/v1/threads/" + thread + "?page=0", client[0]);
                double threadPage = (System.nanoTime() - t2) / 1e6;
                requests.addAndGet(3);
                if (pausing) {
                  Thread.sleep(THINK_MS / 2 + random.nextInt(THINK_MS));
                }
                if (timings != null) {
                  timings.add(new Timed("community page", community));
                  timings.add(new Timed("thread page", threadPage));
                }
              }
            } catch (Exception e) {
              e.printStackTrace();
            } finally {
              done.countDown();
            }
          });
    }
    done.await();
    pool.shutdown();
    return requests;
  }

  private static void get(OkHttpClient http, String url, String token) throws Exception {
    Request request =
        new Request.Builder().url(url).header("Cookie", "cop_session=" + token).build();
    try (Response response = http.newCall(request).execute()) {
      String body = response.body().string();
      if (response.code() != 200) {
        throw new IllegalStateException(url + " answered " + response.code() + ": " + body);
      }
    }
  }

  private static int memberSlot(int community, int index) {
    return (community / COURSES * 7 + index) % (TEACHERS / COURSES);
  }

  private static String threadId(String community, int index) {
    return community + "-t" + index;
  }

  /** Bulk rows straight into the tables (the services would take hours for 200,000 posts). */
  private static void seed(DataSource db) throws Exception {
    Timestamp now = Timestamp.from(Instant.now());
    Random random = new Random(42);
    String body =
        "<p>Na aula de hoje experimentámos bilhetes de saída com três perguntas curtas; os alunos"
            + " responderam em cinco minutos e percebi logo quem não tinha compreendido as frações"
            + " equivalentes. Amanhã retomo com material manipulável e grupos pequenos.</p>"
            + "<p>Alguém usou esta estratégia no 2.º ciclo? Que perguntas resultaram melhor?</p>";
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      batch(
          c,
          "INSERT INTO lms_course (course_id, title, first_seen_at) VALUES (?, ?, ?)",
          COURSES,
          (ps, i) -> {
            ps.setString(1, "c" + i);
            ps.setString(2, "Course " + i);
            ps.setTimestamp(3, now);
          });
      batch(
          c,
          "INSERT INTO lms_person (lms_user_id, display_name, updated_at) VALUES (?, ?, ?)",
          TEACHERS,
          (ps, i) -> {
            ps.setString(1, "u" + i);
            ps.setString(2, "Teacher " + i);
            ps.setTimestamp(3, now);
          });
      batch(
          c,
          "INSERT INTO lms_course_member (course_id, lms_user_id, roles, group_names) VALUES (?, ?, ?, ?)",
          TEACHERS,
          (ps, i) -> {
            ps.setString(1, "c" + (i % COURSES));
            ps.setString(2, "u" + i);
            ps.setString(3, "editingteacher");
            ps.setString(4, "");
          });
      batch(
          c,
          "INSERT INTO community (id, name, domain, cycles, subjects, sharing, framework, context, focus, joining, created_by, created_at)"
              + " VALUES (?, ?, ?, '2.º ciclo', 'Matemática', 'BOTH', 'INFORMAL', 'ONE_SCHOOL', 'avaliação', 'OPEN', ?, ?)",
          COMMUNITIES,
          (ps, i) -> {
            ps.setString(1, "k" + i);
            ps.setString(2, "Community " + i);
            ps.setString(3, "Formative assessment in course " + (i % COURSES));
            ps.setString(4, "u" + (i % COURSES));
            ps.setTimestamp(5, now);
          });
      batch(
          c,
          "INSERT INTO community_anchor (id, community_id, course_id) VALUES (?, ?, ?)",
          COMMUNITIES,
          (ps, i) -> {
            ps.setString(1, "a" + i);
            ps.setString(2, "k" + i);
            ps.setString(3, "c" + (i % COURSES));
          });
      batch(
          c,
          "INSERT INTO community_member (community_id, lms_user_id, role, status, since) VALUES (?, ?, ?, 'ACTIVE', ?)",
          COMMUNITIES * MEMBERS_PER_COMMUNITY,
          (ps, i) -> {
            int community = i / MEMBERS_PER_COMMUNITY;
            int slot = memberSlot(community, i % MEMBERS_PER_COMMUNITY);
            ps.setString(1, "k" + community);
            ps.setString(2, "u" + (community % COURSES + COURSES * slot));
            ps.setString(3, i % MEMBERS_PER_COMMUNITY == 0 ? "FACILITATOR" : "MEMBER");
            ps.setTimestamp(4, now);
          });
      int threads = COMMUNITIES * THREADS_PER_COMMUNITY;
      Instant start = Instant.now().minus(Duration.ofDays(365));
      batch(
          c,
          "INSERT INTO thread (id, community_id, title, author_id, author_name, pinned, post_count, created_at, last_post_at)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          threads,
          (ps, i) -> {
            int community = i / THREADS_PER_COMMUNITY;
            ps.setString(1, threadId("k" + community, i % THREADS_PER_COMMUNITY));
            ps.setString(2, "k" + community);
            ps.setString(3, "Bilhetes de saída, ronda " + i);
            ps.setString(4, "u" + (community % COURSES));
            ps.setString(5, "Teacher " + (community % COURSES));
            ps.setBoolean(6, i % THREADS_PER_COMMUNITY == 0);
            ps.setInt(7, POSTS_PER_THREAD);
            ps.setTimestamp(8, Timestamp.from(start.plusSeconds(i * 1500L)));
            ps.setTimestamp(
                9, Timestamp.from(start.plusSeconds(i * 1500L + random.nextInt(86400))));
          });
      batch(
          c,
          "INSERT INTO post (id, thread_id, seq, parent_id, author_id, author_name, body, origin, helped_count, hidden, created_at)"
              + " VALUES (?, ?, ?, NULL, ?, ?, ?, 'HUB', ?, FALSE, ?)",
          threads * POSTS_PER_THREAD,
          (ps, i) -> {
            int thread = i / POSTS_PER_THREAD;
            int community = thread / THREADS_PER_COMMUNITY;
            String author =
                "u"
                    + (community % COURSES
                        + COURSES * memberSlot(community, i % MEMBERS_PER_COMMUNITY));
            ps.setString(1, "p" + i);
            ps.setString(2, threadId("k" + community, thread % THREADS_PER_COMMUNITY));
            ps.setInt(3, i % POSTS_PER_THREAD + 1);
            ps.setString(4, author);
            ps.setString(5, "Teacher " + author);
            ps.setString(6, body);
            ps.setInt(7, i % 3);
            ps.setTimestamp(8, Timestamp.from(start.plusSeconds(i * 150L)));
          });
      c.commit();
    }
  }

  private interface Row {
    void fill(PreparedStatement ps, int i) throws Exception;
  }

  private static void batch(Connection c, String sql, int rows, Row row) throws Exception {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < rows; i++) {
        row.fill(ps, i);
        ps.addBatch();
        if (i % 1000 == 999) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    }
  }

  /** Calls of a first and of a second (nothing changed) import of a course with 200 discussions. */
  private static void importCalls(java.io.PrintStream out) throws Exception {
    Path work = Files.createTempDirectory("cop-bench-import-");
    FakeMoodleState state = FakeMoodleState.seeded();
    try (FakeMoodle fake = new FakeMoodle(state).start();
        org.copconnector.plugin.store.Database database =
            org.copconnector.plugin.store.Database.open(
                org.copconnector.plugin.store.DatabaseSettings.h2File(work, 4))) {
      database.migrate();
      DataSource db = database.dataSource();
      Clock clock = Clock.systemUTC();
      Moodle moodle =
          new Moodle(
              new MoodleClient(
                  new OkHttpClient(), fake.url(), FakeMoodle.TOKEN, 0, 1000, Backoff.none()));
      MoodleLms lms = new MoodleLms(moodle, 500, moodle.site(), clock, Duration.ofMinutes(1));
      PeopleStore people = new PeopleStore(db, clock);
      Outbox outbox = new Outbox(db, clock);
      LmsMappings mappings = new LmsMappings(db, clock);
      Discussions discussions =
          new Discussions(
              db,
              people,
              outbox,
              new Notifier(db, outbox, people, java.time.ZoneOffset.UTC, clock),
              DiscussionLimits.defaults(),
              clock);
      java.nio.file.Path files = java.nio.file.Files.createTempDirectory("bench-post-files");
      org.copconnector.plugin.resource.BlobStore blobs =
          new org.copconnector.plugin.resource.BlobStore(files);
      ForumImport forumImport =
          new ForumImport(
              db,
              lms,
              mappings,
              discussions,
              people,
              new org.copconnector.plugin.discussion.PostFiles(
                  db,
                  people,
                  blobs,
                  new org.copconnector.plugin.resource.Uploads(db, blobs, 50L << 20, clock),
                  clock),
              clock);
      String groupId = lms.ensureGroup("2", "Bench", GroupMirror.groupIdnumber("a1"));
      try (Connection c = db.getConnection()) {
        c.createStatement()
            .execute(
                "INSERT INTO community (id, name, domain, cycles, subjects, sharing, framework, context, focus, joining, created_by, created_at)"
                    + " VALUES ('k1', 'Bench', 'Bench', '', '', 'BOTH', 'INFORMAL', 'ONE_SCHOOL', '', 'OPEN', '4', CURRENT_TIMESTAMP)");
        c.createStatement()
            .execute(
                "INSERT INTO community_anchor (id, community_id, course_id, forum_id) VALUES ('a1', 'k1', '2', '4')");
      }
      mappings.put(GroupMirror.MAPPING, "a1", groupId);
      for (int i = 0; i < 200; i++) {
        var started =
            lms.startDiscussion(
                new org.copconnector.plugin.lms.Lms.NewDiscussion(
                    "2", "4", groupId, "Topic " + i, "<p>Teacher text " + i + "</p>", null));
        fake.replyInMoodle(
            Long.parseLong(started.firstPostId()), 5, "Re", "<p>Reply " + i + "</p>");
      }
      int before = fake.requestCount();
      ForumImport.Outcome first = forumImport.importCourse("2");
      int firstCalls = fake.requestCount() - before;
      before = fake.requestCount();
      ForumImport.Outcome second = forumImport.importCourse("2");
      int secondCalls = fake.requestCount() - before;
      out.printf(
          "| forum import, course with 200 new discussions (400 posts) | %d calls, %d posts imported | | |%n",
          firstCalls, first.postsImported());
      out.printf(
          "| forum import, same course unchanged | %d call(s), %d posts imported | 2 calls | %.2f |%n",
          secondCalls, second.postsImported(), secondCalls / 2.0);
    }
  }
}
