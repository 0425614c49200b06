package org.copconnector.plugin.community;

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

/** Communities, their anchors and members; every method works inside the caller's transaction. */
final class CommunityStore {

  private static final String COLUMNS =
      "c.id, c.name, c.domain, c.cycles, c.subjects, c.sharing, c.framework, c.context, c.focus, c.joining,"
          + " c.created_by, c.created_at, c.archived_at";

  /** An anchor: the community in one course, mirrored as one group. */
  void insert(Connection c, Community community) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO community (id, name, domain, cycles, subjects, sharing, framework, context, focus, joining,"
                + " created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
      Community.Profile p = community.profile();
      ps.setString(1, community.id());
      ps.setString(2, community.name());
      ps.setString(3, community.domain());
      ps.setString(4, String.join(",", p.cycles()));
      ps.setString(5, String.join(",", p.subjects()));
      ps.setString(6, p.sharing().name());
      ps.setString(7, p.framework().name());
      ps.setString(8, p.context().name());
      ps.setString(9, String.join(",", p.focus()));
      ps.setString(10, community.joining().name());
      ps.setString(11, community.createdBy());
      ps.setTimestamp(12, Timestamp.from(community.createdAt()));
      ps.executeUpdate();
    }
  }

  /** Replaces what a community says about itself: name, domain, profile and joining mode. */
  void update(
      Connection c,
      String id,
      String name,
      String domain,
      Community.Profile p,
      Community.Joining joining)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE community SET name = ?, domain = ?, cycles = ?, subjects = ?, sharing = ?,"
                + " framework = ?, context = ?, focus = ?, joining = ? WHERE id = ?")) {
      ps.setString(1, name);
      ps.setString(2, domain);
      ps.setString(3, String.join(",", p.cycles()));
      ps.setString(4, String.join(",", p.subjects()));
      ps.setString(5, p.sharing().name());
      ps.setString(6, p.framework().name());
      ps.setString(7, p.context().name());
      ps.setString(8, String.join(",", p.focus()));
      ps.setString(9, joining.name());
      ps.setString(10, id);
      ps.executeUpdate();
    }
  }

  void insertAnchor(Connection c, Anchor anchor) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO community_anchor (id, community_id, course_id) VALUES (?, ?, ?)")) {
      ps.setString(1, anchor.id());
      ps.setString(2, anchor.communityId());
      ps.setString(3, anchor.courseId());
      ps.executeUpdate();
    }
  }

  List<Anchor> anchors(Connection c, String communityId) throws SQLException {
    return anchorsWhere(c, "community_id = ?", communityId);
  }

  /** Anchors of a course that have a forum chosen. */
  List<Anchor> anchorsWithForumIn(Connection c, String courseId) throws SQLException {
    return anchorsWhere(c, "course_id = ? AND forum_id IS NOT NULL", courseId);
  }

  private static List<Anchor> anchorsWhere(Connection c, String where, String value)
      throws SQLException {
    List<Anchor> anchors = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, community_id, course_id, forum_id FROM community_anchor WHERE "
                + where
                + " ORDER BY course_id, id")) {
      ps.setString(1, value);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          anchors.add(
              new Anchor(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        }
      }
    }
    return anchors;
  }

  void setForum(Connection c, String anchorId, String forumId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE community_anchor SET forum_id = ? WHERE id = ?")) {
      ps.setString(1, forumId);
      ps.setString(2, anchorId);
      ps.executeUpdate();
    }
  }

  Optional<Community> find(Connection c, String id) throws SQLException {
    List<Community> found =
        query(c, "SELECT " + COLUMNS + " FROM community c WHERE c.id = ?", List.of(id));
    return found.stream().findFirst();
  }

  /** Communities anchored in any of the courses, newest first. */
  List<Community> inCourses(Connection c, Collection<String> courseIds) throws SQLException {
    if (courseIds.isEmpty()) {
      return List.of();
    }
    String marks = String.join(",", java.util.Collections.nCopies(courseIds.size(), "?"));
    return query(
        c,
        "SELECT "
            + COLUMNS
            + " FROM community c WHERE c.id IN (SELECT community_id FROM community_anchor WHERE course_id IN ("
            + marks
            + ")) ORDER BY c.created_at DESC, c.id",
        List.copyOf(courseIds));
  }

  void setArchived(Connection c, String id, Instant archivedAt) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE community SET archived_at = ? WHERE id = ?")) {
      ps.setTimestamp(1, archivedAt == null ? null : Timestamp.from(archivedAt));
      ps.setString(2, id);
      ps.executeUpdate();
    }
  }

  Optional<Membership> membership(Connection c, String communityId, String userId)
      throws SQLException {
    return members(c, communityId, "AND lms_user_id = ?", userId).stream().findFirst();
  }

  List<Membership> members(Connection c, String communityId) throws SQLException {
    return members(c, communityId, "", null);
  }

  /** The communities a person is an active member (or facilitator) of. */
  List<String> activeCommunitiesOf(Connection c, String userId) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT community_id FROM community_member WHERE lms_user_id = ? AND status = 'ACTIVE'"
                + " ORDER BY community_id")) {
      ps.setString(1, userId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
    }
    return ids;
  }

  void saveMembership(Connection c, Membership m) throws SQLException {
    try (PreparedStatement delete =
            c.prepareStatement(
                "DELETE FROM community_member WHERE community_id = ? AND lms_user_id = ?");
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO community_member (community_id, lms_user_id, role, status, since) VALUES (?,?,?,?,?)")) {
      delete.setString(1, m.communityId());
      delete.setString(2, m.lmsUserId());
      delete.executeUpdate();
      insert.setString(1, m.communityId());
      insert.setString(2, m.lmsUserId());
      insert.setString(3, m.role().name());
      insert.setString(4, m.status().name());
      insert.setTimestamp(5, Timestamp.from(m.since()));
      insert.executeUpdate();
    }
  }

  void deleteMembership(Connection c, String communityId, String userId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "DELETE FROM community_member WHERE community_id = ? AND lms_user_id = ?")) {
      ps.setString(1, communityId);
      ps.setString(2, userId);
      ps.executeUpdate();
    }
  }

  /** Active member counts per community. */
  Map<String, Integer> activeCounts(Connection c, Collection<String> communityIds)
      throws SQLException {
    Map<String, Integer> counts = new LinkedHashMap<>();
    if (communityIds.isEmpty()) {
      return counts;
    }
    String marks = String.join(",", java.util.Collections.nCopies(communityIds.size(), "?"));
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT community_id, COUNT(*) FROM community_member WHERE status = 'ACTIVE' AND community_id IN ("
                + marks
                + ") GROUP BY community_id")) {
      int i = 1;
      for (String id : communityIds) {
        ps.setString(i++, id);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          counts.put(rs.getString(1), rs.getInt(2));
        }
      }
    }
    return counts;
  }

  private List<Membership> members(Connection c, String communityId, String extra, String userId)
      throws SQLException {
    List<Membership> members = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT community_id, lms_user_id, role, status, since FROM community_member WHERE community_id = ? "
                + extra
                + " ORDER BY lms_user_id")) {
      ps.setString(1, communityId);
      if (userId != null) {
        ps.setString(2, userId);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          members.add(
              new Membership(
                  rs.getString(1),
                  rs.getString(2),
                  Membership.Role.valueOf(rs.getString(3)),
                  Membership.Status.valueOf(rs.getString(4)),
                  rs.getTimestamp(5).toInstant()));
        }
      }
    }
    return members;
  }

  private List<Community> query(Connection c, String sql, List<String> params) throws SQLException {
    List<Community> found = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.size(); i++) {
        ps.setString(i + 1, params.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Timestamp archived = rs.getTimestamp(13);
          String id = rs.getString(1);
          found.add(
              new Community(
                  id,
                  rs.getString(2),
                  rs.getString(3),
                  new Community.Profile(
                      split(rs.getString(4)),
                      split(rs.getString(5)),
                      Community.Sharing.valueOf(rs.getString(6)),
                      Community.Framework.valueOf(rs.getString(7)),
                      Community.Context.valueOf(rs.getString(8)),
                      split(rs.getString(9))),
                  Community.Joining.valueOf(rs.getString(10)),
                  List.of(),
                  rs.getString(11),
                  rs.getTimestamp(12).toInstant(),
                  archived == null ? null : archived.toInstant()));
        }
      }
    }
    List<Community> withCourses = new ArrayList<>();
    for (Community community : found) {
      List<String> courses = anchors(c, community.id()).stream().map(Anchor::courseId).toList();
      withCourses.add(
          new Community(
              community.id(),
              community.name(),
              community.domain(),
              community.profile(),
              community.joining(),
              courses,
              community.createdBy(),
              community.createdAt(),
              community.archivedAt()));
    }
    return withCourses;
  }

  private static List<String> split(String joined) {
    return joined.isEmpty() ? List.of() : List.of(joined.split(","));
  }
}
