package org.copconnector.connector.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.copconnector.connector.lti.TestPlatform;
import org.copconnector.connector.moodle.fake.FakeMoodle;
import org.copconnector.connector.moodle.fake.FakeMoodleState;
import org.copconnector.plugin.discussion.ForumMirror;
import org.copconnector.plugin.people.Participant;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.session.ProductRole;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.session.SessionStore;
import org.copconnector.plugin.store.Database;
import org.copconnector.plugin.store.DatabaseSettings;
import org.copconnector.plugin.store.Sql;
import org.copconnector.plugin.testing.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three connectors of the packaged jar on one PostgreSQL database and one files folder, requests
 * spread over them, one killed with {@code kill -9} while it delivers to Moodle and just before a
 * scheduled prompt opens, then started again: every Moodle write arrives once, the prompt opens
 * once, the day's digest is sent once, a session works on every instance, and a resource uploaded
 * on one is found on the others within 5 s.
 */
class SeveralInstancesIT {

  private static final Duration FORUM_ANSWER = Duration.ofMillis(300);
  private static final long COURSE = 2;
  private static final long FORUM = 4;

  @TempDir Path work;

  private final String run = Long.toString(System.currentTimeMillis(), 36);
  private final HubClient hub = new HubClient();
  private final List<JarInstance> instances = new ArrayList<>();

