package org.copconnector.connector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.copconnector.connector.config.ConfigLoader;
import org.copconnector.connector.moodle.fake.FakeMoodle;
import org.copconnector.connector.testing.Clients;
import org.copconnector.connector.testing.CoursePeople;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The administrators' API over HTTP: status, the doctor's checklist, every course's roster and the
 * outbox, against the Moodle stand-in, the demo and no Moodle at all.
 */
class AdminApiTest {

  @TempDir Path dataDir;
  private final OkHttpClient http =
      Clients.asTheUi().newBuilder().readTimeout(Duration.ofSeconds(30)).build();
  private FakeMoodle fake;
  private Connector connector;
  private String admin;
  private String facilitator;
  private String member;

  @AfterEach
  void stop() {
    if (connector != null) {
      Clients.closeIdleConnections(http);
      connector.close();
    }
    if (fake != null) {
      fake.close();
    }
  }

  private void start(boolean withMoodle, boolean demo) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("COP_HTTP_HOST", "127.0.0.1");
    env.put("COP_HTTP_PORT", "0");
    env.put("COP_DATA_DIR", dataDir.toString());
    if (withMoodle) {
      fake = new FakeMoodle().start();
      env.put("COP_MOODLE_URL", fake.urlString());
      env.put("COP_MOODLE_TOKEN", FakeMoodle.TOKEN);
    }
    connector =
        Connector.start(new ConfigLoader(env, dataDir.resolve("none")).load(null), List.of(), demo);
    if (demo) {
      return;
    }
    CoursePeople people = new CoursePeople(connector.database().dataSource());
    facilitator = people.facilitator("en");
    member = people.member("en");
    admin = people.admin("en");
  }

  private record Answer(int status, String body) {
    JsonObject json() {
      return JsonParser.parseString(body).getAsJsonObject();
    }
  }

  private Answer call(String session, String method, String path, String body) throws IOException {
    Request.Builder request =
        new Request.Builder().url("http://127.0.0.1:" + connector.port() + path);
    if (session != null) {
      request.header("Cookie", "cop_session=" + session);
    }
    if (method.equals("POST")) {
      request.post(RequestBody.create(body == null ? "" : body, MediaType.get("application/json")));
    }
    try (Response r = http.newCall(request.build()).execute()) {
      return new Answer(r.code(), r.body().string());
    }
  }

  private JsonObject get(String session, String path) throws IOException {
    Answer answer = call(session, "GET", path, null);
    assertEquals(200, answer.status(), path + ": " + answer.body());
    return answer.json();
  }

  /** Reads {@code path} until {@code done} holds, for what the background does. */
  private JsonObject await(String path, Predicate<JsonObject> done) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      JsonObject answer = get(admin, path);
      if (done.test(answer)) {
        return answer;
      }
      assertTrue(System.nanoTime() < deadline, path + " never got there: " + answer);
      Thread.sleep(100);
    }
  }

  private static JsonObject check(JsonObject report, String id) {
    for (JsonElement item : report.getAsJsonArray("checks")) {
      if (item.getAsJsonObject().get("id").getAsString().equals(id)) {
        return item.getAsJsonObject();
      }
    }
    throw new AssertionError("no check " + id + " in " + report);
  }

  private static String text(JsonObject object, String field) {
    JsonElement value = object.get(field);
    return value == null || value.isJsonNull() ? null : value.getAsString();
  }

  @Test
  void onlyAdministratorsUseTheAdministratorsApi() throws Exception {
    start(true, false);
    List<String[]> endpoints =
        List.of(
            new String[] {"GET", "/api/v1/admin/status"},
            new String[] {"GET", "/api/v1/admin/checks"},
            new String[] {"POST", "/api/v1/admin/checks"},
            new String[] {"GET", "/api/v1/admin/roster"},
            new String[] {"GET", "/api/v1/admin/outbox"},
            new String[] {"POST", "/api/v1/admin/outbox/1/retry"});
    for (String[] endpoint : endpoints) {
      String what = endpoint[0] + " " + endpoint[1];
      for (String session : List.of(facilitator, member)) {
        Answer refused = call(session, endpoint[0], endpoint[1], null);
        assertEquals(403, refused.status(), what + ": " + refused.body());
        assertEquals("forbidden", refused.json().get("error").getAsString(), what);
      }
      Answer anonymous = call(null, endpoint[0], endpoint[1], null);
      assertEquals(401, anonymous.status(), what + ": " + anonymous.body());
    }
    assertEquals(200, call(admin, "GET", "/api/v1/admin/roster", null).status());
  }

  @Test
  void statusShowsTheSiteTheServiceUserTheLatestCallsAndTheOutbox() throws Exception {
    start(true, false);
    Answer answer = call(admin, "GET", "/api/v1/admin/status", null);
    assertEquals(200, answer.status(), answer.body());
    assertFalse(answer.body().contains(FakeMoodle.TOKEN), "never the token: " + answer.body());
    JsonObject status = answer.json();
    assertEquals("moodle", status.get("mode").getAsString());
    assertTrue(status.get("configured").getAsBoolean());
    assertFalse(status.get("version").getAsString().isBlank());
    JsonObject moodle = status.getAsJsonObject("moodle");
    assertEquals(fake.urlString(), moodle.get("url").getAsString());
    assertEquals("UP", moodle.get("status").getAsString());
    assertTrue(moodle.get("reachable").getAsBoolean());
    assertTrue(moodle.has("probedAt"));
    assertEquals("Moodle Lab (connector test)", moodle.get("siteName").getAsString());
    assertEquals("4.5+ (Build: 20241205)", moodle.get("release").getAsString());
    assertEquals("2024100700.09", moodle.get("version").getAsString());
    JsonObject user = moodle.getAsJsonObject("serviceUser");
    assertEquals(3, user.get("id").getAsLong());
    assertEquals("wsconnector", user.get("username").getAsString());
    assertEquals("WS Connector", user.get("fullName").getAsString());
    JsonObject success = moodle.getAsJsonObject("lastSuccess");
    assertEquals("core_webservice_get_site_info", success.get("function").getAsString());
    assertTrue(success.has("at"));
    assertFalse(moodle.has("lastFailure"), "nothing failed yet: " + moodle);
    JsonObject outbox = status.getAsJsonObject("outbox");
    for (String count : List.of("pending", "failed", "deliveredLast24h")) {
      assertEquals(0, outbox.get(count).getAsInt(), count);
    }
  }

  @Test
  void checksNameAMissingFunctionWithItsFixAndRunAgainOnRequest() throws Exception {
    start(true, false);
    fake.state().serviceFunctions.remove("mod_forum_add_discussion");
    JsonObject report = get(admin, "/api/v1/admin/checks");
    assertFalse(report.get("demo").getAsBoolean());
    assertFalse(report.get("ok").getAsBoolean());
    assertEquals(13, report.getAsJsonArray("checks").size());
    JsonObject functions = check(report, "moodle.functions");
    assertFalse(functions.get("ok").getAsBoolean());
    assertEquals("fail", functions.get("outcome").getAsString());
    assertEquals("Functions enabled", functions.get("title").getAsString());
    assertEquals("missing_functions", functions.get("reason").getAsString());
    assertTrue(
        functions.get("detail").getAsString().contains("mod_forum_add_discussion"),
        functions.toString());
    assertTrue(functions.get("fix").getAsString().contains("External services"));
    JsonObject params = functions.getAsJsonObject("params");
    assertEquals("mod_forum_add_discussion", params.get("missing").getAsString());
    assertEquals("1", params.get("count").getAsString());
    assertTrue(check(report, "moodle.token").get("ok").getAsBoolean());
    assertEquals(
        "wsconnector",
        check(report, "moodle.token").getAsJsonObject("params").get("username").getAsString());
    assertTrue(check(report, "database").get("ok").getAsBoolean(), report.toString());
    JsonObject groups = check(report, "course.groups").getAsJsonObject("params");
    assertEquals(
        "SCI-COP", groups.get("shortname").getAsString(), "the course's parts, to translate");
    assertEquals("2", groups.get("courseId").getAsString());

    fake.state().serviceFunctions.add("mod_forum_add_discussion");
    JsonObject cached = get(admin, "/api/v1/admin/checks");
    assertEquals(report.get("ranAt"), cached.get("ranAt"), "answered from the last run");
    assertFalse(check(cached, "moodle.functions").get("ok").getAsBoolean());
    Answer again = call(admin, "POST", "/api/v1/admin/checks", null);
    assertEquals(200, again.status(), again.body());
    JsonObject fresh = again.json();
    assertTrue(check(fresh, "moodle.functions").get("ok").getAsBoolean(), fresh.toString());
    assertTrue(fresh.get("ok").getAsBoolean(), fresh.toString());
    assertEquals(13, fresh.get("passed").getAsInt());
    assertEquals(fresh.get("ranAt"), get(admin, "/api/v1/admin/checks").get("ranAt"));
  }

  @Test
  void rosterListsEveryKnownCourseAndAnAdministratorSyncsAnyOfThem() throws Exception {
    start(true, false);
    JsonObject before = get(admin, "/api/v1/admin/roster");
    JsonArray courses = before.getAsJsonArray("courses");
    assertEquals(2, courses.size(), before.toString());
    JsonObject science = courses.get(1).getAsJsonObject();
    assertEquals("2", science.get("courseId").getAsString());
    assertEquals("Science Department CoP", science.get("title").getAsString());
    assertEquals(2, science.get("participants").getAsInt(), "the two who launched");
    assertEquals("never", science.get("state").getAsString());
    assertFalse(science.has("lastSync"));

    // The administrator came from course 3 and syncs course 2; its facilitator may too, but not
    // course 3's.
    Answer started = call(admin, "POST", "/api/v1/courses/2/roster/sync", null);
    assertEquals(202, started.status(), started.body());
    assertEquals(403, call(facilitator, "POST", "/api/v1/courses/3/roster/sync", null).status());
    assertEquals(403, call(member, "POST", "/api/v1/courses/2/roster/sync", null).status());
    JsonObject after =
        await(
            "/api/v1/admin/roster",
            overview ->
                overview.getAsJsonArray("courses").asList().stream()
                    .map(JsonElement::getAsJsonObject)
                    .anyMatch(
                        c ->
                            c.get("courseId").getAsString().equals("2")
                                && c.get("state").getAsString().equals("done")));
    JsonObject synced = null;
    JsonObject language = null;
    for (JsonElement c : after.getAsJsonArray("courses")) {
      JsonObject course = c.getAsJsonObject();
      if (course.get("courseId").getAsString().equals("2")) {
        synced = course;
      } else {
        language = course;
      }
    }
    assertEquals(
        fake.state().enrolments.get(2L).size(),
        synced.get("participants").getAsInt(),
        after.toString());
    assertTrue(synced.has("lastSyncedAt"));
    JsonObject lastSync = synced.getAsJsonObject("lastSync");
    assertEquals("done", lastSync.get("state").getAsString());
    assertTrue(lastSync.has("finishedAt"));
    assertEquals(1, lastSync.getAsJsonObject("change").get("added").getAsInt(), "Carol");
    assertEquals("Language Department", language.get("title").getAsString());
    assertEquals("never", language.get("state").getAsString());
  }

  @Test
  void aFailedDeliveryShowsItsReasonAndARetryDeliversItOnce() throws Exception {
    start(true, false);
    // The service user's role loses the right to manage groups: Moodle refuses the group write.
    fake.state().capabilities.remove("moodle/course:managegroups");
    Answer created =
        call(
            facilitator,
            "POST",
            "/api/v1/communities",
            "{\"name\":\"Chemistry lab\",\"domain\":\"Practical work\"}");
    assertEquals(201, created.status(), created.body());
    JsonObject failedList =
        await("/api/v1/admin/outbox?state=failed", o -> o.get("failed").getAsInt() == 1);
    assertEquals("failed", failedList.get("state").getAsString());
    assertEquals(0, failedList.get("pending").getAsInt());
    JsonArray messages = failedList.getAsJsonArray("messages");
    assertEquals(1, messages.size(), failedList.toString());
    JsonObject entry = messages.get(0).getAsJsonObject();
    assertEquals("group.add-members", entry.get("kind").getAsString());
    assertEquals("FAILED", entry.get("status").getAsString());
    assertEquals(1, entry.get("attempts").getAsInt());
    assertFalse(entry.has("nextAttemptAt"), "nothing is scheduled for a failed message");
    assertEquals("lms_refused", entry.get("failure").getAsString(), "a reason the page translates");
    String reason = entry.get("lastError").getAsString();
    assertTrue(reason.contains("nopermissions"), reason);
    assertTrue(reason.length() <= 300, reason);
    assertFalse(failedList.toString().contains(FakeMoodle.TOKEN));
    JsonObject target = entry.getAsJsonObject("target");
    assertEquals("Chemistry lab", target.get("community").getAsString());
    assertEquals("2", target.get("courseId").getAsString());
    assertEquals("Science Department CoP", target.get("course").getAsString());
    assertEquals(List.of("Alice Anderson"), strings(target.getAsJsonArray("people")));
    assertEquals(1, target.get("peopleCount").getAsInt());
    assertEquals(
        1, get(admin, "/api/v1/admin/outbox").getAsJsonArray("messages").size(), "undelivered");
    assertEquals(
        0, get(admin, "/api/v1/admin/outbox?state=pending").getAsJsonArray("messages").size());
    assertEquals(422, call(admin, "GET", "/api/v1/admin/outbox?state=lost", null).status());

    JsonObject status = get(admin, "/api/v1/admin/status");
    assertEquals(1, status.getAsJsonObject("outbox").get("failed").getAsInt());
    JsonObject lastFailure = status.getAsJsonObject("moodle").getAsJsonObject("lastFailure");
    assertEquals("core_group_get_course_groups", lastFailure.get("function").getAsString());
    assertTrue(
        lastFailure.get("reason").getAsString().startsWith("nopermissions"),
        lastFailure.toString());

    fake.state().capabilities.add("moodle/course:managegroups");
    long id = entry.get("id").getAsLong();
    Answer retried = call(admin, "POST", "/api/v1/admin/outbox/" + id + "/retry", null);
    assertEquals(200, retried.status(), retried.body());
    assertEquals("PENDING", retried.json().get("status").getAsString());
    JsonObject delivered =
        await(
            "/api/v1/admin/outbox?state=delivered",
            // The list and the counts are read one after the other: wait for both to agree.
            o ->
                o.get("delivered").getAsInt() == 1
                    && o.get("failed").getAsInt() == 0
                    && o.getAsJsonArray("messages").size() == 1);
    JsonObject done = delivered.getAsJsonArray("messages").get(0).getAsJsonObject();
    assertEquals(id, done.get("id").getAsLong());
    assertEquals(2, done.get("attempts").getAsInt());
    assertFalse(done.has("lastError"));
    assertFalse(done.has("failure"));
    assertTrue(done.has("deliveredAt"));
    assertEquals(1, delivered.get("deliveredLast24h").getAsInt());

    List<Long> groups =
        fake.state().groups.values().stream()
            .filter(g -> g.idnumber().startsWith("cop-anchor-"))
            .map(g -> g.id())
            .toList();
    assertEquals(1, groups.size(), "one group");
    assertEquals(Set.of(4L), fake.state().groupMembers.get(groups.get(0)));
    assertEquals(1, fake.calls("core_group_create_groups").size());
    assertEquals(1, fake.calls("core_group_add_group_members").size(), "delivered once");
    assertEquals(
        404,
        call(admin, "POST", "/api/v1/admin/outbox/" + id + "/retry", null).status(),
        "a delivered message is not sent again");
    assertEquals(
        1,
        get(admin, "/api/v1/admin/status")
            .getAsJsonObject("outbox")
            .get("deliveredLast24h")
            .getAsInt());
  }

  @Test
  void theDemoAnswersEveryCheckPassedAndSaysItIsTheDemo() throws Exception {
    start(false, true);
    Answer entered;
    try (Response r =
        http.newCall(
                new Request.Builder()
                    .url("http://127.0.0.1:" + connector.port() + "/demo/enter")
                    .post(
                        new FormBody.Builder()
                            .add("person", "d01")
                            .add("course", "demo-mat-vv")
                            .build())
                    .build())
            .execute()) {
      String cookie = r.headers("Set-Cookie").get(0);
      entered =
          new Answer(r.code(), cookie.substring("cop_session=".length(), cookie.indexOf(';')));
    }
    assertEquals(303, entered.status());
    admin = entered.body();
    JsonObject status = get(admin, "/api/v1/admin/status");
    assertEquals("demo", status.get("mode").getAsString());
    assertFalse(status.get("configured").getAsBoolean());
    assertTrue(status.getAsJsonObject("moodle").get("reachable").getAsBoolean());
    JsonObject checks = get(admin, "/api/v1/admin/checks");
    assertTrue(checks.get("demo").getAsBoolean());
    assertTrue(checks.get("ok").getAsBoolean());
    assertEquals(13, checks.getAsJsonArray("checks").size());
    for (JsonElement item : checks.getAsJsonArray("checks")) {
      assertTrue(item.getAsJsonObject().get("ok").getAsBoolean(), item.toString());
      assertEquals("demo", item.getAsJsonObject().get("reason").getAsString());
    }
    assertTrue(get(admin, "/api/v1/admin/roster").getAsJsonArray("courses").size() >= 2);
  }

  @Test
  void withoutMoodleTheStatusSaysSoAndTheChecksSayHowToConnectIt() throws Exception {
    start(false, false);
    JsonObject status = get(admin, "/api/v1/admin/status");
    assertEquals("unconfigured", status.get("mode").getAsString());
    assertFalse(status.get("configured").getAsBoolean());
    assertEquals("NOT_CONFIGURED", status.getAsJsonObject("moodle").get("status").getAsString());
    assertFalse(status.getAsJsonObject("moodle").get("reachable").getAsBoolean());
    JsonObject checks = get(admin, "/api/v1/admin/checks");
    JsonObject configured = check(checks, "moodle.configured");
    assertEquals("fail", configured.get("outcome").getAsString());
    assertTrue(text(configured, "fix").contains("moodle.url"), configured.toString());
    assertEquals("skip", check(checks, "moodle.functions").get("outcome").getAsString());
    assertEquals(
        "moodle_not_configured", check(checks, "moodle.functions").get("reason").getAsString());
    assertTrue(check(checks, "database").get("ok").getAsBoolean(), checks.toString());
  }

  private static List<String> strings(JsonArray array) {
    return array.asList().stream().map(JsonElement::getAsString).toList();
  }
}
