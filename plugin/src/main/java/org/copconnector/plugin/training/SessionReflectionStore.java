package org.copconnector.plugin.training;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SQL for what trainees answered to the prompts their action's sessions opened: journal entries and
 * shared answers written through the reflection view, and replies written in the prompt's thread
 * (from the hub or Moodle). A hidden post does not count.
 */
final class SessionReflectionStore {

  /** One answer of a trainee to a session's prompt; {@code body} is null for a private entry. */
  record Answer(String sessionId, String postId, String body, boolean shared, Instant writtenAt) {}

  private static final String PROMPTS =
      " FROM training_session_prompt p JOIN training_session s ON s.id = p.session_id ";

  /** The prompt thread of each session of the action that has opened one. */
  Map<String, String> threads(Connection c, String actionId) throws SQLException {
    Map<String, String> threads = new HashMap<>();
    for (String[] row :
        rows(c, "SELECT p.session_id, p.thread_id" + PROMPTS + "WHERE s.action_id = ?", actionId)) {
      threads.put(row[0], row[1]);
    }
    return threads;
  }

  /** Who answered each session's prompt, by session: two queries for the whole action. */
  Map<String, Set<String>> answeredBy(Connection c, String actionId) throws SQLException {
    Map<String, Set<String>> by = new HashMap<>();
    List<String[]> rows =
        new ArrayList<>(
            rows(
                c,
                "SELECT DISTINCT p.session_id, r.author_id"
                    + PROMPTS
                    + "JOIN reflection r ON r.thread_id = p.thread_id WHERE s.action_id = ?",
                actionId));
    rows.addAll(
        rows(
            c,
            "SELECT DISTINCT p.session_id, po.author_id"
                + PROMPTS
                + "JOIN post po ON po.thread_id = p.thread_id"
                + " WHERE s.action_id = ? AND po.seq > 1 AND po.hidden = FALSE",
            actionId));
    for (String[] row : rows) {
      by.computeIfAbsent(row[0], k -> new HashSet<>()).add(row[1]);
    }
    return by;
  }

  /**
   * One trainee's answers to the action's session prompts, oldest first; private entries keep their
   * text only when {@code withPrivate}.
   */
  List<Answer> answersOf(Connection c, String actionId, String userId, boolean withPrivate)
      throws SQLException {
    List<Answer> answers = new ArrayList<>();
    Set<String> posts = new HashSet<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT p.session_id, r.post_id, r.body, po.body, po.hidden, r.created_at"
                + PROMPTS
                + "JOIN reflection r ON r.thread_id = p.thread_id"
                + " LEFT JOIN post po ON po.id = r.post_id"
                + " WHERE s.action_id = ? AND r.author_id = ? ORDER BY r.created_at, r.id")) {
      ps.setString(1, actionId);
      ps.setString(2, userId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String postId = rs.getString(2);
          Instant at = rs.getTimestamp(6).toInstant();
          if (postId == null) {
            answers.add(
                new Answer(rs.getString(1), null, withPrivate ? rs.getString(3) : null, false, at));
          } else {
            posts.add(postId);
            if (!rs.getBoolean(5)) {
              // A shared answer reads as its post now reads (edited in the thread, perhaps).
              String body = rs.getString(4) == null ? rs.getString(3) : rs.getString(4);
              answers.add(new Answer(rs.getString(1), postId, body, true, at));
            }
          }
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT p.session_id, po.id, po.body, po.created_at"
                + PROMPTS
                + "JOIN post po ON po.thread_id = p.thread_id"
                + " WHERE s.action_id = ? AND po.author_id = ? AND po.seq > 1 AND po.hidden = FALSE"
                + " ORDER BY po.created_at, po.id")) {
      ps.setString(1, actionId);
      ps.setString(2, userId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (!posts.contains(rs.getString(2))) {
            answers.add(
                new Answer(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    true,
                    rs.getTimestamp(4).toInstant()));
          }
        }
      }
    }
    answers.sort(java.util.Comparator.comparing(Answer::writtenAt));
    return answers;
  }

  private static List<String[]> rows(Connection c, String sql, String value) throws SQLException {
    List<String[]> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, value);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
    }
    return rows;
  }
}
