package org.copconnector.plugin.discussion;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.copconnector.plugin.store.Sql;

/** SQL for following threads: follow and mute choices, accepted answers, reads and visits. */
final class ConversationStore {

  /** Where a post of a thread stands: enough to draw the thread as a tree. */
  record Skeleton(String id, int seq, String parentId, String authorName) {}

  /** The member's choice for the thread, if they made one. */
  Optional<ThreadFollow> follow(Connection c, String threadId, String lmsUserId)
      throws SQLException {
    return Sql.first(
            c,
            "SELECT state FROM thread_follow WHERE thread_id = ? AND lms_user_id = ?",
            threadId,
            lmsUserId)
        .map(ThreadFollow::valueOf);
  }

  void setFollow(Connection c, String threadId, String lmsUserId, ThreadFollow state, Instant at)
      throws SQLException {
    Timestamp when = Timestamp.from(at);
    if (Sql.update(
            c,
            "UPDATE thread_follow SET state = ?, chosen_at = ? WHERE thread_id = ? AND lms_user_id = ?",
            state.name(),
            when,
            threadId,
            lmsUserId)
        == 0) {
      Sql.update(
          c,
          "INSERT INTO thread_follow (thread_id, lms_user_id, state, chosen_at)"
              + " SELECT CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR),"
              + " CAST(? AS TIMESTAMP WITH TIME ZONE)"
              + " WHERE NOT EXISTS (SELECT 1 FROM thread_follow WHERE thread_id = ? AND lms_user_id = ?)",
          threadId,
          lmsUserId,
          state.name(),
          when,
          threadId,
          lmsUserId);
    }
  }

  /** Who chose to follow or mute the thread, and who wrote in it from the hub. */
  ThreadFollowers followers(Connection c, String threadId) throws SQLException {
    Map<String, ThreadFollow> chosen = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT lms_user_id, state FROM thread_follow WHERE thread_id = ?")) {
      ps.setString(1, threadId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          chosen.put(rs.getString(1), ThreadFollow.valueOf(rs.getString(2)));
        }
      }
    }
    return new ThreadFollowers(
        chosen,
        new HashSet<>(
            Sql.strings(
                c,
                "SELECT DISTINCT author_id FROM post WHERE thread_id = ? AND origin = ?",
                threadId,
                Post.Origin.HUB.name())));
  }

  /** Members who muted the thread. */
  List<String> muted(Connection c, String threadId) throws SQLException {
    return Sql.strings(
        c,
        "SELECT lms_user_id FROM thread_follow WHERE thread_id = ? AND state = ?",
        threadId,
        ThreadFollow.MUTED.name());
  }

  /** The thread's accepted answer, if one was marked. */
  Optional<String> accepted(Connection c, String threadId) throws SQLException {
    return Sql.first(c, "SELECT post_id FROM thread_answer WHERE thread_id = ?", threadId);
  }

  /** Marks the post as its thread's answer, in place of any other. */
  void accept(Connection c, String threadId, String postId, String by, Instant at)
      throws SQLException {
    Sql.update(c, "DELETE FROM thread_answer WHERE thread_id = ?", threadId);
    Sql.update(
        c,
        "INSERT INTO thread_answer (thread_id, post_id, marked_by, marked_at) VALUES (?, ?, ?, ?)",
        threadId,
        postId,
        by,
        Timestamp.from(at));
  }

  /** Takes the mark off the post; returns whether it had it. */
  boolean unaccept(Connection c, String postId) throws SQLException {
    return Sql.update(c, "DELETE FROM thread_answer WHERE post_id = ?", postId) > 0;
  }

  /** How many posts of the thread the reader had seen (0 when they never opened it). */
  int seen(Connection c, String threadId, String lmsUserId) throws SQLException {
    return Sql.count(
        c,
        "SELECT seen FROM thread_read WHERE thread_id = ? AND lms_user_id = ?",
        threadId,
        lmsUserId);
  }

  /** Every post of the thread, in order, without bodies. */
  List<Skeleton> skeleton(Connection c, String threadId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, seq, parent_id, author_name FROM post WHERE thread_id = ? ORDER BY seq")) {
      ps.setString(1, threadId);
      List<Skeleton> posts = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          posts.add(new Skeleton(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)));
        }
      }
      return posts;
    }
  }

  /** Remembers that the person looked at the community's discussions now. */
  void visit(Connection c, String communityId, String lmsUserId, Instant at) throws SQLException {
    Timestamp when = Timestamp.from(at);
    // Moved on only when a post came after the visit kept: otherwise the new posts counted from
    // either moment are the same, and a look at a quiet community writes nothing.
    if (Sql.update(
            c,
            "UPDATE community_visit v SET visited_at = ? WHERE v.community_id = ? AND v.lms_user_id = ?"
                + " AND (v.visited_at > ? OR EXISTS (SELECT 1 FROM thread t WHERE t.community_id ="
                + " v.community_id AND t.last_post_at > v.visited_at))",
            when,
            communityId,
            lmsUserId,
            when)
        == 0) {
      // Two pages opened at once may both find no row: the second insert then adds nothing.
      Sql.update(
          c,
          "INSERT INTO community_visit (community_id, lms_user_id, visited_at)"
              + " SELECT CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS TIMESTAMP WITH TIME ZONE)"
              + " WHERE NOT EXISTS (SELECT 1 FROM community_visit WHERE community_id = ? AND lms_user_id = ?)",
          communityId,
          lmsUserId,
          when,
          communityId,
          lmsUserId);
    }
  }
}
