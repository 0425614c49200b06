package org.copconnector.connector.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.copconnector.connector.lab.LabConnector;
import org.copconnector.connector.lab.MoodleLab;
import org.copconnector.connector.lti.GradeServiceEndpoints;
import org.copconnector.connector.lti.Launch;
import org.copconnector.connector.server.Connector;
import org.copconnector.plugin.outbox.Outbox;
import org.copconnector.plugin.outbox.OutboxMessage;

/**
 * A trainer, signed in by a launch from the lab's Moodle, grades trainees of a training action; the
 * grades reach Moodle's gradebook through its Assignment and Grade Services: one column for the
 * action, one grade per trainee, a regrade replacing the grade.
 */
final class GradebookJourney {

  private final MoodleLab lab;
  private final Connector connector;
  private final String base;
  private final String session;
  private final long typeId;
  private final long course;
  private final OkHttpClient http = new OkHttpClient();

  /**
   * @param session the trainer's session cookie, from their launch
   * @param typeId the tool's type in Moodle (mdl_lti_types)
   */
  GradebookJourney(
      MoodleLab lab, Connector connector, String base, String session, long typeId, long course) {
    this.lab = lab;
    this.connector = connector;
    this.base = base;
    this.session = session;
    this.typeId = typeId;
    this.course = course;
  }

  void run() {
    GradeServiceEndpoints.Endpoint endpoint =
        new GradeServiceEndpoints(connector.database().dataSource(), Clock.systemUTC())
            .forCourse(String.valueOf(course))
            .orElseThrow(() -> new AssertionError("the launch named no gradebook"));
    assertTrue(
        endpoint.scopes().containsAll(Launch.GradeService.SCOPES),
        "Moodle grants what the registration asked: " + endpoint.scopes());

    String title = "Formative assessment " + System.currentTimeMillis();
    JsonObject action = new JsonObject();
    action.addProperty("title", title);
    action.addProperty("modality", "workshop");
    action.addProperty("jointHours", 15);
    action.addProperty("autonomousHours", 10);
    String id =
        send("POST", "/api/v1/training-actions", action).getAsJsonObject().get("id").getAsString();
    grade(id, "student1", "8");
    grade(id, "student2", "6.5");
    awaitDelivered();

    long column = column(id, title);
    assertEquals(
        Map.of(user("student1"), new BigDecimal("8"), user("student2"), new BigDecimal("6.5")),
        grades(column));
    assertEquals("in_gradebook", gradebookState(id, "student1"));

    grade(id, "student1", "9");
    awaitDelivered();
    assertEquals(column, column(id, title), "still the one column");
    assertEquals(
        Map.of(user("student1"), new BigDecimal("9"), user("student2"), new BigDecimal("6.5")),
        grades(column),
        "the regrade replaced the grade");

    // As after lost answers: Moodle made the column but the connector never learnt where it is,
    // and Moodle took student1's score but the connector never heard it had. The next delivery
    // finds the column by listing the course's columns, and the score sent again is taken once.
    execute("DELETE FROM training_line_item WHERE action_id = ?", id);
    String delivered = scoreKey(id, user("student1"));
    execute(
        "UPDATE outbox SET status = 'PENDING', next_attempt_at = CURRENT_TIMESTAMP"
            + " WHERE idempotency_key = ?",
        delivered);
    grade(id, "student2", "7");
    awaitDelivered();
    assertEquals(column, column(id, title), "found again, not made twice");
    assertEquals(
        Map.of(user("student1"), new BigDecimal("9"), user("student2"), new BigDecimal("7")),
        grades(column),
        "one grade each, the latest");
    assertEquals("in_gradebook", gradebookState(id, "student1"));
  }

