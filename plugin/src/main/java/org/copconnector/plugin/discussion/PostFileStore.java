package org.copconnector.plugin.discussion;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.copconnector.plugin.store.Sql;

/** Storage of posts' pictures and attachments (table {@code post_file}). */
final class PostFileStore {

  private static final String COLUMNS =
      "id, community_id, post_id, kind, sha256, file_name, media_type, size_bytes, uploaded_by,"
          + " created_at, resource_id";

  void insert(Connection c, PostFile f) throws SQLException {
    Sql.update(
        c,
        "INSERT INTO post_file (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        f.id(),
        f.communityId(),
        f.postId(),
        f.kind().name(),
        f.sha256(),
        f.fileName(),
        f.mediaType(),
        f.size(),
        f.uploadedBy(),
        Timestamp.from(f.createdAt()),
        f.resourceId());
  }

  Optional<PostFile> find(Connection c, String id) throws SQLException {
    List<PostFile> found = select(c, "SELECT " + COLUMNS + " FROM post_file WHERE id = ?", id);
    return found.stream().findFirst();
  }

  /** The files of the given ids that exist, by id. */
  Map<String, PostFile> byIds(Connection c, Collection<String> ids) throws SQLException {
    Map<String, PostFile> found = new LinkedHashMap<>();
    for (String id : ids) {
      find(c, id).ifPresent(f -> found.put(id, f));
    }
    return found;
  }

  /** The attachments of each of the posts, in the order they were sent. */
  Map<String, List<PostFile>> attachmentsOf(Connection c, List<String> postIds)
      throws SQLException {
    Map<String, List<PostFile>> byPost = new LinkedHashMap<>();
    if (postIds.isEmpty()) {
      return byPost;
    }
    String marks = String.join(", ", java.util.Collections.nCopies(postIds.size(), "?"));
    for (PostFile f :
        select(
            c,
            "SELECT "
                + COLUMNS
                + " FROM post_file WHERE kind = 'ATTACHMENT' AND post_id IN ("
                + marks
                + ") ORDER BY created_at, id",
            postIds.toArray())) {
      byPost.computeIfAbsent(f.postId(), p -> new ArrayList<>()).add(f);
    }
    return byPost;
  }

  /** Takes its attachments from a post (they are swept as files no post holds). */
  void unbindAttachments(Connection c, String postId) throws SQLException {
    Sql.update(
        c, "UPDATE post_file SET post_id = NULL WHERE kind = 'ATTACHMENT' AND post_id = ?", postId);
  }

  /** Gives files not yet part of a post to {@code postId}. */
  void bind(Connection c, List<String> ids, String postId) throws SQLException {
    for (String id : ids) {
      Sql.update(
          c, "UPDATE post_file SET post_id = ? WHERE id = ? AND post_id IS NULL", postId, id);
    }
  }

  void setResource(Connection c, String id, String resourceId) throws SQLException {
    Sql.update(c, "UPDATE post_file SET resource_id = ? WHERE id = ?", resourceId, id);
  }

  /** Forgets files sent for a post that was never written. */
  int deleteUnboundBefore(Connection c, Instant before) throws SQLException {
    return Sql.update(
        c,
        "DELETE FROM post_file WHERE post_id IS NULL AND created_at < ?",
        Timestamp.from(before));
  }

  private static List<PostFile> select(Connection c, String sql, Object... values)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        ps.setObject(i + 1, values[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        List<PostFile> files = new ArrayList<>();
        while (rs.next()) {
          files.add(
              new PostFile(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  PostFile.Kind.valueOf(rs.getString(4)),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getLong(8),
                  rs.getString(9),
                  rs.getTimestamp(10).toInstant(),
                  rs.getString(11)));
        }
        return files;
      }
    }
  }
}
