package org.copconnector.connector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.copconnector.connector.config.ConfigLoader;
import org.copconnector.connector.moodle.Moodle;
import org.copconnector.connector.moodle.MoodleLms;
import org.copconnector.connector.moodle.fake.FakeMoodle;
import org.copconnector.connector.moodle.fake.FakeMoodle.Fault;
import org.copconnector.connector.moodle.fake.FakeMoodleState;
import org.copconnector.connector.testing.Clients;
import org.copconnector.connector.testing.CoursePeople;
import org.copconnector.plugin.discussion.DiscussionLimits;
import org.copconnector.plugin.outbox.Outbox;
import org.copconnector.plugin.outbox.OutboxMessage;
import org.copconnector.plugin.outbox.OutboxWorker;
import org.copconnector.plugin.outbox.RetryPolicy;
import org.copconnector.plugin.people.Participant;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.training.SessionReminders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training sessions in the Moodle stand-in's course calendar over HTTP: made, moved, moved quickly
 * again, cancelled, with the answer of each kind of write lost once, always ending with exactly the
 * session's one event (or none); a refused event shows as failed on the trainer's page; the
 * day-before reminders reach each trainee once in their language, across a second round and a
 * restart, and again only when the session moves to another day.
 */
class TrainingCalendarTest {

  private static final MediaType JSON = MediaType.get("application/json");
  private static final String CREATE = "core_calendar_create_calendar_events";
  private static final String DELETE = "core_calendar_delete_calendar_events";
  // The reminders' clock: the sessions are planned around this day, whatever day the test runs.
  private static final Instant MORNING = Instant.parse("2027-03-09T08:00:00Z");

  @TempDir Path dataDir;
  private final OkHttpClient http = Clients.asTheUi();
  private FakeMoodle fake;
  private Connector connector;
  private String alice;
  private OutboxWorker worker;
  private SessionReminders reminders;

  @BeforeEach
  void start() throws Exception {
    fake = new FakeMoodle().start();
    startConnector();
    DataSource db = connector.database().dataSource();
    CoursePeople course = new CoursePeople(db);
    PeopleStore people = new PeopleStore(db, Clock.systemUTC());
    for (String[] p : new String[][] {{"6", "Carol Clark"}, {"8", "Eve Evans"}}) {
      people.recordLaunch(
          "2",
          "Science Department CoP",
          new Participant(p[0], p[1], null, List.of("student"), List.of()));
    }
    people.languages().choose(null, "4", "pt");
    people.languages().choose(null, "5", "pt");
    people.languages().choose(null, "6", "es");
    alice = course.facilitator("pt");
  }

  private void startConnector() throws Exception {
    Map<String, String> env =
        Map.of(
            "COP_HTTP_HOST",
            "127.0.0.1",
            "COP_HTTP_PORT",
            "0",
            "COP_DATA_DIR",
            dataDir.toString(),
            "COP_MOODLE_URL",
            fake.urlString(),
            "COP_MOODLE_TOKEN",
            FakeMoodle.TOKEN);
    connector =
        Connector.start(new ConfigLoader(env, dataDir.resolve("none")).load(null), List.of());
    // A worker of the test's own beside the connector's: the test makes writes due at once
    // instead of waiting out their back-off.
    DataSource db = connector.database().dataSource();
    var settings =
        new ConfigLoader(
                Map.of("COP_MOODLE_URL", fake.urlString(), "COP_MOODLE_TOKEN", FakeMoodle.TOKEN))
            .load(null)
            .moodle()
            .orElseThrow();
    Moodle moodle = Moodle.connect(new OkHttpClient(), settings);
    MoodleLms lms =
        new MoodleLms(moodle, 500, moodle.site(), Clock.systemUTC(), Duration.ofSeconds(5));
    CommunityServices core =
        CommunityServices.wire(
            db, lms, ZoneOffset.UTC, DiscussionLimits.defaults(), Clock.systemUTC());
    worker =
        new OutboxWorker(
            core.outbox(),
            Stream.concat(
                    core.handlers(lms).stream(),
                    Stream.of(TrainingServices.calendarHandler(db, core, lms)))
                .toList(),
            RetryPolicy.standard(),
            Clock.systemUTC());
    reminders =
        TrainingServices.reminders(db, core, ZoneOffset.UTC, Clock.fixed(MORNING, ZoneOffset.UTC));
  }

  @AfterEach
  void stop() {
    if (connector != null) {
      Clients.closeIdleConnections(http);
      connector.close();
    }
    fake.close();
  }

