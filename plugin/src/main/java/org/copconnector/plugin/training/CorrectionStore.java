package org.copconnector.plugin.training;

import com.google.gson.reflect.TypeToken;
import java.lang.reflect.Type;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.copconnector.plugin.json.Json;
import org.copconnector.plugin.store.Sql;

/** SQL for the log of what administrators corrected in closed actions, and why. */
final class CorrectionStore {

  /** What a grade or attendance correction changed. */
  enum Kind {
    GRADE,
    ATTENDANCE
  }

  /**
   * One correction: {@code what} in plain words (English, for the log), whose record, the session
   * (attendance), the state before (empty when there was none) and after, and the reason.
   */
  record Made(
      String what,
      Kind kind,
      String userId,
      String sessionId,
      Map<String, String> before,
      Map<String, String> after,
      String reason,
      String madeBy,
      Instant madeAt) {}

  private static final Type STATE = new TypeToken<LinkedHashMap<String, String>>() {}.getType();

  /** The longest note of what a correction changed, as the column holds it. */
  private static final int MAX_WHAT = 2000;

  void log(Connection c, String actionId, Made m) throws SQLException {
    Sql.update(
        c,
        "INSERT INTO training_correction (id, action_id, what, made_by, made_at, kind,"
            + " lms_user_id, session_id, before_state, after_state, reason)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        UUID.randomUUID().toString(),
        actionId,
        m.what().length() > MAX_WHAT ? m.what().substring(0, MAX_WHAT) : m.what(),
        m.madeBy(),
        Timestamp.from(m.madeAt()),
        m.kind().name(),
        m.userId(),
        m.sessionId(),
        Json.strict().toJson(m.before()),
        Json.strict().toJson(m.after()),
        m.reason());
  }

  /** The corrections made to an action, oldest first. */
  List<Made> list(Connection c, String actionId) throws SQLException {
    List<Made> found = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT what, kind, lms_user_id, session_id, before_state, after_state, reason,"
                + " made_by, made_at FROM training_correction WHERE action_id = ?"
                + " ORDER BY made_at, id")) {
      ps.setString(1, actionId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.add(
              new Made(
                  rs.getString(1),
                  rs.getString(2) == null ? null : Kind.valueOf(rs.getString(2)),
                  rs.getString(3),
                  rs.getString(4),
                  state(rs.getString(5)),
                  state(rs.getString(6)),
                  rs.getString(7),
                  rs.getString(8),
                  rs.getTimestamp(9).toInstant()));
        }
      }
    }
    return found;
  }

  private static Map<String, String> state(String json) {
    return json == null ? null : Json.strict().fromJson(json, STATE);
  }
}