  @Test
  void threeInstancesOneKilledEverythingOnce() throws Exception {
    long started = System.nanoTime();
    DatabaseSettings db = PostgresServer.shared().newDatabase();
    try (Database database = Database.open(db);
        FakeMoodle moodle = new FakeMoodle().start();
        TestPlatform platform = new TestPlatform()) {
      // The schema first, as before a rollout (`migrate`), then people the tests sign in directly.
      database.migrate();
      Map<String, String> sessions = seedSessions(database);
      moodle.answerDelay("mod_forum_add_discussion", FORUM_ANSWER);
      moodle.answerDelay("mod_forum_add_discussion_post", FORUM_ANSWER);
      Map<String, String> env = new HashMap<>(platform.manualRegistration());
      env.putAll(
          Map.of(
              "COP_DB_URL", db.url(),
              "COP_DB_USER", db.user(),
              "COP_DB_PASSWORD", db.password(),
              "COP_MOODLE_URL", moodle.urlString(),
              "COP_MOODLE_TOKEN", FakeMoodle.TOKEN,
              "COP_FILES_DIR", work.resolve("shared-files").toString(),
              "COP_NOTIFICATIONS_TIME_ZONE", "UTC"));
      try {
        for (String name : List.of("a", "b", "c")) {
          instances.add(JarInstance.start(name, work.resolve(name), env));
        }
        for (JarInstance instance : instances) {
          instance.awaitReady(Duration.ofSeconds(180));
        }
        long allReady = System.nanoTime();
        long firstReady = instances.stream().mapToLong(JarInstance::readyAtNanos).min().orElse(0);
        // Each instance's first round of scheduled prompts comes 20 s after it was ready.
        long promptRounds = firstReady + TimeUnit.SECONDS.toNanos(19);

        String alice = launchAcross(platform, instances.get(0), instances.get(1));
        for (JarInstance instance : instances) {
          assertEquals(200, hub.get(instance, alice, "/api/v1/communities").status());
        }
        sessions.put("alice", alice);
        Setup setup = setUp(database, sessions);

        // Two members write over the three instances in turn while the deliveries run.
        AtomicBoolean writing = new AtomicBoolean(true);
        List<String> confirmed = new CopyOnWriteArrayList<>();
        List<String> refused = new CopyOnWriteArrayList<>();
        List<Thread> writers = new ArrayList<>();
        for (String person : List.of("bob", "carol")) {
          Thread writer =
              new Thread(
                  () -> write(person, sessions.get(person), setup, writing, confirmed, refused),
                  "writer-" + person);
          writer.start();
          writers.add(writer);
        }

        // kill -9 an instance holding leases (deliveries in flight), after a few seconds of
        // writing and, unless start-up took too long for it, before the first prompt round.
        long writingFrom = System.nanoTime();
        Thread.sleep(3000);
        long until = Math.max(promptRounds, System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
        JarInstance victim = null;
        while (victim == null && System.nanoTime() < until) {
          for (JarInstance instance : instances) {
            if (leasesHeld(database, instance.leaseOwner()) > 0) {
              victim = instance;
              break;
            }
          }
          if (victim == null) {
            Thread.sleep(20);
          }
        }
        assertTrue(victim != null, "an instance was delivering before the prompt rounds");
        victim.kill();
        long killedAt = System.nanoTime();
        boolean beforePromptRounds = killedAt < promptRounds;
        int leftLeases = leasesHeld(database, victim.leaseOwner());
        Thread.sleep(500);
        writing.set(false);
        for (Thread writer : writers) {
          writer.join(15_000);
        }
        assertEquals(List.of(), refused, "writes are confirmed or cut off, never refused");

        // Started again on the same data folder, as systemd would: it takes its leases back.
        JarInstance restarted = victim.restart().awaitReady(Duration.ofSeconds(180));
        instances.set(instances.indexOf(victim), restarted);
        for (JarInstance instance : instances) {
          assertEquals(
              200,
              hub.get(instance, alice, "/api/v1/communities").status(),
              "the session made on one instance works on " + instance.name());
        }

        long[] foundAfter = uploadAndFindEverywhere(alice, setup.community);

        awaitSettled(database, setup, Duration.ofSeconds(60));
        long settled = System.nanoTime();

        assertMoodleWritesOnce(database, moodle, setup);
        assertPromptOpenedOnce(database, moodle, setup);
        assertDigestSentOnce(database, moodle, setup);
        for (JarInstance instance : instances) {
          String out = instance.output();
          assertTrue(!out.contains("ERROR"), instance.name() + " logged an error: " + out);
        }
        System.out.printf(
            "three instances on PostgreSQL: ready in %d ms; %d confirmed writes in %d ms; killed %s"
                + " holding %d lease(s) %d ms after the first was ready (before the prompt rounds:"
                + " %s); resource found on the others after"
                + " %d and %d ms; everything delivered %d ms after the kill; %d ms in all%n",
            millis(started, allReady),
            confirmed.size(),
            millis(writingFrom, killedAt),
            victim.name(),
            leftLeases,
            millis(firstReady, killedAt),
            beforePromptRounds,
            foundAfter[0],
            foundAfter[1],
            millis(killedAt, settled),
            millis(started, System.nanoTime()));
      } finally {
        for (JarInstance instance : instances) {
          instance.stop();
        }
      }
    }
  }

  /** What the test made before the writers start. */
  private record Setup(
      String community, String yesterdayThread, String promptSchedule, List<String> threads) {}

  private Setup setUp(Database database, Map<String, String> sessions) throws Exception {
    JarInstance a = instances.get(0);
    JarInstance b = instances.get(1);
    JarInstance c = instances.get(2);
    String community =
        hub.post(
                b,
                sessions.get("alice"),
                "/api/v1/communities",
                "{\"name\":\"Ciências "
                    + run
                    + "\",\"domain\":\"Ciências\",\"courseIds\":[\""
                    + COURSE
                    + "\"]}")
            .get("id")
            .getAsString();
    hub.expect(
        200, hub.call(c, sessions.get("bob"), "POST", communityPath(community) + "/join", ""));
    hub.expect(
        200, hub.call(a, sessions.get("carol"), "POST", communityPath(community) + "/join", ""));
    hub.expect(
        200,
        hub.call(
            b,
            sessions.get("carol"),
            "PUT",
            "/api/v1/notifications/" + community,
            "{\"delivery\":\"every_post\"}"));
    hub.expect(
        200,
        hub.call(
            c,
            sessions.get("alice"),
            "PUT",
            communityPath(community) + "/courses/" + COURSE + "/forum",
            "{\"forumId\":\"" + FORUM + "\"}"));

    // A thread of yesterday: Bob, who keeps the daily digest, has news for it.
    String yesterday = thread(a, sessions.get("alice"), community, "Ontem " + run);
    try (var connection = database.dataSource().getConnection()) {
      Sql.update(
          connection,
          "UPDATE post SET created_at = ? WHERE thread_id = ?",
          Timestamp.from(Instant.now().minus(Duration.ofDays(1))),
          yesterday);
    }

    // A prompt scheduled for a time that has just come (the clock moved on since it was made).
    String schedule =
        hub.post(
                b,
                sessions.get("alice"),
                "/api/v1/prompt-schedules",
                "{\"communityId\":\""
                    + community
                    + "\",\"title\":\"Pergunta "
                    + run
                    + "\",\"body\":\"O que mudou na sua aula?\",\"repeat\":\"once\",\"firstDate\":\""
                    + LocalDate.now(ZoneOffset.UTC).plusDays(2)
                    + "\",\"localTime\":\"09:00\",\"timeZone\":\"UTC\"}")
            .get("id")
            .getAsString();
    Instant due = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    try (var connection = database.dataSource().getConnection()) {
      Sql.update(
          connection,
          "UPDATE prompt_schedule SET first_date = ?, local_time = ?, next_opening_at = ? WHERE id = ?",
          java.sql.Date.valueOf(due.atZone(ZoneOffset.UTC).toLocalDate()),
          due.atZone(ZoneOffset.UTC).toLocalTime().toString(),
          Timestamp.from(due),
          schedule);
    }

    List<String> threads = new CopyOnWriteArrayList<>();
    threads.add(thread(b, sessions.get("alice"), community, "Experiências " + run));
    threads.add(thread(c, sessions.get("bob"), community, "Laboratório " + run));
    return new Setup(community, yesterday, schedule, threads);
  }

  /** Replies, and now and then a new thread, each to the next instance in turn. */
  private void write(
      String person,
      String session,
      Setup setup,
      AtomicBoolean writing,
      List<String> confirmed,
      List<String> refused) {
    for (int i = 0; writing.get(); i++) {
      JarInstance target = instances.get(i % instances.size());
      try {
        if (i % 8 == 7) {
          setup.threads.add(
              thread(target, session, setup.community, "Tema " + person + " " + i + " " + run));
        } else {
          List<String> threads = setup.threads;
          String thread = threads.get((i / 3) % threads.size());
          hub.post(
              target,
              session,
              "/api/v1/threads/" + thread + "/posts",
              "{\"body\":\"<p>Nota " + person + " " + i + "</p>\"}");
        }
        confirmed.add(person + " " + i);
        Thread.sleep(150);
      } catch (java.io.IOException cutOff) {
        // the instance was killed: this write was never confirmed
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException | AssertionError e) {
        refused.add(e.getMessage());
        return;
      }
    }
  }

  /**
   * An LTI launch begun on one instance (Moodle's login initiation) and completed on another (the
   * id_token posted back): the session it makes is the connector's, not the instance's.
   */
  private String launchAcross(TestPlatform platform, JarInstance login, JarInstance launch)
      throws Exception {
    HubClient.Answer started =
        hub.form(login, null, "/lti/login", platform.loginFields(login.base() + "/lti/launch"));
    assertEquals(302, started.status(), started.body());
    okhttp3.HttpUrl auth = okhttp3.HttpUrl.get(started.location());
    JWTClaimsSet claims =
        platform.claims(auth.queryParameter("nonce"), List.of(TestPlatform.INSTRUCTOR)).build();
    HubClient.Answer launched =
        hub.form(
            launch,
            started.cookie("cop_lti_login"),
            "/lti/launch",
            Map.of("id_token", platform.sign(claims), "state", auth.queryParameter("state")));
    assertEquals(303, launched.status(), launched.body());
    return launched.cookie("cop_session").substring("cop_session=".length());
  }

  /**
   * Uploads a resource on one instance and searches for it on the two others until each finds it;
   * returns how long each took (ms), each within 5 s. The file is read back from the last one.
   */
  private long[] uploadAndFindEverywhere(String session, String community) throws Exception {
    JarInstance uploader = instances.get(0);
    String word = "fotossintese" + run;
    byte[] file =
        ("Guia de laboratório: " + word + " com folhas e luz.\n").getBytes(StandardCharsets.UTF_8);
    String upload = hub.upload(uploader, session, file, "guia.txt").get("uploadId").getAsString();
    String resource =
        hub.post(
                uploader,
                session,
                "/api/v1/resources",
                "{\"communityId\":\""
                    + community
                    + "\",\"uploadId\":\""
                    + upload
                    + "\",\"title\":\"Guia "
                    + word
                    + "\"}")
            .get("id")
            .getAsString();
    long created = System.nanoTime();
    long[] after = new long[2];
    for (int i = 1; i <= 2; i++) {
      JarInstance other = instances.get(i);
      while (!hub.get(other, session, "/api/v1/resources?q=" + word).body().contains(resource)) {
        assertTrue(
            System.nanoTime() - created < TimeUnit.SECONDS.toNanos(5),
            "resource found on " + other.name() + " within 5 s of its upload");
        Thread.sleep(50);
      }
      after[i - 1] = millis(created, System.nanoTime());
    }
    // The file itself, from the shared files folder.
    assertArrayEquals(
        file,
        hub.bytes(instances.get(2), session, "/api/v1/resources/" + resource + "/versions/1/file"));
    return after;
  }

  /** Until the prompt opened, the digest was queued and no write waits for Moodle. */
  private void awaitSettled(Database database, Setup setup, Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      try (var c = database.dataSource().getConnection()) {
        int opened =
            Sql.count(
                c,
                "SELECT COUNT(*) FROM prompt_opening WHERE schedule_id = ?",
                setup.promptSchedule);
        int digests =
            Sql.count(c, "SELECT COUNT(*) FROM outbox WHERE idempotency_key LIKE 'digest:%'");
        int waiting = Sql.count(c, "SELECT COUNT(*) FROM outbox WHERE status <> 'DELIVERED'");
        if (opened > 0 && digests > 0 && waiting == 0) {
          return;
        }
        assertTrue(
            System.nanoTime() < deadline,
            "settled within "
                + within
                + ": opened "
                + opened
                + ", digests "
                + digests
                + ", not delivered "
                + waiting);
      }
      Thread.sleep(200);
    }
  }

