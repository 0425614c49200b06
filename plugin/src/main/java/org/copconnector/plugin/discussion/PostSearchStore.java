package org.copconnector.plugin.discussion;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.copconnector.plugin.store.Sql;

/** SQL of the discussion search: what the index holds of posts, who reads what, what is shown. */
final class PostSearchStore {

  /** A found post as a result shows it. */
  record Shown(
      String postId,
      String threadId,
      int seq,
      String authorId,
      String authorName,
      boolean hidden,
      Instant createdAt,
      String threadTitle,
      String communityId,
      String communityName) {}

  private static final int CHUNK = 500;

  /** The index's entries of the posts with these ids that still exist. */
  List<PostIndex.Entry> entries(Connection c, List<String> ids) throws SQLException {
    List<PostIndex.Entry> entries = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT p.id, p.seq, p.author_id, p.author_name, p.body, p.hidden, p.created_at,"
                  + " t.community_id, t.title FROM post p"
                  + " JOIN thread t ON t.id = p.thread_id WHERE p.id IN ("
                  + marks(chunk)
                  + ")")) {
        set(ps, 1, chunk);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            entries.add(
                new PostIndex.Entry(
                    rs.getString(1),
                    rs.getString(8),
                    rs.getInt(2) == 1 ? rs.getString(9) : null,
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getBoolean(6),
                    rs.getTimestamp(7).toInstant()));
          }
        }
      }
    }
    return entries;
  }

  /** Posts as results show them, with their thread and community; missing ones are left out. */
  List<Shown> shown(Connection c, List<String> ids) throws SQLException {
    if (ids.isEmpty()) {
      return List.of();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT p.id, p.thread_id, p.seq, p.author_id, p.author_name, p.hidden, p.created_at,"
                + " t.title, t.community_id, m.name FROM post p JOIN thread t ON t.id = p.thread_id"
                + " JOIN community m ON m.id = t.community_id WHERE p.id IN ("
                + marks(ids)
                + ")")) {
      set(ps, 1, ids);
      List<Shown> shown = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          shown.add(
              new Shown(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getInt(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getBoolean(6),
                  rs.getTimestamp(7).toInstant(),
                  rs.getString(8),
                  rs.getString(9),
                  rs.getString(10)));
        }
      }
      return shown;
    }
  }

  /**
   * The communities whose discussions the person reads, as a thread page decides: those they are an
   * active member of, and open ones they can see (of their courses, or where they have a standing).
   */
  List<String> readable(Connection c, String lmsUserId, Collection<String> courses)
      throws SQLException {
    String inCourses =
        courses.isEmpty()
            ? ""
            : " OR EXISTS (SELECT 1 FROM community_anchor a WHERE a.community_id = c.id"
                + " AND a.course_id IN ("
                + marks(courses)
                + "))";
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT m.community_id FROM community_member m WHERE m.lms_user_id = ?"
                + " AND m.status = 'ACTIVE' UNION SELECT c.id FROM community c"
                + " WHERE c.joining = 'OPEN' AND (EXISTS (SELECT 1 FROM community_member m"
                + " WHERE m.community_id = c.id AND m.lms_user_id = ?)"
                + inCourses
                + ")")) {
      ps.setString(1, lmsUserId);
      ps.setString(2, lmsUserId);
      set(ps, 3, courses);
      List<String> ids = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
      Collections.sort(ids);
      return ids;
    }
  }

  /** The communities the person is an active facilitator of. */
  List<String> facilitated(Connection c, String lmsUserId) throws SQLException {
    return Sql.strings(
        c,
        "SELECT community_id FROM community_member WHERE lms_user_id = ? AND status = 'ACTIVE'"
            + " AND role = 'FACILITATOR' ORDER BY community_id",
        lmsUserId);
  }

  List<String> allCommunities(Connection c) throws SQLException {
    return Sql.strings(c, "SELECT id FROM community ORDER BY id");
  }

  private static String marks(Collection<String> values) {
    return String.join(", ", Collections.nCopies(values.size(), "?"));
  }

  private static void set(PreparedStatement ps, int first, Collection<String> values)
      throws SQLException {
    int i = first;
    for (String v : values) {
      ps.setString(i++, v);
    }
  }
}
