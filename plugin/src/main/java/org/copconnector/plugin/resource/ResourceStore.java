package org.copconnector.plugin.resource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.copconnector.plugin.search.ChangeLog;
import org.copconnector.plugin.store.Sql;
import org.copconnector.plugin.store.SqlStates;

/** SQL for blobs, uploads, resources, their versions, shares, uses, ratings and comments. */
final class ResourceStore {

  /** A received file waiting to be used. */
  record Upload(String id, String sha256, String fileName, String uploadedBy) {}

  /** The change log the search index follows. */
  static final ChangeLog CHANGES = new ChangeLog("resource_change", "resource_id");

  private static final String RESOURCE_COLUMNS =
      "id, community_id, title, description, kind, subjects, cycles, language, licence, tags,"
          + " authors, visibility, adapted_from, created_by, created_at, current_version,"
          + " use_count, rating_sum, rating_count, comment_count, adaptation_count";

  /** Records a file's facts once; a second upload of the same bytes keeps the first. */
  void insertBlob(Connection c, String sha, long size, String mediaType, String text, Instant at)
      throws SQLException {
    if (blobMediaType(c, sha).isPresent()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO blob (sha256, size_bytes, media_type, text_body, created_at) VALUES (?, ?, ?, ?, ?)")) {
      ps.setString(1, sha);
      ps.setLong(2, size);
      ps.setString(3, mediaType);
      ps.setString(4, text);
      ps.setTimestamp(5, Timestamp.from(at));
      ps.executeUpdate();
    } catch (SQLException e) {
      if (!SqlStates.isDuplicate(e)) {
        throw e;
      }
    }
  }

  /** Forgets uploads made before {@code before}: they were used at once or never. */
  int deleteUploadsBefore(Connection c, Instant before) throws SQLException {
    return Sql.update(c, "DELETE FROM upload WHERE created_at < ?", Timestamp.from(before));
  }

  /** Forgets files recorded before {@code before} that no upload, version or post refers to. */
  int deleteUnreferencedBlobsBefore(Connection c, Instant before) throws SQLException {
    return Sql.update(
        c,
        "DELETE FROM blob WHERE created_at < ?"
            + " AND NOT EXISTS (SELECT 1 FROM upload u WHERE u.sha256 = blob.sha256)"
            + " AND NOT EXISTS (SELECT 1 FROM resource_version v WHERE v.sha256 = blob.sha256)"
            + " AND NOT EXISTS (SELECT 1 FROM post_file f WHERE f.sha256 = blob.sha256)",
        Timestamp.from(before));
  }

  List<String> blobChecksums(Connection c) throws SQLException {
    return Sql.strings(c, "SELECT sha256 FROM blob");
  }

  Optional<String> blobMediaType(Connection c, String sha) throws SQLException {
    return Sql.first(c, "SELECT media_type FROM blob WHERE sha256 = ?", sha);
  }

  String blobText(Connection c, String sha) throws SQLException {
    return Sql.first(c, "SELECT text_body FROM blob WHERE sha256 = ?", sha).orElse("");
  }

  void insertUpload(Connection c, Upload u, Instant at) throws SQLException {
    Sql.update(
        c,
        "INSERT INTO upload (id, sha256, file_name, uploaded_by, created_at) VALUES (?, ?, ?, ?, ?)",
        u.id(),
        u.sha256(),
        u.fileName(),
        u.uploadedBy(),
        Timestamp.from(at));
  }

  Optional<Upload> upload(Connection c, String id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id, sha256, file_name, uploaded_by FROM upload WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(
                new Upload(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
            : Optional.empty();
      }
    }
  }