  /** Every post of the community is in Moodle's forum exactly once, found by its reference. */
  private static void assertMoodleWritesOnce(Database database, FakeMoodle moodle, Setup setup)
      throws Exception {
    List<String> posts;
    try (var c = database.dataSource().getConnection()) {
      posts =
          Sql.strings(
              c,
              "SELECT p.id FROM post p JOIN thread t ON t.id = p.thread_id WHERE t.community_id = ?",
              setup.community);
      assertEquals(0, Sql.count(c, "SELECT COUNT(*) FROM outbox WHERE status = 'FAILED'"));
    }
    List<String> messages = new ArrayList<>();
    long anchorGroups;
    synchronized (moodle) {
      FakeMoodleState state = moodle.state();
      for (FakeMoodleState.Discussion d : state.discussionsOf(FORUM)) {
        state.postsOf(d.id()).forEach(p -> messages.add(p.message()));
      }
      anchorGroups =
          state.groups.values().stream()
              .filter(g -> g.courseId() == COURSE && g.idnumber().startsWith("cop-anchor-"))
              .count();
    }
    for (String post : posts) {
      String reference = ForumMirror.reference(post);
      assertEquals(
          1,
          messages.stream().filter(m -> m.contains(reference)).count(),
          "post " + post + " in Moodle once");
    }
    assertEquals(posts.size(), messages.size(), "nothing else in the forum, nothing twice");
    assertEquals(1, anchorGroups, "one Moodle group for the community");
  }

