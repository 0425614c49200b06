package org.copconnector.plugin.training;

import com.google.gson.reflect.TypeToken;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.copconnector.plugin.json.Json;
import org.copconnector.plugin.store.Sql;

/** SQL for final reflections and grades. */
final class EvaluationStore {

  /** A trainee's final critical reflection, as sanitised HTML. */
  record Reflection(String body, Instant submittedAt) {}

  /** A trainee's grade: each criterion's mark exactly as given, the final grade and mention. */
  record Grade(
      Map<String, BigDecimal> marks,
      BigDecimal grade,
      String mention,
      String comment,
      String gradedBy,
      Instant gradedAt) {}

  private static final java.lang.reflect.Type MARKS =
      new TypeToken<LinkedHashMap<String, String>>() {}.getType();

  Optional<Reflection> reflection(Connection c, String actionId, String userId)
      throws SQLException {
    return reflections(c, actionId, userId).values().stream().findFirst();
  }

  /** Every reflection of the action, by trainee. */
  Map<String, Reflection> reflections(Connection c, String actionId) throws SQLException {
    return reflections(c, actionId, null);
  }

  private Map<String, Reflection> reflections(Connection c, String actionId, String userId)
      throws SQLException {
    String sql =
        "SELECT lms_user_id, body, submitted_at FROM training_final_reflection WHERE action_id = ?"
            + (userId == null ? "" : " AND lms_user_id = ?");
    Map<String, Reflection> found = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, actionId);
      if (userId != null) {
        ps.setString(2, userId);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.put(
              rs.getString(1), new Reflection(rs.getString(2), rs.getTimestamp(3).toInstant()));
        }
      }
    }
    return found;
  }

  /** Who has handed in a final reflection, without reading the reflections. */
  java.util.Set<String> reflectionAuthors(Connection c, String actionId) throws SQLException {
    return new java.util.HashSet<>(
        Sql.strings(
            c, "SELECT lms_user_id FROM training_final_reflection WHERE action_id = ?", actionId));
  }

  /** Who has a grade. */
  java.util.Set<String> graded(Connection c, String actionId) throws SQLException {
    return new java.util.HashSet<>(
        Sql.strings(c, "SELECT lms_user_id FROM training_grade WHERE action_id = ?", actionId));
  }

  void saveReflection(Connection c, String actionId, String userId, String body, Instant at)
      throws SQLException {
    int changed =
        Sql.update(
            c,
            "UPDATE training_final_reflection SET body = ?, submitted_at = ?"
                + " WHERE action_id = ? AND lms_user_id = ?",
            body,
            Timestamp.from(at),
            actionId,
            userId);
    if (changed == 0) {
      Sql.update(
          c,
          "INSERT INTO training_final_reflection (action_id, lms_user_id, body, submitted_at)"
              + " VALUES (?, ?, ?, ?)",
          actionId,
          userId,
          body,
          Timestamp.from(at));
    }
  }

  Optional<Grade> grade(Connection c, String actionId, String userId) throws SQLException {
    return Optional.ofNullable(grades(c, actionId, userId).get(userId));
  }

  /** Every grade of the action, by trainee. */
  Map<String, Grade> grades(Connection c, String actionId) throws SQLException {
    return grades(c, actionId, null);
  }

  private Map<String, Grade> grades(Connection c, String actionId, String userId)
      throws SQLException {
    String sql =
        "SELECT lms_user_id, marks, final_grade, mention, comment, graded_by, graded_at"
            + " FROM training_grade WHERE action_id = ?"
            + (userId == null ? "" : " AND lms_user_id = ?");
    Map<String, Grade> found = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, actionId);
      if (userId != null) {
        ps.setString(2, userId);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Map<String, String> text = Json.strict().fromJson(rs.getString(2), MARKS);
          Map<String, BigDecimal> marks = new LinkedHashMap<>();
          text.forEach((k, v) -> marks.put(k, new BigDecimal(v)));
          found.put(
              rs.getString(1),
              new Grade(
                  marks,
                  rs.getBigDecimal(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getTimestamp(7).toInstant()));
        }
      }
    }
    return found;
  }

  void saveGrade(Connection c, String actionId, String userId, Grade g) throws SQLException {
    Map<String, String> text = new LinkedHashMap<>();
    g.marks().forEach((k, v) -> text.put(k, v.toPlainString()));
    String marks = Json.strict().toJson(text);
    Object[] values = {
      marks,
      g.grade(),
      g.mention(),
      g.comment(),
      g.gradedBy(),
      Timestamp.from(g.gradedAt()),
      actionId,
      userId
    };
    int changed =
        Sql.update(
            c,
            "UPDATE training_grade SET marks = ?, final_grade = ?, mention = ?, comment = ?,"
                + " graded_by = ?, graded_at = ? WHERE action_id = ? AND lms_user_id = ?",
            values);
    if (changed == 0) {
      Sql.update(
          c,
          "INSERT INTO training_grade (marks, final_grade, mention, comment, graded_by, graded_at,"
              + " action_id, lms_user_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          values);
    }
  }
}
