package org.copconnector.plugin.prompt;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.copconnector.plugin.store.Sql;

/** Reflections as stored: journal entries and answers written through the reflection view. */
final class ReflectionStore {

  /** A stored reflection; {@code postId} is set once it is shared in the prompt's thread. */
  record Row(
      String id,
      String threadId,
      String authorId,
      String body,
      String resourceId,
      String link,
      String postId,
      Instant createdAt,
      Instant updatedAt,
      Instant sharedAt) {

    boolean shared() {
      return postId != null;
    }
  }

  private static final String COLUMNS =
      "SELECT id, thread_id, author_id, body, evidence_resource_id, evidence_link, post_id,"
          + " created_at, updated_at, shared_at FROM reflection ";

  void insert(Connection c, Row row) throws SQLException {
    Sql.update(
        c,
        "INSERT INTO reflection (id, thread_id, author_id, body, evidence_resource_id, evidence_link, post_id,"
            + " created_at, updated_at, shared_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        row.id(),
        row.threadId(),
        row.authorId(),
        row.body(),
        row.resourceId(),
        row.link(),
        row.postId(),
        Timestamp.from(row.createdAt()),
        Timestamp.from(row.updatedAt()),
        row.sharedAt() == null ? null : Timestamp.from(row.sharedAt()));
  }

  void update(Connection c, Row row) throws SQLException {
    Sql.update(
        c,
        "UPDATE reflection SET body = ?, evidence_resource_id = ?, evidence_link = ?, post_id = ?,"
            + " updated_at = ?, shared_at = ? WHERE id = ?",
        row.body(),
        row.resourceId(),
        row.link(),
        row.postId(),
        Timestamp.from(row.updatedAt()),
        row.sharedAt() == null ? null : Timestamp.from(row.sharedAt()),
        row.id());
  }

  void delete(Connection c, String id) throws SQLException {
    Sql.update(c, "DELETE FROM reflection WHERE id = ?", id);
  }

  /** Locks the row, so that two shares of one entry cannot both post it. */
  Optional<Row> findForUpdate(Connection c, String id) throws SQLException {
    return query(c, COLUMNS + "WHERE id = ? FOR UPDATE", id).stream().findFirst();
  }

  List<Row> ofAuthor(Connection c, String authorId) throws SQLException {
    return query(c, COLUMNS + "WHERE author_id = ? ORDER BY created_at, id", authorId);
  }

  List<Row> privateOf(Connection c, String threadId, String authorId) throws SQLException {
    return query(
        c,
        COLUMNS
            + "WHERE thread_id = ? AND author_id = ? AND post_id IS NULL ORDER BY created_at, id",
        threadId,
        authorId);
  }

  /** The evidence of a thread's shared answers, by post. */
  Map<String, Row> sharedIn(Connection c, String threadId) throws SQLException {
    Map<String, Row> byPost = new HashMap<>();
    for (Row row : query(c, COLUMNS + "WHERE thread_id = ? AND post_id IS NOT NULL", threadId)) {
      byPost.put(row.postId(), row);
    }
    return byPost;
  }

  /** What the caller wrote in prompts' threads, as reflections without an entry of their own. */
  List<Row> threadAnswers(Connection c, String authorId) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT p.id, p.thread_id, p.body, p.created_at FROM post p"
                + " JOIN prompt_opening o ON o.thread_id = p.thread_id"
                + " WHERE p.author_id = ? AND p.seq > 1 ORDER BY p.created_at, p.id")) {
      ps.setString(1, authorId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Instant at = rs.getTimestamp(4).toInstant();
          rows.add(
              new Row(
                  null,
                  rs.getString(2),
                  authorId,
                  rs.getString(3),
                  null,
                  null,
                  rs.getString(1),
                  at,
                  at,
                  at));
        }
      }
    }
    return rows;
  }

  private static List<Row> query(Connection c, String sql, String... values) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        ps.setString(i + 1, values[i]);
      }
      List<Row> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Timestamp shared = rs.getTimestamp(10);
          rows.add(
              new Row(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getTimestamp(8).toInstant(),
                  rs.getTimestamp(9).toInstant(),
                  shared == null ? null : shared.toInstant()));
        }
      }
      return rows;
    }
  }
}