  private static void assertPromptOpenedOnce(Database database, FakeMoodle moodle, Setup setup)
      throws Exception {
    String title;
    try (var c = database.dataSource().getConnection()) {
      title =
          Sql.first(c, "SELECT title FROM prompt_schedule WHERE id = ?", setup.promptSchedule)
              .orElseThrow();
      assertEquals(
          1,
          Sql.count(
              c,
              "SELECT COUNT(*) FROM prompt_opening WHERE schedule_id = ?",
              setup.promptSchedule));
      assertEquals(
          1,
          Sql.count(
              c,
              "SELECT COUNT(*) FROM thread WHERE community_id = ? AND title = ?",
              setup.community,
              title));
    }
    synchronized (moodle) {
      FakeMoodleState state = moodle.state();
      assertEquals(
          1,
          state.discussionsOf(FORUM).stream().filter(d -> d.subject().equals(title)).count(),
          "the prompt's discussion in Moodle once");
      // Carol hears of every post at once: of the prompt once.
      assertEquals(
          1,
          state.messages.stream()
              .filter(m -> m.toUserId() == 6 && m.text().contains(title))
              .count(),
          "the prompt's notification once");
    }
  }

  private static void assertDigestSentOnce(Database database, FakeMoodle moodle, Setup setup)
      throws Exception {
    try (var c = database.dataSource().getConnection()) {
      assertEquals(
          List.of("digest:5:" + LocalDate.now(ZoneOffset.UTC).minusDays(1)),
          Sql.strings(
              c, "SELECT idempotency_key FROM outbox WHERE idempotency_key LIKE 'digest:%'"),
          "Bob's digest of yesterday, queued once by three instances");
    }
    synchronized (moodle) {
      assertEquals(
          1,
          moodle.state().messages.stream()
              .filter(m -> m.toUserId() == 5 && m.text().contains("Ontem "))
              .count(),
          "Bob's digest sent once");
    }
  }

