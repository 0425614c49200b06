package org.copconnector.connector.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.copconnector.connector.config.ConfigLoader;
import org.copconnector.connector.lab.LabConnector;
import org.copconnector.connector.moodle.Moodle;
import org.copconnector.connector.moodle.MoodleLms;
import org.copconnector.connector.server.Connector;
import org.copconnector.connector.testing.Clients;
import org.copconnector.plugin.outbox.Outbox;
import org.copconnector.plugin.outbox.OutboxMessage;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.people.RosterSync;
import org.copconnector.plugin.session.ProductRole;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.session.SessionStore;

/**
 * One connector (own embedded database) against one Moodle, with a community of two teachers of a
 * course that has chosen a separate-groups forum, driven over HTTP as the pages do; and a way to
 * count the posts that carry a text in that Moodle.
 */
final class BurstSide implements AutoCloseable {

  private static final MediaType JSON = MediaType.get("application/json");

  /** What the outbox recorded for a thread's replies: first and last delivery, attempts. */
  record Deliveries(int count, long firstMillis, long lastMillis, int attempts) {}

  private final String name;
  private final Path dir;
  private final Connector connector;
  private final OkHttpClient http = Clients.asTheUi();
  private final ToIntFunction<String> postsInMoodle;
  private final String facilitator;
  private final String member;
  private final String community;

  /**
   * @param postsInMoodle how many posts in the forum's Moodle contain a text
   */
  BurstSide(
      String name,
      String moodleUrl,
      String token,
      long courseId,
      long forumId,
      long[] teacherIds,
      ToIntFunction<String> postsInMoodle)
      throws Exception {
    this.name = name;
    this.postsInMoodle = postsInMoodle;
    dir = Files.createTempDirectory("cop-bench-burst-");
    Map<String, String> env =
        Map.of(
            "COP_HTTP_HOST",
            "127.0.0.1",
            "COP_HTTP_PORT",
            "0",
            "COP_DATA_DIR",
            dir.toString(),
            "COP_MOODLE_URL",
            moodleUrl,
            "COP_MOODLE_TOKEN",
            token,
            // The scheduled import would read the forum while the burst is timed.
            "COP_FORUM_IMPORT_INTERVAL_SECONDS",
            "86400");
    connector = Connector.start(new ConfigLoader(env, dir.resolve("none")).load(null), List.of());
    var settings =
        new ConfigLoader(Map.of("COP_MOODLE_URL", moodleUrl, "COP_MOODLE_TOKEN", token))
            .load(null)
            .moodle()
            .orElseThrow();
    Moodle moodle = Moodle.connect(new OkHttpClient(), settings);
    MoodleLms lms =
        new MoodleLms(moodle, 500, moodle.site(), Clock.systemUTC(), Duration.ofSeconds(5));
    String course = Long.toString(courseId);
    new RosterSync(
            lms,
            new PeopleStore(connector.database().dataSource(), Clock.systemUTC()),
            Clock.systemUTC(),
            Duration.ofHours(1),
            Runnable::run)
        .syncCourse(course);
    facilitator = signIn(teacherIds[0], course, ProductRole.FACILITATOR);
    member = signIn(teacherIds[1], course, ProductRole.MEMBER);
    community =
        send(
                "POST",
                "/api/v1/communities",
                facilitator,
                "{\"name\":\"Rajada "
                    + Long.toString(System.currentTimeMillis(), 36)
                    + "\",\"domain\":\"Respostas em rajada\",\"joining\":\"open\",\"courseIds\":[\""
                    + course
                    + "\"]}",
                201)
            .getAsJsonObject()
            .get("id")
            .getAsString();
    send("POST", "/api/v1/communities/" + community + "/join", member, null, 200);
    send(
        "PUT",
        "/api/v1/communities/" + community + "/courses/" + course + "/forum",
        facilitator,
        "{\"forumId\":\"" + forumId + "\"}",
        200);
    awaitDelivered(Duration.ofSeconds(120));
  }

  String name() {
    return name;
  }

  /**
   * Starts a thread as the facilitator and waits until its discussion is in Moodle (the outbox has
   * recorded the delivery).
   */
  String threadInMoodle(String title) {
    String thread =
        send(
                "POST",
                "/api/v1/threads",
                facilitator,
                "{\"communityId\":\""
                    + community
                    + "\",\"title\":\""
                    + title
                    + "\",\"body\":\"<p>"
                    + title
                    + "</p>\"}",
                201)
            .getAsJsonObject()
            .get("id")
            .getAsString();
    awaitDelivered(Duration.ofSeconds(120));
    return thread;
  }

  /** Posts a reply as the member; returns when the 201 has arrived. */
  void reply(String thread, String text) {
    send(
        "POST",
        "/api/v1/threads/" + thread + "/posts",
        member,
        "{\"body\":\"<p>" + text + "</p>\"}",
        201);
  }

  int postsInMoodle(String text) {
    return postsInMoodle.applyAsInt(text);
  }

  /** The outbox's record of the thread's delivered replies (times on this JVM's clock). */
  Deliveries deliveries(String thread) throws Exception {
    try (Connection c = connector.database().dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT COUNT(*), MIN(delivered_at), MAX(delivered_at), SUM(attempts) FROM outbox"
                    + " WHERE kind = 'forum.add-post' AND status = 'DELIVERED'"
                    + " AND sequence_key LIKE ?")) {
      ps.setString(1, "forum:" + thread + "@%");
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1) == 0
            ? new Deliveries(0, 0, 0, 0)
            : new Deliveries(
                rs.getInt(1),
                rs.getTimestamp(2).getTime(),
                rs.getTimestamp(3).getTime(),
                rs.getInt(4));
      }
    }
  }

  private String signIn(long userId, String course, ProductRole role) {
    return new SessionStore(
            connector.database().dataSource(), Clock.systemUTC(), Duration.ofHours(8))
        .open(
            new Session(
                null,
                Long.toString(userId),
                "Teacher " + userId,
                null,
                "pt",
                course,
                "course " + course,
                role,
                false,
                null));
  }

  private void awaitDelivered(Duration within) {
    Outbox outbox = new Outbox(connector.database().dataSource(), Clock.systemUTC());
    long deadline = System.nanoTime() + within.toNanos();
    while (outbox.count(OutboxMessage.Status.PENDING) > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            name + ": writes still pending: " + outbox.list(OutboxMessage.Status.PENDING, 5));
      }
      LabConnector.sleep(50);
    }
    if (outbox.count(OutboxMessage.Status.FAILED) > 0) {
      throw new IllegalStateException(
          name + ": writes failed: " + outbox.list(OutboxMessage.Status.FAILED, 5));
    }
  }

  private JsonElement send(String method, String path, String session, String json, int expected) {
    RequestBody body =
        json != null
            ? RequestBody.create(json, JSON)
            : "GET".equals(method) ? null : RequestBody.create(new byte[0]);
    Request request =
        new Request.Builder()
            .url("http://127.0.0.1:" + connector.port() + path)
            .header("Cookie", "cop_session=" + session)
            .method(method, body)
            .build();
    try (Response response = http.newCall(request).execute()) {
      String text = response.body().string();
      if (response.code() != expected) {
        throw new IllegalStateException(
            name + ": " + method + " " + path + " answered " + response.code() + ": " + text);
      }
      return text.isEmpty() ? null : JsonParser.parseString(text);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(name + ": " + method + " " + path + " failed", e);
    }
  }

  @Override
  public void close() {
    connector.close();
    try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot remove " + dir, e);
    }
  }
}
