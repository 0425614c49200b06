package org.copconnector.plugin.training;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.copconnector.plugin.store.Sql;

/** SQL for the attendance marks of training sessions. */
final class AttendanceStore {

  /** A mark as stored: a row of the sheet without the trainee's name. */
  record Mark(AttendanceSheet.Mark status, int lateMinutes, String note, boolean selfCheckIn) {}

  /** The marks of one session, by trainee. */
  Map<String, Mark> ofSession(Connection c, String sessionId) throws SQLException {
    Map<String, Mark> marks = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT lms_user_id, status, late_minutes, note, self_check_in"
                + " FROM training_attendance WHERE session_id = ?")) {
      ps.setString(1, sessionId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          marks.put(rs.getString(1), mark(rs, 2));
        }
      }
    }
    return marks;
  }

  /** The marks of every session of an action, by trainee and then by session. */
  Map<String, Map<String, Mark>> ofAction(Connection c, String actionId) throws SQLException {
    Map<String, Map<String, Mark>> marks = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT a.lms_user_id, a.session_id, a.status, a.late_minutes, a.note, a.self_check_in"
                + " FROM training_attendance a JOIN training_session s ON s.id = a.session_id"
                + " WHERE s.action_id = ?")) {
      ps.setString(1, actionId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          marks
              .computeIfAbsent(rs.getString(1), k -> new HashMap<>())
              .put(rs.getString(2), mark(rs, 3));
        }
      }
    }
    return marks;
  }

  /** The sessions of an action where a trainee has a mark, whoever set it. */
  List<String> sessionsMarked(Connection c, String actionId, String userId) throws SQLException {
    List<String> sessions = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT a.session_id FROM training_attendance a"
                + " JOIN training_session s ON s.id = a.session_id"
                + " WHERE s.action_id = ? AND a.lms_user_id = ? ORDER BY s.starts_at")) {
      ps.setString(1, actionId);
      ps.setString(2, userId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          sessions.add(rs.getString(1));
        }
      }
    }
    return sessions;
  }

  /** Sets a trainee's mark in a session, replacing any earlier one. */
  void save(Connection c, String sessionId, String userId, Mark mark, String by, Instant at)
      throws SQLException {
    int changed =
        Sql.update(
            c,
            "UPDATE training_attendance SET status = ?, late_minutes = ?, note = ?,"
                + " self_check_in = ?, marked_by = ?, marked_at = ?"
                + " WHERE session_id = ? AND lms_user_id = ?",
            mark.status().name(),
            mark.lateMinutes(),
            mark.note(),
            mark.selfCheckIn(),
            by,
            Timestamp.from(at),
            sessionId,
            userId);
    if (changed == 0) {
      insert(c, sessionId, java.util.List.of(userId), mark, by, at);
    }
  }

  /** Gives {@code mark} to each of {@code userIds}, who must have none in the session yet. */
  void insert(
      Connection c, String sessionId, Collection<String> userIds, Mark mark, String by, Instant at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO training_attendance (session_id, lms_user_id, status, late_minutes, note,"
                + " self_check_in, marked_by, marked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (String userId : userIds) {
        ps.setString(1, sessionId);
        ps.setString(2, userId);
        ps.setString(3, mark.status().name());
        ps.setInt(4, mark.lateMinutes());
        ps.setString(5, mark.note());
        ps.setBoolean(6, mark.selfCheckIn());
        ps.setString(7, by);
        ps.setTimestamp(8, Timestamp.from(at));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static Mark mark(ResultSet rs, int first) throws SQLException {
    return new Mark(
        AttendanceSheet.Mark.valueOf(rs.getString(first)),
        rs.getInt(first + 1),
        rs.getString(first + 2),
        rs.getBoolean(first + 3));
  }
}
