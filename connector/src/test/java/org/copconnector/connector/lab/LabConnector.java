package org.copconnector.connector.lab;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.copconnector.connector.config.ConfigLoader;
import org.copconnector.connector.moodle.Moodle;
import org.copconnector.connector.moodle.MoodleLms;
import org.copconnector.connector.server.CommunityServices;
import org.copconnector.connector.server.Connector;
import org.copconnector.connector.testing.Clients;
import org.copconnector.plugin.discussion.DiscussionLimits;
import org.copconnector.plugin.discussion.ForumImport;
import org.copconnector.plugin.outbox.Outbox;
import org.copconnector.plugin.outbox.OutboxMessage;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.people.RosterSync;
import org.copconnector.plugin.resource.BlobStore;
import org.copconnector.plugin.resource.Uploads;
import org.copconnector.plugin.session.ProductRole;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.session.SessionStore;

/**
 * The connector, started in this JVM against the lab's Moodle, driven over HTTP as its pages do.
 * People are signed in straight into the session store (the LTI path has its own tests); the roster
 * comes from Moodle.
 */
public final class LabConnector implements AutoCloseable {

  private static final MediaType JSON = MediaType.get("application/json");

  private final MoodleLab lab;
  private final Connector connector;
  private final MoodleLms lms;
  private final Path dataDir;
  private final OkHttpClient http = Clients.asTheUi();

  private LabConnector(MoodleLab lab, Connector connector, Path dataDir) {
    this.lab = lab;
    this.connector = connector;
    this.dataDir = dataDir;
    OkHttpClient client = new OkHttpClient();
    var settings =
        new ConfigLoader(Map.of("COP_MOODLE_URL", lab.url(), "COP_MOODLE_TOKEN", lab.token()))
            .load(null)
            .moodle()
            .orElseThrow();
    Moodle moodle = Moodle.connect(client, settings);
    this.lms = new MoodleLms(moodle, 500, moodle.site(), Clock.systemUTC(), Duration.ofSeconds(5));
  }

  /** Starts a connector on its own H2 database in {@code dataDir} (kept across restarts). */
  public static LabConnector start(MoodleLab lab, Path dataDir) throws Exception {
    return start(lab, dataDir, Map.of());
  }

  /** As {@link #start(MoodleLab, Path)}, with settings of the caller's (a database URL…). */
  public static LabConnector start(MoodleLab lab, Path dataDir, Map<String, String> settings)
      throws Exception {
    Map<String, String> env = new java.util.HashMap<>(lab.connectorEnvironment(dataDir));
    env.putAll(settings);
    Connector connector =
        Connector.start(new ConfigLoader(env, dataDir.resolve("none")).load(null), List.of());
    return new LabConnector(lab, connector, dataDir);
  }

  public MoodleLms lms() {
    return lms;
  }

  public Connector connector() {
    return connector;
  }

  /** Reads a course's participants from Moodle now, as the scheduled sync does. */
  public void syncRoster(long courseId) {
    new RosterSync(lms, people(), Clock.systemUTC(), Duration.ofHours(1), Runnable::run)
        .syncCourse(Long.toString(courseId));
  }

  /**
   * Imports what teachers wrote in the course's Moodle forums now, as the schedule does, keeping
   * their files where the connector keeps its own.
   */
  public ForumImport.Outcome importForums(long courseId) {
    javax.sql.DataSource dataSource = connector.database().dataSource();
    BlobStore blobs = new BlobStore(dataDir.resolve("files").resolve("blobs"));
    return CommunityServices.wire(
            dataSource,
            lms,
            ZoneOffset.UTC,
            DiscussionLimits.defaults(),
            Clock.systemUTC(),
            blobs,
            new Uploads(dataSource, blobs, 50L * 1024 * 1024, Clock.systemUTC()))
        .forumImport()
        .importCourse(Long.toString(courseId));
  }

  private PeopleStore people() {
    return new PeopleStore(connector.database().dataSource(), Clock.systemUTC());
  }

  /** A session cookie for a lab user launching from the course, with the given product role. */
  public String signIn(String username, long courseId, ProductRole role) {
    SessionStore sessions =
        new SessionStore(connector.database().dataSource(), Clock.systemUTC(), Duration.ofHours(1));
    return sessions.open(
        new Session(
            null,
            Long.toString(lab.userId(username)),
            lab.fullName(username),
            null,
            "pt",
            Long.toString(courseId),
            "course " + courseId,
            role,
            false,
            null));
  }

