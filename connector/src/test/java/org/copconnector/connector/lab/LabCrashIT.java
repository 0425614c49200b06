package org.copconnector.connector.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.copconnector.connector.testing.Clients;
import org.copconnector.plugin.people.Participant;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.session.ProductRole;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.session.SessionStore;
import org.copconnector.plugin.store.Database;
import org.copconnector.plugin.store.DatabaseSettings;
import org.copconnector.plugin.testing.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged connector killed with {@code kill -9} at random moments while teachers write and
 * their writes are delivered to the real Moodle, ten times, on the embedded H2 database and on
 * PostgreSQL: every write the connector confirmed is kept and reaches Moodle exactly once, and
 * nothing reaches it twice.
 */
@RealMoodle
class LabCrashIT {

  private static final Path JAR = Path.of("target", "cop-connector.jar").toAbsolutePath();
  private static final int KILLS = 10;
  private static final MediaType JSON = MediaType.get("application/json");

  private final MoodleLab lab = MoodleLab.get();
  private final long course = lab.courseId("SCI-COP");
  private final OkHttpClient http =
      Clients.asTheUi().newBuilder().callTimeout(Duration.ofSeconds(10)).build();
  private final Random random = new Random();

  @TempDir Path dataDir;

  @Test
  void onTheEmbeddedDatabase() throws Exception {
    survivesKills(DatabaseSettings.h2File(dataDir, 5), Map.of());
  }

  @Test
  void onPostgresql() throws Exception {
    DatabaseSettings pg = PostgresServer.shared().newDatabase();
    survivesKills(
        pg,
        Map.of("COP_DB_URL", pg.url(), "COP_DB_USER", pg.user(), "COP_DB_PASSWORD", pg.password()));
  }

  private void survivesKills(DatabaseSettings db, Map<String, String> dbEnv) throws Exception {
    String run = "crash" + Long.toString(System.currentTimeMillis(), 36);
    Map<String, String> sessions = seedSessions(db);
    Map<String, String> env = new HashMap<>(lab.connectorEnvironment(dataDir));
    env.putAll(dbEnv);
    Path log = dataDir.resolve("connector.log");

    String thread;
    Process connector = launch(env, log);
    String base = awaitHealth(connector, env);
    String community =
        post(base, sessions.get("alice"), "/api/v1/communities", communityJson("Ensaios " + run))
            .get("id")
            .getAsString();
    send(
        base, sessions.get("bruno"), "/api/v1/communities/" + community + "/join", "POST", "", 200);
    put(
        base,
        sessions.get("alice"),
        "/api/v1/communities/" + community + "/courses/" + course + "/forum",
        "{\"forumId\":\"" + lab.forumId("SCI-COP", 1) + "\"}");
    thread =
        post(
                base,
                sessions.get("alice"),
                "/api/v1/threads",
                "{\"communityId\":\""
                    + community
                    + "\",\"title\":\"Diário "
                    + run
                    + "\",\"body\":\"<p>Início "
                    + run
                    + "</p>\"}")
            .get("id")
            .getAsString();

    Set<String> confirmedReplies = ConcurrentHashMap.newKeySet();
    Set<String> confirmedCommunities = ConcurrentHashMap.newKeySet();
    List<Long> killedAfterMillis = new ArrayList<>();
    List<String> refusals = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int kill = 1; kill <= KILLS; kill++) {
      if (kill > 1) {
        connector = launch(env, log);
        base = awaitHealth(connector, env);
      }
      AtomicBoolean writing = new AtomicBoolean(true);
      String target = base;
      int round = kill;
      Thread writer =
          new Thread(
              () -> {
                for (int i = 0; writing.get(); i++) {
                  try {
                    if (i % 10 == 9) {
                      String name = "Grupo " + run + "-" + round + "-" + i;
                      post(
                          target,
                          sessions.get("alice"),
                          "/api/v1/communities",
                          communityJson(name));
                      confirmedCommunities.add(name);
                    } else {
                      String text = "Nota " + run + "-" + round + "-" + i;
                      String session = sessions.get(i % 2 == 0 ? "alice" : "bruno");
                      post(
                          target,
                          session,
                          "/api/v1/threads/" + thread + "/posts",
                          "{\"body\":\"<p>" + text + "</p>\"}");
                      confirmedReplies.add(text);
                    }
                    // Two busy teachers, not a flood: Moodle takes a post in 0.1–0.2 s.
                    Thread.sleep(100);
                  } catch (IOException | InterruptedException e) {
                    return; // the connector is gone: this write was never confirmed
                  } catch (RuntimeException e) {
                    refusals.add(e.getMessage());
                    return;
                  }
                }
              },
              "writer");
      writer.start();
      long after = 500 + random.nextInt(4500);
      Thread.sleep(after);
      connector.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
      connector.waitFor(10, TimeUnit.SECONDS);
      writing.set(false);
      writer.join(15_000);
      killedAfterMillis.add(after);
    }
    assertEquals(List.of(), refusals, "writes are confirmed or cut off, never refused");