  private static int leasesHeld(Database database, String owner) throws Exception {
    try (var c = database.dataSource().getConnection()) {
      return Sql.count(
          c,
          "SELECT COUNT(*) FROM outbox WHERE status = 'PENDING' AND lease_owner = ?"
              + " AND lease_until IS NOT NULL",
          owner);
    }
  }

  private String thread(JarInstance instance, String session, String community, String title)
      throws java.io.IOException {
    return hub.post(
            instance,
            session,
            "/api/v1/threads",
            "{\"communityId\":\""
                + community
                + "\",\"title\":\""
                + title
                + "\",\"body\":\"<p>"
                + title
                + "</p>\"}")
        .get("id")
        .getAsString();
  }

  private static String communityPath(String community) {
    return "/api/v1/communities/" + community;
  }

  /** Bob and Carol, members of the course, signed in directly (the LTI path is Alice's). */
  private static Map<String, String> seedSessions(Database database) {
    PeopleStore people = new PeopleStore(database.dataSource(), Clock.systemUTC());
    SessionStore store =
        new SessionStore(database.dataSource(), Clock.systemUTC(), Duration.ofHours(2));
    Map<String, String> sessions = new HashMap<>();
    Map<String, Object[]> who =
        Map.of("bob", new Object[] {"5", "Bob Brown"}, "carol", new Object[] {"6", "Carol Clark"});
    for (Map.Entry<String, Object[]> person : who.entrySet()) {
      String id = (String) person.getValue()[0];
      String name = (String) person.getValue()[1];
      people.recordLaunch(
          Long.toString(COURSE),
          "SCI-COP",
          new Participant(id, name, null, List.of("editingteacher"), List.of()));
      sessions.put(
          person.getKey(),
          store.open(
              new Session(
                  null,
                  id,
                  name,
                  null,
                  "pt",
                  Long.toString(COURSE),
                  "SCI-COP",
                  ProductRole.MEMBER,
                  false,
                  null)));
    }
    return sessions;
  }

  private static long millis(long fromNanos, long toNanos) {
    return (toNanos - fromNanos) / 1_000_000;
  }
}