  /** Sends a request as the holder of {@code session}; fails unless the status is expected. */
  public JsonElement send(
      String method, String path, String session, String json, int expectedStatus) {
    Request.Builder request =
        new Request.Builder()
            .url("http://127.0.0.1:" + connector.port() + path)
            .header("Cookie", "cop_session=" + session);
    RequestBody body =
        json == null ? ("GET".equals(method) ? null : RequestBody.create(new byte[0])) : null;
    if (json != null) {
      body = RequestBody.create(json, JSON);
    }
    request.method(method, body);
    try (Response response = http.newCall(request.build()).execute()) {
      String text = response.body() == null ? "" : response.body().string();
      if (response.code() != expectedStatus) {
        throw new AssertionError(
            method
                + " "
                + path
                + " answered "
                + response.code()
                + ", not "
                + expectedStatus
                + ": "
                + text);
      }
      return text.isEmpty() ? null : JsonParser.parseString(text);
    } catch (IOException e) {
      throw new AssertionError(method + " " + path + " failed", e);
    }
  }

  public JsonObject post(String path, String session, String json, int expectedStatus) {
    JsonElement answer = send("POST", path, session, json, expectedStatus);
    return answer == null || !answer.isJsonObject() ? null : answer.getAsJsonObject();
  }

  /** Starts a community anchored in one course; returns its id. */
  public String createCommunity(String session, String name, String joining, long courseId) {
    return post(
            "/api/v1/communities",
            session,
            "{\"name\":"
                + new com.google.gson.JsonPrimitive(name)
                + ",\"domain\":\"Práticas partilhadas\",\"joining\":\""
                + joining
                + "\",\"courseIds\":[\""
                + courseId
                + "\"]}",
            201)
        .get("id")
        .getAsString();
  }

  /** The Moodle forum a community uses in a course. */
  public void chooseForum(String session, String community, long courseId, long forumId) {
    send(
        "PUT",
        "/api/v1/communities/" + community + "/courses/" + courseId + "/forum",
        session,
        "{\"forumId\":\"" + forumId + "\"}",
        200);
  }

  /** Starts a thread whose first post is one paragraph; returns its id. */
  public String startThread(String session, String community, String title, String text) {
    return post(
            "/api/v1/threads",
            session,
            "{\"communityId\":\""
                + community
                + "\",\"title\":"
                + new com.google.gson.JsonPrimitive(title)
                + ",\"body\":"
                + new com.google.gson.JsonPrimitive("<p>" + text + "</p>")
                + "}",
            201)
        .get("id")
        .getAsString();
  }

  /** A reply of one paragraph. */
  public void reply(String session, String thread, String text) {
    post(
        "/api/v1/threads/" + thread + "/posts",
        session,
        "{\"body\":" + new com.google.gson.JsonPrimitive("<p>" + text + "</p>") + "}",
        201);
  }

  /** Uploads a file as the bank's page does; returns the upload's id. */
  public String upload(String session, byte[] content, String fileName) {
    Request request =
        new Request.Builder()
            .url("http://127.0.0.1:" + connector.port() + "/api/v1/uploads")
            .header("Cookie", "cop_session=" + session)
            .header("X-File-Name", fileName)
            .post(RequestBody.create(content, MediaType.get("application/octet-stream")))
            .build();
    try (Response response = http.newCall(request).execute()) {
      String text = response.body().string();
      if (response.code() != 201) {
        throw new AssertionError("upload answered " + response.code() + ": " + text);
      }
      return JsonParser.parseString(text).getAsJsonObject().get("uploadId").getAsString();
    } catch (IOException e) {
      throw new AssertionError("upload failed", e);
    }
  }

  /** The bytes of a GET, for files. */
  public byte[] download(String path, String session) {
    Request request =
        new Request.Builder()
            .url("http://127.0.0.1:" + connector.port() + path)
            .header("Cookie", "cop_session=" + session)
            .build();
    try (Response response = http.newCall(request).execute()) {
      if (response.code() != 200) {
        throw new AssertionError(path + " answered " + response.code());
      }
      return response.body().bytes();
    } catch (IOException e) {
      throw new AssertionError(path + " failed", e);
    }
  }

  /** Waits until the outbox has nothing pending, and checks that nothing failed for good. */
  public void awaitDelivered(Duration within) {
    Outbox outbox = new Outbox(connector.database().dataSource(), Clock.systemUTC());
    long deadline = System.nanoTime() + within.toNanos();
    while (outbox.count(OutboxMessage.Status.PENDING) > 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            outbox.count(OutboxMessage.Status.PENDING)
                + " write(s) still pending after "
                + within
                + ": "
                + outbox.list(OutboxMessage.Status.PENDING, 5));
      }
      sleep(200);
    }
    List<OutboxMessage> failed = outbox.list(OutboxMessage.Status.FAILED, 10);
    if (!failed.isEmpty()) {
      throw new AssertionError("writes failed for good: " + failed);
    }
  }

  /** Sleeps, turning an interruption into a failure of the caller. */
  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    connector.close();
  }
}
