package org.copconnector.connector.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.sql.DataSource;
import okhttp3.OkHttpClient;
import org.copconnector.connector.config.ConfigLoader;
import org.copconnector.connector.moodle.Moodle;
import org.copconnector.connector.moodle.MoodleLms;
import org.copconnector.connector.server.CommunityServices;
import org.copconnector.connector.server.TrainingServices;
import org.copconnector.plugin.discussion.DiscussionLimits;
import org.copconnector.plugin.outbox.Outbox;
import org.copconnector.plugin.outbox.OutboxMessage;
import org.copconnector.plugin.outbox.OutboxWorker;
import org.copconnector.plugin.outbox.RetryPolicy;
import org.copconnector.plugin.session.ProductRole;
import org.copconnector.plugin.training.SessionReminders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training action of course SCI-COP on the real Moodle 4.5: its sessions become course events
 * (made, moved, cancelled, one made while its answer was lost) as Moodle's own mdl_event shows
 * them, and the day-before reminders reach the trainees as Moodle messages.
 */
@RealMoodle
class LabTrainingCalendarTest {

  private static final Duration DELIVERY = Duration.ofSeconds(60);
  private static final String CREATE = "core_calendar_create_calendar_events";

  private final MoodleLab lab = MoodleLab.get();
  private final String run = Long.toString(System.currentTimeMillis(), 36);
  private final long course = lab.courseId("SCI-COP");

  @TempDir Path dataDir;

  @Test
  void sessionsAreCourseEventsInMoodleAndTraineesAreRemindedTheDayBefore() throws Exception {
    String title = "Oficina " + run;
    Instant first = Instant.parse("2027-05-10T09:00:00Z");
    Instant moved = Instant.parse("2027-05-10T14:30:00Z");
    Instant second = Instant.parse("2027-05-12T17:00:00Z");
    try (MoodleCallCounter moodle = new MoodleCallCounter(lab.url()).start();
        LabConnector hub =
            LabConnector.start(lab, dataDir, Map.of("COP_MOODLE_URL", moodle.url()))) {
      hub.syncRoster(course);
      OutboxWorker worker = worker(hub, moodle.url());
      String trainer = hub.signIn("teacher1", course, ProductRole.FACILITATOR);
      JsonObject action =
          hub.post(
              "/api/v1/training-actions",
              trainer,
              "{\"title\":\"" + title + "\",\"modality\":\"workshop\",\"jointHours\":10}",
              201);
      String actionId = action.get("id").getAsString();
      assertEquals(4, action.getAsJsonArray("trainees").size(), "the course's four students");

      String a = session(hub, trainer, actionId, first, 150, "\"place\":\"Sala 2\"");
      deliver(hub, worker);
      Map<String, Object> madeEvent = only(title, first);
      assertEquals(1, events(title).size());
      assertEquals(9000L, number(madeEvent.get("timeduration")));
      assertEquals(course, number(madeEvent.get("courseid")));
      assertEquals("course", madeEvent.get("eventtype"));
      assertEquals(Long.toString(number(madeEvent.get("id"))), eventIdOf(hub, a));

      hub.send(
          "PUT",
          "/api/v1/training-sessions/" + a,
          trainer,
          "{\"startsAt\":\"" + moved + "\",\"minutes\":120,\"place\":\"Sala 3\"}",
          200);
      deliver(hub, worker);
      Map<String, Object> movedEvent = only(title, moved);
      assertEquals(1, events(title).size(), "moved, not copied");
      assertEquals(7200L, number(movedEvent.get("timeduration")));
      assertNotEquals(madeEvent.get("id"), movedEvent.get("id"), "a new event replaced the old");
      assertEquals(Long.toString(number(movedEvent.get("id"))), eventIdOf(hub, a));

      // Moodle makes the second session's event, but its answer is lost on the way back.
      moodle.loseAnswerOfNext(CREATE);
      String b =
          session(
              hub,
              trainer,
              actionId,
              second,
              90,
              "\"mode\":\"online\",\"link\":\"https://meet.example.org/" + run + "\"");
      deliver(hub, worker);
      assertEquals(
          1,
          moodle.calls(CREATE).stream()
              .filter(
                  c ->
                      Long.toString(second.getEpochSecond())
                          .equals(c.params().get("events[0][timestart]")))
              .count(),
          "made once, then found");
      assertEquals(
          false,
          moodle.calls("core_calendar_get_calendar_events").isEmpty(),
          "looked for after the lost answer");
      assertEquals(2, events(title).size());
      Map<String, Object> secondEvent = only(title, second);
      assertEquals(Long.toString(number(secondEvent.get("id"))), eventIdOf(hub, b));

      hub.post("/api/v1/training-sessions/" + a + "/cancel", trainer, null, 200);
      deliver(hub, worker);
      assertEquals(
          List.of(second.getEpochSecond()),
          events(title).stream().map(e -> number(e.get("timestart"))).toList(),
          "the cancelled session's event is gone, the other stays");

      // The morning before the second session: each student reminded once, in Moodle.
      DataSource db = hub.connector().database().dataSource();
      SessionReminders reminders =
          TrainingServices.reminders(
              db,
              CommunityServices.wire(
                  db, hub.lms(), ZoneOffset.UTC, DiscussionLimits.defaults(), Clock.systemUTC()),
              ZoneOffset.UTC,
              Clock.fixed(Instant.parse("2027-05-11T08:00:00Z"), ZoneOffset.UTC));
      assertEquals(4, reminders.queueDue());
      assertEquals(0, reminders.queueDue(), "once");
      deliver(hub, worker);
      Set<String> reminded = new TreeSet<>();
      for (Map<String, Object> row :
          lab.query(
              "SELECT ut.username FROM mdl_messages m"
                  + " JOIN mdl_message_conversation_members cm"
                  + " ON cm.conversationid = m.conversationid AND cm.userid <> m.useridfrom"
                  + " JOIN mdl_user ut ON ut.id = cm.userid"
                  + " WHERE m.useridfrom = ? AND m.smallmessage LIKE ?",
              lab.userId("wsconnector"),
              "%" + title + "%")) {
        reminded.add((String) row.get("username"));
      }
      assertEquals(Set.of("student1", "student2", "student3", "student4"), reminded);
      assertEquals(
          4L,
          lab.count(
              "SELECT COUNT(*) FROM mdl_messages WHERE useridfrom = ? AND smallmessage LIKE ?",
              lab.userId("wsconnector"),
              "%" + title + "%"),
          "one message each");
    }
  }