  @Test
  void sessionsAreKeptInTheCourseCalendarExactlyOnceAndTraineesRemindedTheDayBefore()
      throws Exception {
    JsonObject action =
        call(
            "POST",
            "/api/v1/training-actions",
            "{'title':'Oficina de avaliação','modality':'workshop','jointHours':25,"
                + "'traineeIds':['5','6','8']}",
            201);
    String actionId = action.get("id").getAsString();

    // Made: one course event with the session's time, length, place and reference.
    String first = session(actionId, "2027-03-10T09:00:00Z", 150, "'place':'Sala 2'");
    settle();
    FakeMoodleState.Event made = only(first);
    assertEquals(2L, made.courseId());
    assertEquals("course", made.eventType());
    assertEquals(Instant.parse("2027-03-10T09:00:00Z").getEpochSecond(), made.timeStart());
    assertEquals(150 * 60L, made.duration());
    assertEquals("Oficina de avaliação: sessão conjunta", made.name(), "in the author's language");
    assertTrue(made.description().contains("Local: Sala 2"), made.description());
    assertEquals(Map.of(first, "in_calendar"), states(actionId));

    // Made, the answer lost: the retry finds the event instead of making another.
    int creates = fake.calls(CREATE).size();
    fake.failNextCallOf(CREATE, Fault.APPLY_THEN_DROP);
    String second =
        session(
            actionId,
            "2027-03-11T09:00:00Z",
            120,
            "'mode':'online','link':'https://meet.example.org/oficina'");
    settle();
    assertEquals(Instant.parse("2027-03-11T09:00:00Z").getEpochSecond(), only(second).timeStart());
    assertTrue(only(second).description().contains("https://meet.example.org/oficina"));
    assertEquals(creates + 1, fake.calls(CREATE).size(), "one event made, found after the loss");

    // Moved, the new event's answer lost: still one event, at the new time.
    fake.failNextCallOf(CREATE, Fault.APPLY_THEN_DROP);
    move(first, "2027-03-10T14:00:00Z", 150, "'place':'Sala 2'");
    settle();
    assertEquals(Instant.parse("2027-03-10T14:00:00Z").getEpochSecond(), only(first).timeStart());
    assertTrue(fake.state().events.stream().noneMatch(e -> e.id() == made.id()), "old removed");

    // Moved, the old event's removal answer lost: still one event, at the new time and place.
    fake.failNextCallOf(DELETE, Fault.APPLY_THEN_DROP);
    move(first, "2027-03-10T15:00:00Z", 90, "'place':'Sala 3'");
    settle();
    assertEquals(Instant.parse("2027-03-10T15:00:00Z").getEpochSecond(), only(first).timeStart());
    assertEquals(90 * 60L, only(first).duration());
    assertTrue(only(first).description().contains("Sala 3"));
    assertEquals("in_calendar", states(actionId).get(first), "the repeated removal is no error");

    // Moved three times in a row before any delivery: Moodle ends with the last.
    move(second, "2027-03-11T10:00:00Z", 120, "'mode':'online'");
    move(second, "2027-03-11T11:00:00Z", 120, "'mode':'online'");
    move(second, "2027-03-11T16:30:00Z", 60, "'mode':'online'");
    settle();
    assertEquals(Instant.parse("2027-03-11T16:30:00Z").getEpochSecond(), only(second).timeStart());
    assertEquals(3600L, only(second).duration());

    // Cancelled, the removal's answer lost: gone, and the retry is no error.
    fake.failNextCallOf(DELETE, Fault.APPLY_THEN_DROP);
    call("POST", "/api/v1/training-sessions/" + second + "/cancel", null, 200);
    settle();
    assertEquals(List.of(), eventsOf(second));
    assertEquals("none", states(actionId).get(second));
    assertEquals(1, fake.state().events.size(), "only the first session's event is left");

    // Refused (the role lacks the calendar capability): the trainer's page says why.
    fake.state().capabilities.remove("moodle/calendar:manageentries");
    String third = session(actionId, "2027-03-12T09:00:00Z", 60, "'place':'Sala 1'");
    settle();
    JsonObject refused = status(actionId, third);
    assertEquals("failed", refused.get("state").getAsString());
    assertEquals("lms_refused", refused.get("failure").getAsString());
    assertTrue(refused.get("detail").getAsString().contains("nopermissions"), refused.toString());
    fake.state().capabilities.add("moodle/calendar:manageentries");

    // The day before the first session: each trainee reminded once, in their language.
    assertEquals(3, reminders.queueDue(), "the first session is tomorrow; the third later");
    assertEquals(0, reminders.queueDue(), "a second round adds nothing");
    settle();
    assertEquals(3, fake.state().messages.size());
    assertTrue(text(5).startsWith("Lembrete: sessão de «Oficina de avaliação»"), text(5));
    assertTrue(text(6).startsWith("Recordatorio: sesión de «Oficina de avaliação»"), text(6));
    assertTrue(text(8).startsWith("Reminder: session of “Oficina de avaliação”"), text(8));
    assertTrue(text(5).contains("Sala 3"), text(5));

    Clients.closeIdleConnections(http);
    connector.close();
    startConnector();
    assertEquals(0, reminders.queueDue(), "nor a round after a restart");
    move(first, "2027-03-10T17:00:00Z", 90, "'place':'Sala 3'");
    assertEquals(0, reminders.queueDue(), "moved within its day: not again");
    move(first, "2027-03-09T18:00:00Z", 90, "'place':'Sala 3'");
    assertEquals(3, reminders.queueDue(), "moved to another day: reminded of the new one");
    settle();
    assertEquals(6, fake.state().messages.size());
    assertEquals(Instant.parse("2027-03-09T18:00:00Z").getEpochSecond(), only(first).timeStart());
  }

