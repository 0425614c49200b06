package org.copconnector.plugin.training;

import com.google.gson.Gson;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.copconnector.plugin.json.Json;
import org.copconnector.plugin.store.Sql;

/** SQL for training actions, their trainers, trainees and sessions. */
final class TrainingStore {

  /** An action as stored. */
  record Row(
      String id,
      String courseId,
      String communityId,
      String title,
      Modality modality,
      String code,
      int jointMinutes,
      int autonomousMinutes,
      LocalDate startsOn,
      LocalDate endsOn,
      AttendanceRule rule,
      EvaluationPolicy policy,
      TrainingAction.Status status) {

    boolean closed() {
      return status == TrainingAction.Status.CLOSED;
    }

    Row inCommunity(String community) {
      return new Row(
          id,
          courseId,
          community,
          title,
          modality,
          code,
          jointMinutes,
          autonomousMinutes,
          startsOn,
          endsOn,
          rule,
          policy,
          status);
    }
  }

  private static final Gson GSON = Json.strict();
  private static final String ACTION_COLUMNS =
      "id, course_id, community_id, title, modality, code, joint_minutes, autonomous_minutes,"
          + " starts_on, ends_on, attendance_num, attendance_den, policy, status";
  private static final String SESSION_COLUMNS =
      "id, action_id, starts_at, minutes, mode, place, link, status";

  void insert(Connection c, Row a, String by, Instant at) throws SQLException {
    Sql.update(
        c,
        "INSERT INTO training_action ("
            + ACTION_COLUMNS
            + ", created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        a.id(),
        a.courseId(),
        a.communityId(),
        a.title(),
        a.modality().name(),
        a.code(),
        a.jointMinutes(),
        a.autonomousMinutes(),
        a.startsOn() == null ? null : Date.valueOf(a.startsOn()),
        a.endsOn() == null ? null : Date.valueOf(a.endsOn()),
        a.rule().numerator(),
        a.rule().denominator(),
        GSON.toJson(a.policy()),
        a.status().name(),
        by,
        Timestamp.from(at));
  }

  Optional<Row> find(Connection c, String id) throws SQLException {
    List<Row> found =
        actions(c, "SELECT " + ACTION_COLUMNS + " FROM training_action WHERE id = ?", id);
    return found.stream().findFirst();
  }

  /** Holds the action's row until the transaction ends: changes to one action go one at a time. */
  Optional<Row> lock(Connection c, String id) throws SQLException {
    List<Row> found =
        actions(
            c, "SELECT " + ACTION_COLUMNS + " FROM training_action WHERE id = ? FOR UPDATE", id);
    return found.stream().findFirst();
  }

  List<Row> inCourse(Connection c, String courseId) throws SQLException {
    return actions(
        c,
        "SELECT "
            + ACTION_COLUMNS
            + " FROM training_action WHERE course_id = ? ORDER BY starts_on, created_at, id",
        courseId);
  }

  void close(Connection c, String id, Instant at) throws SQLException {
    Sql.update(
        c,
        "UPDATE training_action SET status = ?, closed_at = ? WHERE id = ?",
        TrainingAction.Status.CLOSED.name(),
        Timestamp.from(at),
        id);
  }

  void addTrainer(Connection c, String actionId, String userId) throws SQLException {
    if (!trainers(c, actionId).contains(userId)) {
      Sql.update(
          c,
          "INSERT INTO training_trainer (action_id, lms_user_id) VALUES (?, ?)",
          actionId,
          userId);
    }
  }

  /** Adds a trainee; false when already one. */
  boolean addTrainee(Connection c, String actionId, String userId, Instant at) throws SQLException {
    if (isTrainee(c, actionId, userId)) {
      return false;
    }
    Sql.update(
        c,
        "INSERT INTO training_trainee (action_id, lms_user_id, joined_at) VALUES (?, ?, ?)",
        actionId,
        userId,
        Timestamp.from(at));
    return true;
  }

  boolean removeTrainee(Connection c, String actionId, String userId) throws SQLException {
    return Sql.update(
            c,
            "DELETE FROM training_trainee WHERE action_id = ? AND lms_user_id = ?",
            actionId,
            userId)
        > 0;
  }

  List<String> trainers(Connection c, String actionId) throws SQLException {
    return Sql.strings(
        c,
        "SELECT lms_user_id FROM training_trainer WHERE action_id = ? ORDER BY lms_user_id",
        actionId);
  }

  List<String> trainees(Connection c, String actionId) throws SQLException {
    return Sql.strings(
        c,
        "SELECT lms_user_id FROM training_trainee WHERE action_id = ? ORDER BY lms_user_id",
        actionId);
  }