  /**
   * A worker of the test's own beside the connector's, through the same forwarder: writes are
   * delivered as soon as they are made, a failed one again at once, instead of at the connector's
   * next round.
   */
  private static OutboxWorker worker(LabConnector hub, String moodleUrl) {
    DataSource db = hub.connector().database().dataSource();
    var settings =
        new ConfigLoader(
                Map.of("COP_MOODLE_URL", moodleUrl, "COP_MOODLE_TOKEN", MoodleLab.get().token()))
            .load(null)
            .moodle()
            .orElseThrow();
    Moodle moodle = Moodle.connect(new OkHttpClient(), settings);
    MoodleLms lms =
        new MoodleLms(moodle, 500, moodle.site(), Clock.systemUTC(), Duration.ofSeconds(5));
    CommunityServices core =
        CommunityServices.wire(
            db, lms, ZoneOffset.UTC, DiscussionLimits.defaults(), Clock.systemUTC());
    return new OutboxWorker(
        core.outbox(),
        Stream.concat(
                core.handlers(lms).stream(),
                Stream.of(TrainingServices.calendarHandler(db, core, lms)))
            .toList(),
        RetryPolicy.standard(),
        Clock.systemUTC());
  }

  /** Delivers what is pending now, then checks that nothing is left or failed. */
  private static void deliver(LabConnector hub, OutboxWorker worker) {
    Outbox outbox = new Outbox(hub.connector().database().dataSource(), Clock.systemUTC());
    long deadline = System.nanoTime() + DELIVERY.toNanos();
    while (outbox.count(OutboxMessage.Status.PENDING) > 0 && System.nanoTime() < deadline) {
      outbox.retryWaitingNow();
      if (worker.deliverDue() == 0) {
        LabConnector.sleep(100);
      }
    }
    hub.awaitDelivered(Duration.ofSeconds(1));
  }

  private static String session(
      LabConnector hub, String trainer, String actionId, Instant at, int minutes, String where) {
    return hub.post(
            "/api/v1/training-actions/" + actionId + "/sessions",
            trainer,
            "{\"startsAt\":\"" + at + "\",\"minutes\":" + minutes + "," + where + "}",
            201)
        .get("id")
        .getAsString();
  }

  /** The action's events in Moodle, oldest first. */
  private List<Map<String, Object>> events(String title) {
    return lab.query(
        "SELECT id, courseid, eventtype, timestart, timeduration FROM mdl_event"
            + " WHERE name LIKE ? ORDER BY id",
        title + "%");
  }

  private Map<String, Object> only(String title, Instant start) {
    List<Map<String, Object>> events =
        events(title).stream()
            .filter(e -> number(e.get("timestart")) == start.getEpochSecond())
            .toList();
    assertEquals(1, events.size(), "one event at " + start + ": " + events(title));
    return events.get(0);
  }

  /** The Moodle event the connector recorded for the session. */
  private static String eventIdOf(LabConnector hub, String sessionId) throws Exception {
    try (Connection c = hub.connector().database().dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT event_id FROM training_session_event WHERE session_id = ?")) {
      ps.setString(1, sessionId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static long number(Object value) {
    return ((Number) value).longValue();
  }
}
