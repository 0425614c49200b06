package org.copconnector.connector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.copconnector.connector.config.ConfigLoader;
import org.copconnector.connector.lab.MoodleCallCounter;
import org.copconnector.connector.lab.MoodleLab;
import org.copconnector.connector.lab.RealMoodle;
import org.copconnector.connector.testing.Clients;
import org.copconnector.plugin.session.ProductRole;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.session.SessionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Roster sync of Moodle's size-M test course (1,001 people) against the real Moodle 4.5: three
 * web-service calls, and neither the on-demand request nor the hub waits for it.
 */
@RealMoodle
class RosterSyncRealMoodleTest {

  private static final String ENROLLED_USERS = "core_enrol_get_enrolled_users";

  @TempDir Path dataDir;
  private final OkHttpClient http = Clients.asTheUi();
  private String base;

  private record Answer(int status, String body, String location, double millis) {}

  @Test
  void theSizeMCourseSyncsInThreeCallsAndNoRequestWaitsForIt() throws Exception {
    MoodleLab lab = MoodleLab.get();
    String course = Long.toString(lab.courseId("PERF-M"));
    int enrolled = lab.enrolled("PERF-M");
    assertEquals(1001, enrolled, "the lab's PERF-M course");
    long since = Instant.now().getEpochSecond();
    try (MoodleCallCounter moodle = new MoodleCallCounter(lab.url()).start()) {
      Map<String, String> env = lab.connectorEnvironment(dataDir);
      env.put("COP_MOODLE_URL", moodle.url());
      // The lab is shared: a page can queue behind colleagues' requests for longer than the
      // default 30 s.
      env.put("COP_MOODLE_TIMEOUT_SECONDS", "120");
      try (Connector connector =
          Connector.start(new ConfigLoader(env, dataDir.resolve("none")).load(null), List.of())) {
        base = "http://127.0.0.1:" + connector.port();
        String facilitator =
            new SessionStore(
                    connector.database().dataSource(), Clock.systemUTC(), Duration.ofHours(1))
                .open(
                    new Session(
                        null,
                        Long.toString(lab.userId("admin")),
                        lab.fullName("admin"),
                        null,
                        "en",
                        course,
                        "Performance course (size M)",
                        ProductRole.FACILITATOR,
                        false,
                        null));
        String sync = "/api/v1/courses/" + course + "/roster/sync";

        Answer started = post(sync, facilitator);
        assertEquals(202, started.status(), started.body());
        assertEquals(base + sync, started.location());
        assertTrue(
            inProgress(JsonParser.parseString(started.body()).getAsJsonObject()),
            "answered before the sync ended: " + started.body());
        Answer hub = get("/api/v1/hub", facilitator);
        assertEquals(200, hub.status(), hub.body());
        JsonObject during = JsonParser.parseString(get(sync, facilitator).body()).getAsJsonObject();
        assertTrue(inProgress(during), "the hub answered while the sync ran: " + during);

        JsonObject first = finished(sync, facilitator);
        assertEquals("done", first.get("state").getAsString(), first.toString());
        assertEquals(enrolled, first.getAsJsonObject("change").get("added").getAsInt());
        List<MoodleCallCounter.Call> calls = moodle.calls(ENROLLED_USERS);
        assertEquals(3, calls.size(), "pages of 500: 500, 500 and the last 1");
        for (MoodleCallCounter.Call call : calls) {
          assertEquals(course, call.params().get("courseid"));
          assertEquals("userfields", call.params().get("options[2][name]"));
          assertEquals("id,fullname,email,roles,groups", call.params().get("options[2][value]"));
        }
        double syncMillis = millis(first);
        assertTrue(
            started.millis() < syncMillis && hub.millis() < syncMillis,
            "request "
                + started.millis()
                + " ms and hub "
                + hub.millis()
                + " ms against a sync of "
                + syncMillis
                + " ms");
        JsonObject hubAfter =
            JsonParser.parseString(get("/api/v1/hub", facilitator).body()).getAsJsonObject();
        assertEquals(enrolled, hubAfter.getAsJsonObject("course").get("participants").getAsInt());

        Instant written = lastPersonWrite(connector);
        assertEquals(202, post(sync, facilitator).status());
        JsonObject again = finished(sync, facilitator);
        assertEquals("done", again.get("state").getAsString(), again.toString());
        JsonObject change = again.getAsJsonObject("change");
        assertEquals(enrolled, change.get("unchanged").getAsInt(), change.toString());
        assertEquals(0, change.get("added").getAsInt() + change.get("updated").getAsInt());
        assertEquals(0, change.get("removed").getAsInt());
        assertEquals(6, moodle.calls(ENROLLED_USERS).size(), "the re-sync costs 3 calls too");
        assertEquals(written, lastPersonWrite(connector), "no unchanged person is written again");
        System.out.printf(
            "PERF-M roster: first sync %.0f ms, unchanged re-sync %.0f ms; request answered in"
                + " %.1f ms, hub in %.1f ms%n",
            syncMillis, millis(again), started.millis(), hub.millis());
      }
    }
    // Moodle's own log shows the calls arrived (it may also hold a colleague's calls meanwhile).
    long logged =
        lab.count(
            "SELECT COUNT(*) FROM mdl_logstore_standard_log WHERE eventname = ? AND userid = ?"
                + " AND other LIKE ? AND timecreated >= ?",
            "\\core\\event\\webservice_function_called",
            lab.userId("wsconnector"),
            "%" + ENROLLED_USERS + "%",
            since);
    assertTrue(logged >= 6, "Moodle logged " + logged + " calls");
  }

  private static boolean inProgress(JsonObject status) {
    String state = status.get("state").getAsString();
    return state.equals("queued") || state.equals("running");
  }

  private static double millis(JsonObject status) {
    return Duration.between(
                Instant.parse(status.get("startedAt").getAsString()),
                Instant.parse(status.get("finishedAt").getAsString()))
            .toNanos()
        / 1e6;
  }

  private static Instant lastPersonWrite(Connector connector) throws Exception {
    try (Connection c = connector.database().dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT MAX(updated_at) FROM lms_person")) {
      rs.next();
      return rs.getTimestamp(1).toInstant();
    }
  }

  private JsonObject finished(String path, String session) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (true) {
      Answer answer = get(path, session);
      assertEquals(200, answer.status(), answer.body());
      JsonObject status = JsonParser.parseString(answer.body()).getAsJsonObject();
      if (!inProgress(status)) {
        return status;
      }
      assertTrue(System.nanoTime() < deadline, "the sync did not finish: " + status);
      Thread.sleep(50);
    }
  }

  private Answer get(String path, String session) throws IOException {
    return send(
        new Request.Builder().url(base + path).header("Cookie", "cop_session=" + session).build());
  }

  private Answer post(String path, String session) throws IOException {
    return send(
        new Request.Builder()
            .url(base + path)
            .header("Cookie", "cop_session=" + session)
            .post(RequestBody.create(new byte[0]))
            .build());
  }

  private Answer send(Request request) throws IOException {
    long started = System.nanoTime();
    try (Response r = http.newCall(request).execute()) {
      String body = r.body().string();
      return new Answer(r.code(), body, r.header("Location"), (System.nanoTime() - started) / 1e6);
    }
  }
}