  boolean isTrainer(Connection c, String actionId, String userId) throws SQLException {
    return Sql.first(
            c,
            "SELECT lms_user_id FROM training_trainer WHERE action_id = ? AND lms_user_id = ?",
            actionId,
            userId)
        .isPresent();
  }

  boolean isTrainee(Connection c, String actionId, String userId) throws SQLException {
    return Sql.first(
            c,
            "SELECT lms_user_id FROM training_trainee WHERE action_id = ? AND lms_user_id = ?",
            actionId,
            userId)
        .isPresent();
  }

  void insertSession(Connection c, TrainingSession s, Instant at) throws SQLException {
    Sql.update(
        c,
        "INSERT INTO training_session ("
            + SESSION_COLUMNS
            + ", created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        s.id(),
        s.actionId(),
        Timestamp.from(s.startsAt()),
        s.minutes(),
        s.mode().name(),
        s.place(),
        s.link(),
        s.status().name(),
        Timestamp.from(at));
  }

  void updateSession(Connection c, TrainingSession s) throws SQLException {
    Sql.update(
        c,
        "UPDATE training_session SET starts_at = ?, minutes = ?, mode = ?, place = ?, link = ?,"
            + " status = ? WHERE id = ?",
        Timestamp.from(s.startsAt()),
        s.minutes(),
        s.mode().name(),
        s.place(),
        s.link(),
        s.status().name(),
        s.id());
  }

  Optional<TrainingSession> session(Connection c, String id) throws SQLException {
    return sessions(c, "SELECT " + SESSION_COLUMNS + " FROM training_session WHERE id = ?", id)
        .stream()
        .findFirst();
  }

  /** An action's sessions, cancelled ones included, in the order they happen. */
  List<TrainingSession> sessionsOf(Connection c, String actionId) throws SQLException {
    return sessions(
        c,
        "SELECT "
            + SESSION_COLUMNS
            + " FROM training_session WHERE action_id = ? ORDER BY starts_at, id",
        actionId);
  }

  Optional<String> checkInCode(Connection c, String sessionId) throws SQLException {
    return Sql.first(c, "SELECT check_in_code FROM training_session WHERE id = ?", sessionId);
  }

  /** A new code for the session; the wrong guesses made against the old one are forgotten. */
  void setCheckInCode(Connection c, String sessionId, String code) throws SQLException {
    Sql.update(c, "UPDATE training_session SET check_in_code = ? WHERE id = ?", code, sessionId);
    Sql.update(c, "DELETE FROM training_check_in_miss WHERE session_id = ?", sessionId);
  }

  /** The wrong codes a trainee gave for the session's current code. */
  int checkInMisses(Connection c, String sessionId, String userId) throws SQLException {
    return Sql.first(
            c,
            "SELECT CAST(misses AS VARCHAR(11)) FROM training_check_in_miss"
                + " WHERE session_id = ? AND lms_user_id = ?",
            sessionId,
            userId)
        .map(Integer::parseInt)
        .orElse(0);
  }

  void addCheckInMiss(Connection c, String sessionId, String userId) throws SQLException {
    int updated =
        Sql.update(
            c,
            "UPDATE training_check_in_miss SET misses = misses + 1"
                + " WHERE session_id = ? AND lms_user_id = ?",
            sessionId,
            userId);
    if (updated == 0) {
      Sql.update(
          c,
          "INSERT INTO training_check_in_miss (session_id, lms_user_id, misses) VALUES (?, ?, 1)",
          sessionId,
          userId);
    }
  }

  private static List<Row> actions(Connection c, String sql, String value) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, value);
      List<Row> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Date starts = rs.getDate(9);
          Date ends = rs.getDate(10);
          rows.add(
              new Row(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  Modality.valueOf(rs.getString(5)),
                  rs.getString(6),
                  rs.getInt(7),
                  rs.getInt(8),
                  starts == null ? null : starts.toLocalDate(),
                  ends == null ? null : ends.toLocalDate(),
                  new AttendanceRule(rs.getInt(11), rs.getInt(12)),
                  GSON.fromJson(rs.getString(13), EvaluationPolicy.class),
                  TrainingAction.Status.valueOf(rs.getString(14))));
        }
      }
      return rows;
    }
  }

  private static List<TrainingSession> sessions(Connection c, String sql, String value)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, value);
      List<TrainingSession> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new TrainingSession(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getTimestamp(3).toInstant(),
                  rs.getInt(4),
                  TrainingSession.Mode.valueOf(rs.getString(5)),
                  rs.getString(6),
                  rs.getString(7),
                  TrainingSession.Status.valueOf(rs.getString(8))));
        }
      }
      return rows;
    }
  }
}