  private String session(String actionId, String startsAt, int minutes, String where)
      throws IOException {
    return call(
            "POST",
            "/api/v1/training-actions/" + actionId + "/sessions",
            "{'startsAt':'" + startsAt + "','minutes':" + minutes + "," + where + "}",
            201)
        .get("id")
        .getAsString();
  }

  private void move(String sessionId, String startsAt, int minutes, String where)
      throws IOException {
    call(
        "PUT",
        "/api/v1/training-sessions/" + sessionId,
        "{'startsAt':'" + startsAt + "','minutes':" + minutes + "," + where + "}",
        200);
  }

  /** The session's events in the stand-in, by the reference their description carries. */
  private List<FakeMoodleState.Event> eventsOf(String sessionId) {
    String reference = "ref cop-session-" + sessionId.replace("-", "").substring(0, 16);
    synchronized (fake.state().events) {
      return fake.state().events.stream().filter(e -> e.description().contains(reference)).toList();
    }
  }

  private FakeMoodleState.Event only(String sessionId) {
    List<FakeMoodleState.Event> events = eventsOf(sessionId);
    assertEquals(1, events.size(), "exactly one event: " + events);
    return events.get(0);
  }

  private String text(long userId) {
    List<FakeMoodleState.Message> to =
        fake.state().messages.stream().filter(m -> m.toUserId() == userId).toList();
    assertEquals(1, to.size(), "one reminder for user " + userId + ": " + to);
    return to.get(0).text();
  }

  private Map<String, String> states(String actionId) throws IOException {
    Map<String, String> states = new java.util.LinkedHashMap<>();
    for (JsonElement e : calendar(actionId)) {
      JsonObject s = e.getAsJsonObject();
      states.put(s.get("sessionId").getAsString(), s.get("state").getAsString());
    }
    return states;
  }

  private JsonObject status(String actionId, String sessionId) throws IOException {
    for (JsonElement e : calendar(actionId)) {
      if (e.getAsJsonObject().get("sessionId").getAsString().equals(sessionId)) {
        return e.getAsJsonObject();
      }
    }
    throw new AssertionError("no calendar state for " + sessionId);
  }

  private JsonArray calendar(String actionId) throws IOException {
    return send("GET", "/api/v1/training-actions/" + actionId + "/calendar", null, 200)
        .getAsJsonArray();
  }

  /** Delivers every pending write now, failed ones again at once, until none is pending. */
  private void settle() {
    Outbox outbox = new Outbox(connector.database().dataSource(), Clock.systemUTC());
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (outbox.count(OutboxMessage.Status.PENDING) > 0) {
      assertTrue(
          System.nanoTime() < deadline,
          "still pending: " + outbox.list(OutboxMessage.Status.PENDING, 5));
      outbox.retryWaitingNow();
      if (worker.deliverDue() == 0) {
        sleepBriefly();
      }
    }
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private JsonObject call(String method, String path, String body, int expected)
      throws IOException {
    JsonElement answer =
        send(method, path, body == null ? null : body.replace('\'', '"'), expected);
    return answer == null ? null : answer.getAsJsonObject();
  }

  private JsonElement send(String method, String path, String body, int expected)
      throws IOException {
    RequestBody content =
        body == null
            ? (method.equals("GET") ? null : RequestBody.create(new byte[0]))
            : RequestBody.create(body, JSON);
    Request request =
        new Request.Builder()
            .url("http://127.0.0.1:" + connector.port() + path)
            .header("Cookie", "cop_session=" + alice)
            .method(method, content)
            .build();
    try (Response r = http.newCall(request).execute()) {
      String text = r.body().string();
      assertEquals(expected, r.code(), method + " " + path + ": " + text);
      return text.isEmpty() ? null : JsonParser.parseString(text);
    }
  }
}