    connector = launch(env, log);
    base = awaitHealth(connector, env);
    try {
      // The restarted instance takes over its killed run's leases at once (they would otherwise
      // hold the thread's replies back for two minutes).
      awaitNothingPending(base, sessions.get("admin"), Duration.ofSeconds(180));
      // Everything confirmed is in the hub…
      JsonObject page =
          JsonParser.parseString(get(base, sessions.get("alice"), "/api/v1/threads/" + thread))
              .getAsJsonObject();
      assertTrue(page.get("pages").getAsInt() >= 1);
      for (String name : confirmedCommunities) {
        assertTrue(
            get(base, sessions.get("alice"), "/api/v1/communities?q=" + name.replace(' ', '+'))
                .contains(name),
            "community kept after kill -9: " + name);
      }
    } finally {
      connector.destroy();
      connector.waitFor(30, TimeUnit.SECONDS);
    }
    // …and in Moodle exactly once; nothing is there twice.
    Map<String, Long> inMoodle = new HashMap<>();
    for (Map<String, Object> row :
        lab.query(
            "SELECT substring(p.message from '(Nota [^<]*)</p>') AS text, COUNT(*) AS copies"
                + " FROM mdl_forum_posts p WHERE p.message LIKE ? GROUP BY 1",
            "%Nota " + run + "-%")) {
      inMoodle.put((String) row.get("text"), ((Number) row.get("copies")).longValue());
    }
    for (String text : confirmedReplies) {
      assertEquals(1L, inMoodle.getOrDefault(text, 0L), "confirmed reply once in Moodle: " + text);
    }
    inMoodle.forEach((text, copies) -> assertEquals(1L, copies, "never twice: " + text));
    for (String name : confirmedCommunities) {
      assertEquals(
          1L,
          lab.count(
              "SELECT COUNT(*) FROM mdl_groups WHERE courseid = ? AND name = ?", course, name),
          "one Moodle group for " + name);
    }
    System.out.printf(
        "kill -9 x%d on %s (after %s ms): %d confirmed replies and %d communities, all in Moodle"
            + " once%n",
        KILLS,
        db.isPostgres() ? "PostgreSQL" : "H2",
        killedAfterMillis,
        confirmedReplies.size(),
        confirmedCommunities.size());
    assertTrue(confirmedReplies.size() > KILLS, "writes were made between the kills");
  }

  /** People and sessions written before the connector starts (the LTI path has its own tests). */
  private Map<String, String> seedSessions(DatabaseSettings settings) {
    Map<String, String> sessions = new HashMap<>();
    try (Database database = Database.open(settings)) {
      database.migrate();
      PeopleStore people = new PeopleStore(database.dataSource(), Clock.systemUTC());
      SessionStore store =
          new SessionStore(database.dataSource(), Clock.systemUTC(), Duration.ofHours(2));
      Map<String, Object[]> who =
          Map.of(
              "alice", new Object[] {"teacher1", ProductRole.FACILITATOR},
              "bruno", new Object[] {"teacher2", ProductRole.MEMBER},
              "admin", new Object[] {"admin", ProductRole.ADMIN});
      for (Map.Entry<String, Object[]> person : who.entrySet()) {
        String username = (String) person.getValue()[0];
        String id = Long.toString(lab.userId(username));
        people.recordLaunch(
            Long.toString(course),
            "SCI-COP",
            new Participant(
                id, lab.fullName(username), null, List.of("editingteacher"), List.of()));
        sessions.put(
            person.getKey(),
            store.open(
                new Session(
                    null,
                    id,
                    lab.fullName(username),
                    null,
                    "pt",
                    Long.toString(course),
                    "SCI-COP",
                    (ProductRole) person.getValue()[1],
                    false,
                    null)));
      }
    }
    return sessions;
  }

  private String communityJson(String name) {
    return "{\"name\":\"" + name + "\",\"domain\":\"Escrita\",\"courseIds\":[\"" + course + "\"]}";
  }

  private Process launch(Map<String, String> env, Path log) throws IOException {
    Map<String, String> withPort = new HashMap<>(env);
    withPort.put("COP_HTTP_PORT", Integer.toString(freePort()));
    env.put("COP_HTTP_PORT", withPort.get("COP_HTTP_PORT"));
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString(),
                "serve")
            .directory(dataDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().keySet().removeIf(k -> k.startsWith("COP_"));
    builder.environment().putAll(withPort);
    return builder.start();
  }

  private String awaitHealth(Process process, Map<String, String> env) throws Exception {
    String base = "http://127.0.0.1:" + env.get("COP_HTTP_PORT");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      assertTrue(process.isAlive(), "the connector exited during start-up");
      try (Response r =
          http.newCall(new Request.Builder().url(base + "/health").build()).execute()) {
        if (r.code() == 200) {
          return base;
        }
      } catch (IOException notYet) {
        // starting
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no /health answer within 60 s");
  }

  private void awaitNothingPending(String base, String admin, Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      JsonObject summary =
          JsonParser.parseString(get(base, admin, "/api/v1/admin/outbox?status=FAILED"))
              .getAsJsonObject();
      assertEquals(0, summary.get("failed").getAsInt(), "no write failed for good: " + summary);
      if (summary.get("pending").getAsInt() == 0) {
        return;
      }
      assertTrue(System.nanoTime() < deadline, "still pending after " + within + ": " + summary);
      Thread.sleep(500);
    }
  }

  private JsonObject post(String base, String session, String path, String json)
      throws IOException {
    return JsonParser.parseString(send(base, session, path, "POST", json, 201)).getAsJsonObject();
  }

  private void put(String base, String session, String path, String json) throws IOException {
    send(base, session, path, "PUT", json, 200);
  }

  private String get(String base, String session, String path) throws IOException {
    return send(base, session, path, "GET", null, 200);
  }

  private String send(
      String base, String session, String path, String method, String json, int expected)
      throws IOException {
    Request request =
        new Request.Builder()
            .url(base + path)
            .header("Cookie", "cop_session=" + session)
            .method(method, json == null ? null : RequestBody.create(json, JSON))
            .build();
    try (Response r = http.newCall(request).execute()) {
      String body = r.body().string();
      if (r.code() != expected) {
        throw new IllegalStateException(
            method + " " + path + " answered " + r.code() + ": " + body);
      }
      return body;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
