package org.copconnector.plugin.discussion;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.copconnector.plugin.search.ChangeLog;
import org.copconnector.plugin.store.Sql;
import org.copconnector.plugin.store.SqlStates;

/**
 * SQL for threads, posts, revisions, "helped", read marks and notification choices. Whatever writes
 * a post's words, title or hidden mark notes it in {@link #CHANGES} for the search index.
 */
final class DiscussionStore {

  /** The change log the discussion search index follows. */
  static final ChangeLog CHANGES = new ChangeLog("post_change", "post_id");

  /** A thread with how many of its posts the reader has not seen, and whether it has an answer. */
  record Listed(DiscussionThread thread, int unread, boolean answered) {}

  private static final String THREAD_COLUMNS =
      "t.id, t.community_id, t.title, t.author_id, t.author_name, t.pinned, t.post_count,"
          + " t.created_at, t.last_post_at";
  private static final String POST_COLUMNS =
      "id, thread_id, seq, parent_id, author_id, author_name, body, quote_post_id, quote_text,"
          + " origin, helped_count, hidden, created_at, edited_at";

  void insertThread(Connection c, DiscussionThread t) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO thread (id, community_id, title, author_id, author_name, pinned,"
                + " post_count, created_at, last_post_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, t.id());
      ps.setString(2, t.communityId());
      ps.setString(3, t.title());
      ps.setString(4, t.authorId());
      ps.setString(5, t.authorName());
      ps.setBoolean(6, t.pinned());
      ps.setInt(7, 0);
      ps.setTimestamp(8, Timestamp.from(t.createdAt()));
      ps.setTimestamp(9, Timestamp.from(t.lastPostAt()));
      ps.executeUpdate();
    }
  }

  /**
   * Takes the thread's next post number (locking the thread row until the transaction ends, so
   * concurrent replies get distinct numbers) and moves its last-post time.
   */
  int nextSeq(Connection c, String threadId, Instant at) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE thread SET post_count = post_count + 1,"
                + " last_post_at = CASE WHEN last_post_at < ? THEN ? ELSE last_post_at END"
                + " WHERE id = ?")) {
      ps.setTimestamp(1, Timestamp.from(at));
      ps.setTimestamp(2, Timestamp.from(at));
      ps.setString(3, threadId);
      if (ps.executeUpdate() == 0) {
        throw new SQLException("thread " + threadId + " vanished");
      }
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT post_count FROM thread WHERE id = ?")) {
      ps.setString(1, threadId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  void insertPost(Connection c, Post p) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO post ("
                + POST_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, p.id());
      ps.setString(2, p.threadId());
      ps.setInt(3, p.seq());
      ps.setString(4, p.parentId());
      ps.setString(5, p.authorId());
      ps.setString(6, p.authorName());
      ps.setString(7, p.body());
      ps.setString(8, p.quotePostId());
      ps.setString(9, p.quoteText());
      ps.setString(10, p.origin().name());
      ps.setInt(11, p.helpedCount());
      ps.setBoolean(12, p.hidden());
      ps.setTimestamp(13, Timestamp.from(p.createdAt()));
      ps.setTimestamp(14, p.editedAt() == null ? null : Timestamp.from(p.editedAt()));
      ps.executeUpdate();
    }
    CHANGES.changed(c, p.id());
  }

  /** A community's threads, pinned first then by last post, with the reader's unread counts. */
  List<Listed> threads(Connection c, String communityId, String reader, int limit, int offset)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + THREAD_COLUMNS
                + ", COALESCE(r.seen, 0), a.post_id FROM thread t LEFT JOIN thread_read r"
                + " ON r.thread_id = t.id AND r.lms_user_id = ?"
                + " LEFT JOIN thread_answer a ON a.thread_id = t.id WHERE t.community_id = ?"
                + " ORDER BY t.pinned DESC, t.last_post_at DESC, t.id LIMIT ? OFFSET ?")) {
      ps.setString(1, reader);
      ps.setString(2, communityId);
      ps.setInt(3, limit);
      ps.setInt(4, offset);
      List<Listed> listed = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          DiscussionThread t = thread(rs);
          listed.add(
              new Listed(t, Math.max(0, t.postCount() - rs.getInt(10)), rs.getString(11) != null));
        }
      }
      return listed;
    }
  }

  int threadCount(Connection c, String communityId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT COUNT(*) FROM thread WHERE community_id = ?")) {
      ps.setString(1, communityId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  Optional<DiscussionThread> thread(Connection c, String id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + THREAD_COLUMNS + " FROM thread t WHERE t.id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(thread(rs)) : Optional.empty();
      }
    }
  }

  /** Whether the thread is a reflection prompt's opening. */
  boolean isPrompt(Connection c, String threadId) throws SQLException {
    return Sql.count(c, "SELECT COUNT(*) FROM prompt_opening WHERE thread_id = ?", threadId) > 0;
  }

  /** The authors' names of posts, by post id. */
  Map<String, String> authorNames(Connection c, Collection<String> postIds) throws SQLException {
    Map<String, String> names = new java.util.HashMap<>();
    String marks = String.join(", ", java.util.Collections.nCopies(postIds.size(), "?"));
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id, author_name FROM post WHERE id IN (" + marks + ")")) {
      int i = 1;
      for (String id : postIds) {
        ps.setString(i++, id);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          names.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return names;
  }

  Optional<Post> post(Connection c, String id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + POST_COLUMNS + " FROM post WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(post(rs)) : Optional.empty();
      }
    }
  }

  /** Posts {@code from} to {@code to} (inclusive) of a thread, in order. */
  List<Post> posts(Connection c, String threadId, int from, int to) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + POST_COLUMNS
                + " FROM post WHERE thread_id = ? AND seq BETWEEN ? AND ? ORDER BY seq")) {
      ps.setString(1, threadId);
      ps.setInt(2, from);
      ps.setInt(3, to);
      List<Post> posts = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          posts.add(post(rs));
        }
      }
      return posts;
    }
  }

  /** Posts written in the given communities in [from, to), oldest first. */
  List<Post> postsBetween(Connection c, Collection<String> communityIds, Instant from, Instant to)
      throws SQLException {
    if (communityIds.isEmpty()) {
      return List.of();
    }
    String marks = String.join(", ", java.util.Collections.nCopies(communityIds.size(), "?"));
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT p.id, p.thread_id, p.seq, p.parent_id, p.author_id, p.author_name, p.body,"
                + " p.quote_post_id, p.quote_text, p.origin, p.helped_count, p.hidden,"
                + " p.created_at, p.edited_at FROM post p JOIN thread t ON t.id = p.thread_id"
                + " WHERE t.community_id IN ("
                + marks
                + ") AND p.created_at >= ? AND p.created_at < ? AND p.hidden = FALSE"
                + " ORDER BY p.created_at, p.id")) {
      int i = 1;
      for (String id : communityIds) {
        ps.setString(i++, id);
      }
      ps.setTimestamp(i++, Timestamp.from(from));
      ps.setTimestamp(i, Timestamp.from(to));
      List<Post> posts = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          posts.add(post(rs));
        }
      }
      return posts;
    }
  }

  List<String> communitiesWithPostsBetween(Connection c, Instant from, Instant to)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT DISTINCT t.community_id FROM post p JOIN thread t ON t.id = p.thread_id"
                + " WHERE p.created_at >= ? AND p.created_at < ? AND p.hidden = FALSE"
                + " ORDER BY t.community_id")) {
      ps.setTimestamp(1, Timestamp.from(from));
      ps.setTimestamp(2, Timestamp.from(to));
      List<String> ids = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
      return ids;
    }
  }

  Set<String> helpedBy(Connection c, String lmsUserId, List<Post> posts) throws SQLException {
    Set<String> helped = new HashSet<>();
    if (posts.isEmpty()) {
      return helped;
    }
    String marks = String.join(", ", java.util.Collections.nCopies(posts.size(), "?"));
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT post_id FROM post_helped WHERE lms_user_id = ? AND post_id IN ("
                + marks
                + ")")) {
      ps.setString(1, lmsUserId);
      for (int i = 0; i < posts.size(); i++) {
        ps.setString(i + 2, posts.get(i).id());
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          helped.add(rs.getString(1));
        }
      }
    }
    return helped;
  }

  /** Marks or unmarks "this helped me"; returns whether anything changed. */
  boolean setHelped(Connection c, String postId, String lmsUserId, boolean helped, Instant at)
      throws SQLException {
    boolean changed;
    if (helped) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO post_helped (post_id, lms_user_id, marked_at) VALUES (?, ?, ?)")) {
        ps.setString(1, postId);
        ps.setString(2, lmsUserId);
        ps.setTimestamp(3, Timestamp.from(at));
        ps.executeUpdate();
        changed = true;
      } catch (SQLException e) {
        if (!SqlStates.isDuplicate(e)) {
          throw e;
        }
        changed = false;
      }
    } else {
      try (PreparedStatement ps =
          c.prepareStatement("DELETE FROM post_helped WHERE post_id = ? AND lms_user_id = ?")) {
        ps.setString(1, postId);
        ps.setString(2, lmsUserId);
        changed = ps.executeUpdate() > 0;
      }
    }
    if (changed) {
      Sql.update(
          c,
          "UPDATE post SET helped_count = helped_count " + (helped ? "+" : "-") + " 1 WHERE id = ?",
          postId);
    }
    return changed;
  }

  /** Remembers that the reader has seen the first {@code seen} posts (never moving back). */
  void markRead(Connection c, String threadId, String lmsUserId, int seen) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE thread_read SET seen = ? WHERE thread_id = ? AND lms_user_id = ? AND seen < ?")) {
      ps.setInt(1, seen);
      ps.setString(2, threadId);
      ps.setString(3, lmsUserId);
      ps.setInt(4, seen);
      if (ps.executeUpdate() > 0) {
        return;
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO thread_read (thread_id, lms_user_id, seen) SELECT ?, ?, ? WHERE NOT EXISTS"
                + " (SELECT 1 FROM thread_read WHERE thread_id = ? AND lms_user_id = ?)")) {
      ps.setString(1, threadId);
      ps.setString(2, lmsUserId);
      ps.setInt(3, seen);
      ps.setString(4, threadId);
      ps.setString(5, lmsUserId);
      ps.executeUpdate();
    } catch (SQLException e) {
      if (!SqlStates.isDuplicate(e)) {
        throw e;
      }
    }
  }

  /** Keeps the current text as a revision, then stores the new one. */
  void edit(Connection c, Post post, String oldTitle, String newTitle, String newBody, Instant at)
      throws SQLException {
    int revision;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT COALESCE(MAX(revision), 0) FROM post_revision WHERE post_id = ?")) {
      ps.setString(1, post.id());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        revision = rs.getInt(1) + 1;
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO post_revision (post_id, revision, title, body, written_at) VALUES (?, ?, ?, ?, ?)")) {
      ps.setString(1, post.id());
      ps.setInt(2, revision);
      ps.setString(3, oldTitle);
      ps.setString(4, post.body());
      ps.setTimestamp(
          5, Timestamp.from(post.editedAt() == null ? post.createdAt() : post.editedAt()));
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE post SET body = ?, edited_at = ? WHERE id = ?")) {
      ps.setString(1, newBody);
      ps.setTimestamp(2, Timestamp.from(at));
      ps.setString(3, post.id());
      ps.executeUpdate();
    }
    if (newTitle != null) {
      try (PreparedStatement ps = c.prepareStatement("UPDATE thread SET title = ? WHERE id = ?")) {
        ps.setString(1, newTitle);
        ps.setString(2, post.threadId());
        ps.executeUpdate();
      }
    }
    CHANGES.changed(c, post.id());
  }

  List<Revision> revisions(Connection c, String postId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT revision, title, body, written_at FROM post_revision WHERE post_id = ? ORDER BY revision")) {
      ps.setString(1, postId);
      List<Revision> revisions = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          revisions.add(
              new Revision(
                  rs.getInt(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()));
        }
      }
      return revisions;
    }
  }

  void setPinned(Connection c, String threadId, boolean pinned) throws SQLException {
    Sql.update(c, "UPDATE thread SET pinned = ? WHERE id = ?", pinned, threadId);
  }

  void setHidden(Connection c, String postId, boolean hidden) throws SQLException {
    Sql.update(c, "UPDATE post SET hidden = ? WHERE id = ?", hidden, postId);
    CHANGES.changed(c, postId);
  }

  Optional<NotificationChoice> choice(Connection c, String communityId, String lmsUserId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT delivery FROM notification_choice WHERE community_id = ? AND lms_user_id = ?")) {
      ps.setString(1, communityId);
      ps.setString(2, lmsUserId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(NotificationChoice.valueOf(rs.getString(1)))
            : Optional.empty();
      }
    }
  }

  void setChoice(Connection c, String communityId, String lmsUserId, NotificationChoice choice)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE notification_choice SET delivery = ? WHERE community_id = ? AND lms_user_id = ?")) {
      ps.setString(1, choice.name());
      ps.setString(2, communityId);
      ps.setString(3, lmsUserId);
      if (ps.executeUpdate() > 0) {
        return;
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO notification_choice (community_id, lms_user_id, delivery) VALUES (?, ?, ?)")) {
      ps.setString(1, communityId);
      ps.setString(2, lmsUserId);
      ps.setString(3, choice.name());
      ps.executeUpdate();
    }
  }

  /** Choices made by the community's members; members without one have the default. */
  Map<String, NotificationChoice> choices(Connection c, String communityId) throws SQLException {
    Map<String, NotificationChoice> choices = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT lms_user_id, delivery FROM notification_choice WHERE community_id = ?")) {
      ps.setString(1, communityId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          choices.put(rs.getString(1), NotificationChoice.valueOf(rs.getString(2)));
        }
      }
    }
    return choices;
  }

  /** Courses where some community chose a forum. */
  List<String> coursesWithForums(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT DISTINCT course_id FROM community_anchor WHERE forum_id IS NOT NULL ORDER BY course_id")) {
      List<String> courses = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          courses.add(rs.getString(1));
        }
      }
      return courses;
    }
  }

  /**
   * The LMS's modified time of the version an imported post holds (its creation time when not
   * recorded); empty for a post written in the hub, or gone.
   */
  Optional<Long> importedVersion(Connection c, String postId, long createdSeconds)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT origin, lms_modified_s FROM post WHERE id = ?")) {
      ps.setString(1, postId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next() || !Post.Origin.LMS.name().equals(rs.getString(1))) {
          return Optional.empty();
        }
        long modified = rs.getLong(2);
        return Optional.of(rs.wasNull() ? createdSeconds : modified);
      }
    }
  }

  /**
   * Whether a post of the thread imported from the LMS was written there at or after {@code at}.
   */
  boolean hasImportedPostSince(Connection c, String threadId, Instant at) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT 1 FROM post WHERE thread_id = ? AND origin = ? AND created_at >= ?")) {
      ps.setString(1, threadId);
      ps.setString(2, Post.Origin.LMS.name());
      ps.setTimestamp(3, Timestamp.from(at));
      ps.setMaxRows(1);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  void setImportedVersion(Connection c, String postId, long modifiedSeconds) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE post SET lms_modified_s = ? WHERE id = ?")) {
      ps.setLong(1, modifiedSeconds);
      ps.setString(2, postId);
      ps.executeUpdate();
    }
  }

  long cursor(Connection c, String forumId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT modified_s FROM forum_cursor WHERE forum_id = ?")) {
      ps.setString(1, forumId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  void setCursor(Connection c, String forumId, String courseId, long modifiedSeconds)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE forum_cursor SET modified_s = ? WHERE forum_id = ?")) {
      ps.setLong(1, modifiedSeconds);
      ps.setString(2, forumId);
      if (ps.executeUpdate() > 0) {
        return;
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO forum_cursor (forum_id, course_id, modified_s) VALUES (?, ?, ?)")) {
      ps.setString(1, forumId);
      ps.setString(2, courseId);
      ps.setLong(3, modifiedSeconds);
      ps.executeUpdate();
    }
  }

  /** What the import last saw of a Moodle discussion, as "modified/replies". */
  Optional<String> seen(Connection c, String discussionId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT modified_s, replies FROM forum_discussion_seen WHERE discussion_id = ?")) {
      ps.setString(1, discussionId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1) + "/" + rs.getInt(2)) : Optional.empty();
      }
    }
  }

  void setSeen(Connection c, String discussionId, long modifiedSeconds, int replies)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE forum_discussion_seen SET modified_s = ?, replies = ? WHERE discussion_id = ?")) {
      ps.setLong(1, modifiedSeconds);
      ps.setInt(2, replies);
      ps.setString(3, discussionId);
      if (ps.executeUpdate() > 0) {
        return;
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO forum_discussion_seen (discussion_id, modified_s, replies) VALUES (?, ?, ?)")) {
      ps.setString(1, discussionId);
      ps.setLong(2, modifiedSeconds);
      ps.setInt(3, replies);
      ps.executeUpdate();
    }
  }

  private static DiscussionThread thread(ResultSet rs) throws SQLException {
    return new DiscussionThread(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getBoolean(6),
        rs.getInt(7),
        rs.getTimestamp(8).toInstant(),
        rs.getTimestamp(9).toInstant());
  }

  private static Post post(ResultSet rs) throws SQLException {
    Timestamp edited = rs.getTimestamp(14);
    return new Post(
        rs.getString(1),
        rs.getString(2),
        rs.getInt(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        Post.Origin.valueOf(rs.getString(10)),
        rs.getInt(11),
        rs.getBoolean(12),
        rs.getTimestamp(13).toInstant(),
        edited == null ? null : edited.toInstant());
  }
}