  void insert(Connection c, Resource r) throws SQLException {
    Sql.update(
        c,
        "INSERT INTO resource ("
            + RESOURCE_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0)",
        r.id(),
        r.communityId(),
        r.title(),
        r.description(),
        r.kind().name(),
        String.join(",", r.subjects()),
        String.join(",", r.cycles()),
        r.language(),
        r.licence().name(),
        String.join(",", r.tags()),
        String.join(",", r.authors()),
        r.visibility().name(),
        r.adaptedFrom(),
        r.createdBy(),
        Timestamp.from(r.createdAt()),
        r.currentVersion());
  }

  Optional<Resource> find(Connection c, String id) throws SQLException {
    List<Resource> found = findAll(c, List.of(id));
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** Resources by id, in the order asked (missing ones left out). */
  List<Resource> findAll(Connection c, List<String> ids) throws SQLException {
    if (ids.isEmpty()) {
      return List.of();
    }
    String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
    java.util.Map<String, Resource> byId = new java.util.HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT " + RESOURCE_COLUMNS + " FROM resource WHERE id IN (" + marks + ")")) {
      for (int i = 0; i < ids.size(); i++) {
        ps.setString(i + 1, ids.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Resource r = resource(rs);
          byId.put(r.id(), r);
        }
      }
    }
    return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
  }

  /** The resources of a community's bank: its own and those shared into it, oldest first. */
  List<String> inBank(Connection c, String communityId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id FROM resource WHERE community_id = ? OR id IN"
                + " (SELECT resource_id FROM resource_share WHERE community_id = ?)"
                + " ORDER BY created_at, id")) {
      ps.setString(1, communityId);
      ps.setString(2, communityId);
      List<String> ids = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
      return ids;
    }
  }

  /** Every resource id, in a stable order (for rebuilding the search index). */
  List<String> allIds(Connection c) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM resource ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }

  void insertVersion(Connection c, String resourceId, Version v) throws SQLException {
    Sql.update(
        c,
        "INSERT INTO resource_version (resource_id, version, sha256, file_name, url, note, created_by, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        resourceId,
        v.version(),
        v.sha256(),
        v.fileName(),
        v.url(),
        v.note(),
        v.createdBy(),
        Timestamp.from(v.createdAt()));
    Sql.update(c, "UPDATE resource SET current_version = ? WHERE id = ?", v.version(), resourceId);
  }

  List<Version> versions(Connection c, String resourceId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT v.version, v.sha256, v.file_name, b.media_type, b.size_bytes, v.url, v.note,"
                + " v.created_by, v.created_at FROM resource_version v"
                + " LEFT JOIN blob b ON b.sha256 = v.sha256 WHERE v.resource_id = ? ORDER BY v.version")) {
      ps.setString(1, resourceId);
      List<Version> versions = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long size = rs.getLong(5);
          versions.add(
              new Version(
                  rs.getInt(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.wasNull() ? null : size,
                  rs.getString(6),
                  rs.getString(7),
                  rs.getString(8),
                  rs.getTimestamp(9).toInstant()));
        }
      }
      return versions;
    }
  }

  List<String> shares(Connection c, String resourceId) throws SQLException {
    return Sql.strings(
        c,
        "SELECT community_id FROM resource_share WHERE resource_id = ? ORDER BY community_id",
        resourceId);
  }

  /** Shares a resource into another community's bank; sharing twice changes nothing. */
  boolean share(Connection c, String resourceId, String communityId, String by, Instant at)
      throws SQLException {
    if (shares(c, resourceId).contains(communityId)) {
      return false;
    }
    Sql.update(
        c,
        "INSERT INTO resource_share (resource_id, community_id, shared_by, shared_at) VALUES (?, ?, ?, ?)",
        resourceId,
        communityId,
        by,
        Timestamp.from(at));
    return true;
  }

  void setVisibility(Connection c, String resourceId, Resource.Visibility visibility)
      throws SQLException {
    Sql.update(c, "UPDATE resource SET visibility = ? WHERE id = ?", visibility.name(), resourceId);
  }

  /**
   * Records that a person used the resource: their first use counts, a later one replaces the
   * version, note and date of theirs. The resource's row is locked first, so two clicks at once
   * still count once.
   */
  boolean recordUse(
      Connection c, String id, String resourceId, String user, int version, String note, Instant at)
      throws SQLException {
    Sql.first(c, "SELECT id FROM resource WHERE id = ? FOR UPDATE", resourceId);
    int updated =
        Sql.update(
            c,
            "UPDATE resource_use SET version = ?, note = ?, used_at = ?"
                + " WHERE resource_id = ? AND lms_user_id = ?",
            version,
            note,
            Timestamp.from(at),
            resourceId,
            user);
    if (updated > 0) {
      return false;
    }
    Sql.update(
        c,
        "INSERT INTO resource_use (id, resource_id, lms_user_id, version, note, used_at) VALUES (?, ?, ?, ?, ?, ?)",
        id,
        resourceId,
        user,
        version,
        note,
        Timestamp.from(at));
    Sql.update(c, "UPDATE resource SET use_count = use_count + 1 WHERE id = ?", resourceId);
    return true;
  }

  /** Who used the resource, the latest first, without their names. */
  List<Usage> uses(Connection c, String resourceId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT lms_user_id, version, note, used_at FROM resource_use"
                + " WHERE resource_id = ? ORDER BY used_at DESC, lms_user_id")) {
      ps.setString(1, resourceId);
      List<Usage> uses = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          uses.add(
              new Usage(
                  rs.getString(1),
                  null,
                  rs.getInt(2),
                  rs.getString(3),
                  rs.getTimestamp(4).toInstant()));
        }
      }
      return uses;
    }
  }

  /** Everyone who said they used the resource. */
  List<String> users(Connection c, String resourceId) throws SQLException {
    return Sql.strings(
        c,
        "SELECT DISTINCT lms_user_id FROM resource_use WHERE resource_id = ? ORDER BY lms_user_id",
        resourceId);
  }

  /** The latest version the person said they used, 0 if none. */
  int usedVersion(Connection c, String resourceId, String user) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT COALESCE(MAX(version), 0) FROM resource_use WHERE resource_id = ? AND lms_user_id = ?")) {
      ps.setString(1, resourceId);
      ps.setString(2, user);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /** A person's 1-5 rating; rating again replaces it. */
  void rate(Connection c, String resourceId, String user, int stars) throws SQLException {
    Optional<String> previous =
        Sql.first(
            c,
            "SELECT CAST(stars AS VARCHAR(2)) FROM resource_rating WHERE resource_id = ? AND lms_user_id = ?",
            resourceId,
            user);
    if (previous.isPresent()) {
      Sql.update(
          c,
          "UPDATE resource_rating SET stars = ? WHERE resource_id = ? AND lms_user_id = ?",
          stars,
          resourceId,
          user);
      Sql.update(
          c,
          "UPDATE resource SET rating_sum = rating_sum + ? WHERE id = ?",
          stars - Integer.parseInt(previous.get()),
          resourceId);
    } else {
      Sql.update(
          c,
          "INSERT INTO resource_rating (resource_id, lms_user_id, stars) VALUES (?, ?, ?)",
          resourceId,
          user,
          stars);
      Sql.update(
          c,
          "UPDATE resource SET rating_sum = rating_sum + ?, rating_count = rating_count + 1 WHERE id = ?",
          stars,
          resourceId);
    }
  }

  int rating(Connection c, String resourceId, String user) throws SQLException {
    return Sql.first(
            c,
            "SELECT CAST(stars AS VARCHAR(2)) FROM resource_rating WHERE resource_id = ? AND lms_user_id = ?",
            resourceId,
            user)
        .map(Integer::parseInt)
        .orElse(0);
  }

  void addComment(Connection c, String resourceId, Comment comment) throws SQLException {
    Sql.update(
        c,
        "INSERT INTO resource_comment (id, resource_id, author_id, author_name, body, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        comment.id(),
        resourceId,
        comment.authorId(),
        comment.authorName(),
        comment.body(),
        Timestamp.from(comment.createdAt()));
    Sql.update(c, "UPDATE resource SET comment_count = comment_count + 1 WHERE id = ?", resourceId);
  }

  List<Comment> comments(Connection c, String resourceId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, author_id, author_name, body, created_at FROM resource_comment"
                + " WHERE resource_id = ? ORDER BY created_at, id")) {
      ps.setString(1, resourceId);
      List<Comment> comments = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          comments.add(
              new Comment(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getTimestamp(5).toInstant()));
        }
      }
      return comments;
    }
  }

  /** Resources adapted from this one. */
  List<String> adaptations(Connection c, String resourceId) throws SQLException {
    return Sql.strings(
        c, "SELECT id FROM resource WHERE adapted_from = ? ORDER BY created_at, id", resourceId);
  }

  void countAdaptation(Connection c, String resourceId) throws SQLException {
    Sql.update(
        c, "UPDATE resource SET adaptation_count = adaptation_count + 1 WHERE id = ?", resourceId);
  }

  /** Notes a change for the search index, in the changing transaction. */
  void changed(Connection c, String resourceId) throws SQLException {
    CHANGES.changed(c, resourceId);
  }

  private static Resource resource(ResultSet rs) throws SQLException {
    int ratingCount = rs.getInt(19);
    return new Resource(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        Resource.Kind.valueOf(rs.getString(5)),
        list(rs.getString(6)),
        list(rs.getString(7)),
        rs.getString(8),
        Resource.Licence.valueOf(rs.getString(9)),
        list(rs.getString(10)),
        list(rs.getString(11)),
        Resource.Visibility.valueOf(rs.getString(12)),
        rs.getString(13),
        rs.getString(14),
        rs.getTimestamp(15).toInstant(),
        rs.getInt(16),
        new Resource.Counts(
            rs.getInt(17),
            ratingCount,
            ratingCount == 0 ? 0 : rs.getInt(18) / (double) ratingCount,
            rs.getInt(20),
            rs.getInt(21)));
  }

  private static List<String> list(String joined) {
    return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
  }
}