  private String scoreKey(String action, String userId) {
    try (java.sql.Connection c = connector.database().dataSource().getConnection();
        java.sql.PreparedStatement ps =
            c.prepareStatement(
                "SELECT outbox_key FROM training_grade_score WHERE action_id = ? AND lms_user_id = ?")) {
      ps.setString(1, action);
      ps.setString(2, userId);
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next(), "a score was sent for " + userId);
        return rs.getString(1);
      }
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }

  private void execute(String sql, String value) {
    try (java.sql.Connection c = connector.database().dataSource().getConnection();
        java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, value);
      assertEquals(1, ps.executeUpdate(), sql);
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }

  private void grade(String action, String username, String mark) {
    JsonObject marks = new JsonObject();
    for (String criterion : List.of("participation", "work", "final_reflection")) {
      marks.addProperty(criterion, new BigDecimal(mark));
    }
    JsonObject body = new JsonObject();
    body.add("marks", marks);
    body.addProperty("comment", "");
    send("PUT", "/api/v1/training-actions/" + action + "/grades/" + user(username), body);
  }

  /** The action's one column in Moodle's gradebook, of this tool: its grade item's id. */
  private long column(String action, String title) {
    List<Map<String, Object>> rows =
        lab.query(
            "SELECT gi.id, gi.itemname, gi.grademax, gi.courseid FROM mdl_ltiservice_gradebookservices g"
                + " JOIN mdl_grade_items gi ON gi.id = g.gradeitemid"
                + " WHERE g.typeid = ? AND g.resourceid = ?",
            typeId,
            action);
    assertEquals(1, rows.size(), "one column for the action: " + rows);
    Map<String, Object> item = rows.get(0);
    assertEquals(title, item.get("itemname"));
    assertEquals(0, new BigDecimal("10").compareTo((BigDecimal) item.get("grademax")));
    assertEquals(course, ((Number) item.get("courseid")).longValue());
    return ((Number) item.get("id")).longValue();
  }

  /** The grades in the column, by Moodle user id as text: one row per user. */
  private Map<String, BigDecimal> grades(long column) {
    Map<String, BigDecimal> grades = new java.util.HashMap<>();
    for (Map<String, Object> row :
        lab.query(
            "SELECT userid, finalgrade FROM mdl_grade_grades WHERE itemid = ? ORDER BY userid",
            column)) {
      String user = String.valueOf(row.get("userid"));
      assertTrue(!grades.containsKey(user), "one grade per user: " + user);
      // Moodle may keep empty rows for people not graded.
      if (row.get("finalgrade") instanceof BigDecimal grade) {
        grades.put(user, grade.stripTrailingZeros());
      }
    }
    return grades;
  }

  private String gradebookState(String action, String username) {
    for (JsonElement row :
        send("GET", "/api/v1/training-actions/" + action + "/evaluation", null)
            .getAsJsonObject()
            .getAsJsonArray("rows")) {
      JsonObject r = row.getAsJsonObject();
      if (r.get("userId").getAsString().equals(user(username))) {
        return r.getAsJsonObject("gradebook").get("state").getAsString();
      }
    }
    throw new AssertionError(username + " is not a trainee");
  }

  private void awaitDelivered() {
    Outbox outbox = new Outbox(connector.database().dataSource(), Clock.systemUTC());
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (outbox.count(OutboxMessage.Status.PENDING) > 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("still pending: " + outbox.list(OutboxMessage.Status.PENDING, 5));
      }
      LabConnector.sleep(200);
    }
    assertEquals(
        List.of(), outbox.list(OutboxMessage.Status.FAILED, 10), "nothing failed for good");
  }

  private String user(String username) {
    return String.valueOf(lab.userId(username));
  }

  private JsonElement send(String method, String path, JsonObject body) {
    Request.Builder request =
        new Request.Builder()
            .url(base + path)
            .header("Cookie", "cop_session=" + session)
            .header("X-Requested-With", "cop-connector");
    if (body != null) {
      request.method(
          method, RequestBody.create(body.toString(), MediaType.get("application/json")));
    }
    try (Response response = http.newCall(request.build()).execute()) {
      String text = response.body().string();
      assertTrue(
          response.isSuccessful(), method + " " + path + ": " + response.code() + " " + text);
      return JsonParser.parseString(text);
    } catch (java.io.IOException e) {
      throw new AssertionError(method + " " + path + " failed", e);
    }
  }
}
