package org.copconnector.connector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.copconnector.connector.testing.CourseTrainees;
import org.copconnector.connector.testing.DemoHub;
import org.copconnector.connector.testing.DemoHub.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * A demo course with a trainer (Filipe) and 25 trainees, and the calls the training tests make:
 * each test class that extends it gets a connector of its own.
 */
abstract class TrainingCourseTest {

  static final String COURSE = "demo-cie-rio";
  static final String CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  @TempDir static Path dataDir;
  static DemoHub hub;
  static String filipe;
  static final Map<String, String> trainees = new LinkedHashMap<>();

  @BeforeAll
  static void start() throws Exception {
    trainees.clear();
    hub = DemoHub.start(dataDir, Map.of());
    filipe = hub.enter("d07", COURSE);
    // The course's own students (d08–d11, d20) and 20 more teachers enrolled as students.
    for (String demo : List.of("d08", "d09", "d10", "d11", "d20")) {
      trainees.put(demo, hub.enter(demo, COURSE));
    }
    trainees.putAll(
        CourseTrainees.enrol(
            hub.database().dataSource(), COURSE, "Ciências Experimentais — ES do Rio", 20));
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  static String session(String action, Instant start, int minutes) throws Exception {
    Answer added =
        call(
            filipe,
            "POST",
            "/api/v1/training-actions/" + action + "/sessions",
            "{'startsAt':'" + start + "','minutes':" + minutes + "}");
    assertEquals(201, added.status(), String.valueOf(added.json()));
    return added.object().get("id").getAsString();
  }

  static void assertFigures(JsonObject row, int attended, String percent, String state) {
    assertEquals(attended, row.get("attendedMinutes").getAsInt(), row.toString());
    assertEquals(percent, row.get("percent").getAsBigDecimal().toPlainString(), row.toString());
    assertEquals(state, row.get("state").getAsString(), row.toString());
  }

  static void assertRefused(int status, String reason, Answer answer) {
    assertEquals(status, answer.status(), String.valueOf(answer.json()));
    assertEquals(
        reason, answer.object().get("reason").getAsString(), String.valueOf(answer.json()));
  }

  static Answer mark(String session, String who, String body) throws Exception {
    return mark(filipe, session, who, body);
  }

  static Answer mark(String caller, String session, String who, String body) throws Exception {
    return call(caller, "PUT", "/api/v1/training-sessions/" + session + "/attendance/" + who, body);
  }

  static JsonObject allPresent(String session) throws Exception {
    Answer answer =
        call(
            filipe,
            "POST",
            "/api/v1/training-sessions/" + session + "/attendance/all-present",
            null);
    assertEquals(200, answer.status(), String.valueOf(answer.json()));
    return answer.object();
  }

  static JsonObject row(JsonObject table, String userId) {
    for (JsonElement row : table.getAsJsonArray("rows")) {
      if (row.getAsJsonObject().get("userId").getAsString().equals(userId)) {
        return row.getAsJsonObject();
      }
    }
    throw new AssertionError(userId + " not in " + table);
  }

  static java.util.Set<String> ids(JsonArray people) {
    java.util.Set<String> ids = new java.util.TreeSet<>();
    people.forEach(p -> ids.add(p.getAsJsonObject().get("id").getAsString()));
    return ids;
  }

  static Answer call(String session, String method, String path, String body) throws Exception {
    return hub.call(session, method, path, body == null ? null : body.replace('\'', '"'));
  }
}
